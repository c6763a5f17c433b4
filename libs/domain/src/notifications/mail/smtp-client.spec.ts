import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import { SmtpTransport } from './mail-transport';
import { encodeData, parseSmtpUrl } from './smtp-client';

/** A real SMTP server on 127.0.0.1 for one describe block: what it received, its port. */
function smtpServerFor(options: Omit<SMTPServerOptions, 'onData' | 'logger'>): { received: string[]; port: () => number } {
  const received: string[] = [];
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      ...options,
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('latin1'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, port: () => (server.server.address() as AddressInfo).port };
}

describe('SMTP client helpers', () => {
  it('reads smtp:// and smtps:// URLs', () => {
    expect(parseSmtpUrl('smtp://user%40x:p%3Ass@mail.example.org:2525?requireTLS=true')).toMatchObject({
      host: 'mail.example.org',
      port: 2525,
      secure: false,
      requireTls: true,
      rejectUnauthorized: true,
      user: 'user@x',
      pass: 'p:ss',
    });
    expect(parseSmtpUrl('smtps://mail.example.org')).toMatchObject({ port: 465, secure: true, user: undefined });
    expect(parseSmtpUrl('smtp://127.0.0.1')).toMatchObject({ port: 587, secure: false });
  });

  it('dot-stuffs lines and ends the data with CRLF, leaving the final dot to commit()', () => {
    expect(encodeData(Buffer.from('.first\nsecond\r\n.\r\n..x')).toString('latin1')).toBe('..first\r\nsecond\r\n..\r\n...x\r\n');
  });
});

describe('SMTP transport against a real server (STARTTLS, AUTH)', () => {
  const { received, port: serverPort } = smtpServerFor({
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: (auth, _session, callback) =>
      auth.username === 'user' && auth.password === 'pa:ss' ? callback(null, { user: 'user' }) : callback(Object.assign(new Error('bad credentials'), { responseCode: 535 })),
  });
  let port: number;
  beforeAll(() => {
    port = serverPort();
  });

  const message = (id: string) => ({ id, from: 'no-reply@open-cities.local', to: 'juror@example.org', raw: Buffer.from(`Subject: ${id}\r\n\r\n.hello\r\n`) });

  it('upgrades with STARTTLS, signs in, and delivers only on commit', async () => {
    const transport = new SmtpTransport(`smtp://user:pa%3Ass@127.0.0.1:${port}?requireTLS=true&tlsRejectUnauthorized=false`);
    try {
      const aborted = await transport.stage(message('aborted'));
      aborted.abort();
      const staged = await transport.stage(message('committed'));
      expect(received.some((raw) => raw.includes('committed'))).toBe(false);
      await expect(staged.commit()).resolves.toMatch(/^OK/);
      // The connection is reused for the next message.
      await (await transport.stage(message('second'))).commit();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received.map((raw) => /Subject: (\w+)/.exec(raw)?.[1])).toEqual(['committed', 'second']);
      expect(received[0]).toContain('\r\n.hello\r\n');
    } finally {
      await transport.close();
    }
  });

  it('reports a refused sign-in as a permanent error', async () => {
    const transport = new SmtpTransport(`smtp://user:wrong@127.0.0.1:${port}?tlsRejectUnauthorized=false`);
    await expect(transport.stage(message('x'))).rejects.toMatchObject({ code: 535, permanent: true });
    await transport.close();
  });
});

describe.each([
  ['with PIPELINING (envelope in one write)', false],
  ['without PIPELINING (one command at a time)', true],
])('SMTP envelope %s', (_label, hidePIPELINING) => {
  const { received, port: serverPort } = smtpServerFor({
    authOptional: true,
    hidePIPELINING,
    hideSTARTTLS: true,
    onRcptTo: (address, _session, callback) =>
      address.address.startsWith('unknown@') ? callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 })) : callback(),
  });
  let port: number;
  beforeAll(() => {
    port = serverPort();
  });

  const message = (id: string, to: string) => ({ id, from: 'no-reply@open-cities.local', to, raw: Buffer.from(`Subject: ${id}\r\n\r\nbody\r\n`) });

  it('reports a refused recipient at RCPT TO, permanently, and the next message still goes out', async () => {
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port}`);
    try {
      await expect(transport.stage(message('refused', 'unknown@example.org'))).rejects.toMatchObject({ code: 550, stage: 'RCPT TO', permanent: true });
      await (await transport.stage(message('first', 'juror@example.org'))).commit();
      await (await transport.stage(message('second', 'juror@example.org'))).commit();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received.map((raw) => /Subject: (\w+)/.exec(raw)?.[1])).toEqual(['first', 'second']);
    } finally {
      await transport.close();
    }
  });
});
