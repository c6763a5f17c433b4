import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import { isPermanent, mayHaveBeenHandedOver } from '../delivery-policy';
import { FileSinkTransport, SMTP_MAX_CONNECTIONS, smtpPoolOptions, SmtpTransport } from './mail-transport';

/** A real SMTP server on 127.0.0.1 for one describe block: what it received (with the session's TLS and user), its port. */
function smtpServerFor(options: Omit<SMTPServerOptions, 'onData' | 'logger'>) {
  const received: { raw: string; secure: boolean; user: unknown }[] = [];
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      ...options,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ raw: Buffer.concat(chunks).toString('latin1'), secure: session.secure, user: session.user });
          callback(null, `OK queued as Q${received.length}`);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, port: () => (server.server.address() as AddressInfo).port };
}

const message = (id: string, to = 'juror@example.org') => ({
  messageId: id,
  from: 'no-reply@open-cities.local',
  to,
  raw: Buffer.from(`Message-ID: <${id}@open-cities.local>\r\nSubject: ${id}\r\n\r\n.hello\r\n`),
});

describe('SMTP_URL', () => {
  it('reads smtp:// and smtps:// URLs into nodemailer pool options', () => {
    expect(smtpPoolOptions('smtp://user%40x:p%3Ass@mail.example.org:2525?requireTLS=true')).toMatchObject({
      pool: true,
      maxConnections: SMTP_MAX_CONNECTIONS,
      host: 'mail.example.org',
      port: 2525,
      secure: false,
      requireTLS: true,
      tls: { rejectUnauthorized: true },
      auth: { user: 'user@x', pass: 'p:ss' },
    });
    expect(smtpPoolOptions('smtps://mail.example.org')).toMatchObject({ port: 465, secure: true, auth: undefined });
    expect(smtpPoolOptions('smtp://127.0.0.1?tlsRejectUnauthorized=false')).toMatchObject({ port: 587, secure: false, tls: { rejectUnauthorized: false } });
  });
});

describe('SMTP transport against a real server (STARTTLS, AUTH)', () => {
  const { received, port } = smtpServerFor({
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: (auth, _session, callback) =>
      auth.username === 'user' && auth.password === 'pa:ss' ? callback(null, { user: 'user' }) : callback(Object.assign(new Error('bad credentials'), { responseCode: 535 })),
  });

  it('upgrades with STARTTLS, signs in, and returns the server’s 250 reply as the receipt', async () => {
    const transport = new SmtpTransport(`smtp://user:pa%3Ass@127.0.0.1:${port()}?requireTLS=true&tlsRejectUnauthorized=false`);
    try {
      await expect(transport.send(message('first'))).resolves.toMatch(/^250 OK queued as Q1/);
      await expect(transport.send(message('second'))).resolves.toMatch(/^250 OK queued as Q2/);
      expect(received.map(({ raw, secure, user }) => [/Subject: (\w+)/.exec(raw)?.[1], secure, user])).toEqual([
        ['first', true, 'user'],
        ['second', true, 'user'],
      ]);
      // Sent as composed (raw), dot-stuffed on the wire and restored by the server.
      expect(received[0].raw).toContain('Message-ID: <first@open-cities.local>\r\n');
      expect(received[0].raw).toContain('\r\n.hello\r\n');
    } finally {
      await transport.close();
    }
  });

  it('reports a refused sign-in as permanent and not handed over', async () => {
    const transport = new SmtpTransport(`smtp://user:wrong@127.0.0.1:${port()}?tlsRejectUnauthorized=false`);
    const error = await transport.send(message('x')).catch((e: unknown) => e);
    await transport.close();
    expect(error).toMatchObject({ code: 'EAUTH', responseCode: 535 });
    expect([isPermanent(error), mayHaveBeenHandedOver(error)]).toEqual([true, false]);
  });

  it('refuses to send in clear when requireTLS is set and the certificate is not trusted', async () => {
    const transport = new SmtpTransport(`smtp://user:pa%3Ass@127.0.0.1:${port()}?requireTLS=true`);
    const error = await transport.send(message('untrusted')).catch((e: unknown) => e);
    await transport.close();
    expect(error).toMatchObject({ message: expect.stringMatching(/certificate/) });
    expect(mayHaveBeenHandedOver(error)).toBe(false);
    expect(received.some(({ raw }) => raw.includes('untrusted'))).toBe(false);
  });
});

describe.each([
  ['with PIPELINING', false],
  ['without PIPELINING', true],
])('SMTP envelope %s', (_label, hidePIPELINING) => {
  const { received, port } = smtpServerFor({
    authOptional: true,
    hidePIPELINING,
    hideSTARTTLS: true,
    onRcptTo: (address, _session, callback) =>
      address.address.startsWith('unknown@') ? callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 })) : callback(),
  });

  it('reports a refused recipient permanently, and the next messages still go out on the pool', async () => {
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port()}`);
    try {
      const refused = await transport.send(message('refused', 'unknown@example.org')).catch((e: unknown) => e);
      expect(refused).toMatchObject({ responseCode: 550 });
      expect([isPermanent(refused), mayHaveBeenHandedOver(refused)]).toEqual([true, false]);
      await Promise.all(['first', 'second', 'third'].map((id) => transport.send(message(id))));
      expect(received.map(({ raw }) => /Subject: (\w+)/.exec(raw)?.[1]).sort()).toEqual(['first', 'second', 'third']);
    } finally {
      await transport.close();
    }
  });
});

describe('local sink', () => {
  it('writes one file per Message-ID, whole, and a re-send replaces it', async () => {
    const sink = new FileSinkTransport(mkdtempSync(join(tmpdir(), 'oc-sink-')));
    await expect(sink.send(message('one'))).resolves.toBe(`stored in ${sink.fileOf('one')}`);
    await sink.send({ ...message('one'), raw: Buffer.from('Subject: one, again\r\n\r\n') });
    expect(readdirSync(sink.dir)).toEqual(['one.eml']);
    expect(readFileSync(sink.fileOf('one'), 'latin1')).toContain('one, again');
    expect(existsSync(sink.fileOf('two'))).toBe(false);
  });
});
