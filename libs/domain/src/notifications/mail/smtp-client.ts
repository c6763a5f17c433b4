// A small SMTP client (RFC 5321: EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL/RCPT/DATA) that can stop
// right before the final "." of DATA. A server accepts a message only when it reads that dot, and
// drops a transaction whose connection closes before it. Holding it back lets the caller write the
// dot in the same synchronous step as the COMMIT that records the delivery as sent (see
// notification-sender.ts); nodemailer's transport streams the dot from inside its pipeline, so it
// cannot be placed there. nodemailer still builds the MIME message (mime.ts).
import { connect as netConnect, Socket } from 'node:net';
import { connect as tlsConnect, TLSSocket } from 'node:tls';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://, usually port 465). */
  secure: boolean;
  /** Refuse to go on without STARTTLS on a plain connection (?requireTLS=true). */
  requireTls: boolean;
  /** Verify the server's certificate (default on; ?tlsRejectUnauthorized=false turns it off). */
  rejectUnauthorized: boolean;
  user?: string;
  pass?: string;
  /** Our name in EHLO. */
  name: string;
  /** Each reply must come within this time (and the connection within it). */
  timeoutMs: number;
}

export function parseSmtpUrl(url: string, name = 'open-cities.local'): SmtpOptions {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const flag = (key: string) => parsed.searchParams.get(key);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || (secure ? 465 : 587)),
    secure,
    requireTls: flag('requireTLS') === 'true',
    rejectUnauthorized: flag('tlsRejectUnauthorized') !== 'false',
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    pass: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    name,
    timeoutMs: Number(flag('timeoutMs') ?? 30_000),
  };
}

/** A refusal by the server (with its reply code) or a connection problem (code null). */
export class SmtpError extends Error {
  override name = 'SmtpError';
  constructor(message: string, readonly code: number | null, readonly stage: string) {
    super(message);
  }

  /** 5xx: the server will refuse this again; retrying is pointless. */
  get permanent(): boolean {
    return this.code !== null && this.code >= 500;
  }
}

interface Reply {
  code: number;
  lines: string[];
}

const FINAL_DOT = Buffer.from('.\r\n', 'latin1');

/** Dot-stuffs a message and normalises it to CRLF lines ending in CRLF (RFC 5321 4.5.2). */
export function encodeData(raw: Buffer): Buffer {
  // The composed message is 7-bit (quoted-printable/base64 bodies), so latin1 round-trips it.
  let text = raw.toString('latin1').replace(/\r?\n/g, '\r\n').replace(/(^|\r\n)\./g, '$1..');
  if (!text.endsWith('\r\n')) text += '\r\n';
  return Buffer.from(text, 'latin1');
}

/** The message is written up to the final dot; nothing is delivered until commit(). */
export interface StagedSmtpMessage {
  /**
   * Writes the final dot synchronously (before returning) and resolves with the server's
   * acceptance reply, or rejects with its refusal.
   */
  commit(): Promise<string>;
  /** Drops the transaction: the connection is closed before the dot, so the server discards it. */
  abort(): void;
}

export class SmtpConnection {
  private buffer = '';
  private replyLines: string[] = [];
  /** Who waits for the coming replies, in order (more than one while commands are pipelined). */
  private readonly waiters: { resolve: (reply: Reply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }[] = [];
  private ready: Reply[] = [];
  private closedError: Error | null = null;
  private extensions = new Map<string, string>();

  private constructor(private socket: Socket | TLSSocket, private readonly options: SmtpOptions) {
    this.attach(socket);
  }

  static async open(options: SmtpOptions): Promise<SmtpConnection> {
    const socket = await connectSocket(options);
    const connection = new SmtpConnection(socket, options);
    try {
      await connection.expect(await connection.nextReply('greeting'), [220], 'greeting');
      await connection.hello();
      if (!options.secure && connection.extensions.has('STARTTLS')) {
        await connection.command('STARTTLS', [220], 'STARTTLS');
        await connection.upgrade();
        await connection.hello();
      } else if (!options.secure && options.requireTls) {
        throw new SmtpError('The server does not offer STARTTLS and requireTLS is set', null, 'STARTTLS');
      }
      if (options.user) await connection.login(options.user, options.pass ?? '');
      return connection;
    } catch (error) {
      connection.destroy();
      throw error;
    }
  }

  /** True while the connection can take another message. */
  get usable(): boolean {
    return this.closedError === null && !this.socket.destroyed;
  }

  async stage(from: string, to: string, raw: Buffer): Promise<StagedSmtpMessage> {
    if (this.extensions.has('PIPELINING')) {
      await this.envelopePipelined(from, to);
    } else {
      await this.command(`MAIL FROM:<${from}>`, [250], 'MAIL FROM');
      await this.command(`RCPT TO:<${to}>`, [250, 251], 'RCPT TO');
      await this.command('DATA', [354], 'DATA');
    }
    const data = encodeData(raw);
    // Wait until the body has left this process, so that commit() only has three bytes to write.
    await new Promise<void>((resolve, reject) => this.socket.write(data, (error) => (error ? reject(this.connectionError('DATA', error)) : resolve())));
    let settled = false;
    return {
      commit: () => {
        if (settled) throw new Error('this message was already committed or aborted');
        settled = true;
        // Written first, with nothing before it: the caller has just written its COMMIT. The reply
        // arrives in a later event, so registering for it afterwards misses nothing.
        this.socket.write(FINAL_DOT);
        const reply = this.nextReply('end of data');
        return reply.then(async (answer) => {
          await this.expect(answer, [250], 'end of data');
          return answer.lines.join(' ');
        });
      },
      abort: () => {
        settled = true;
        this.destroy();
      },
    };
  }

  /**
   * RFC 2920: MAIL, RCPT and DATA in one write, then their three replies in order: one round trip
   * instead of three. A refusal is reported for the first command refused; the caller then drops the
   * connection (SmtpTransport does), so a DATA the server accepted regardless is never completed.
   */
  private async envelopePipelined(from: string, to: string): Promise<void> {
    const steps: { stage: string; expected: number[] }[] = [
      { stage: 'MAIL FROM', expected: [250] },
      { stage: 'RCPT TO', expected: [250, 251] },
      { stage: 'DATA', expected: [354] },
    ];
    const replies = steps.map(({ stage }) => this.nextReply(stage));
    // After a refusal the later replies are not awaited; once the connection is dropped they reject,
    // which must not surface as an unhandled rejection (it would stop the worker).
    for (const reply of replies) reply.catch(() => undefined);
    if (this.closedError) throw this.closedError;
    this.socket.write(`MAIL FROM:<${from}>\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
    for (const [index, { stage, expected }] of steps.entries()) await this.expect(await replies[index], expected, stage);
  }

  async quit(): Promise<void> {
    if (!this.usable) return;
    try {
      await this.command('QUIT', [221], 'QUIT');
    } catch {
      // the server may just close the connection
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.closedError ??= new SmtpError('connection closed', null, 'connection');
    this.socket.destroy();
    this.failWaiters(this.closedError);
  }

  private async hello(): Promise<void> {
    this.send(`EHLO ${this.options.name}`);
    const reply = await this.nextReply('EHLO');
    if (reply.code !== 250) {
      await this.command(`HELO ${this.options.name}`, [250], 'HELO');
      this.extensions.clear();
      return;
    }
    this.extensions.clear();
    for (const line of reply.lines.slice(1)) {
      const [keyword, ...rest] = line.split(' ');
      this.extensions.set(keyword.toUpperCase(), rest.join(' ').toUpperCase());
    }
  }

  private async login(user: string, pass: string): Promise<void> {
    const methods = (this.extensions.get('AUTH') ?? '').split(/\s+/);
    if (methods.includes('PLAIN') || !methods.includes('LOGIN')) {
      const token = Buffer.from(`\0${user}\0${pass}`, 'utf8').toString('base64');
      await this.command(`AUTH PLAIN ${token}`, [235], 'AUTH PLAIN');
      return;
    }
    await this.command('AUTH LOGIN', [334], 'AUTH LOGIN');
    await this.command(Buffer.from(user, 'utf8').toString('base64'), [334], 'AUTH LOGIN');
    await this.command(Buffer.from(pass, 'utf8').toString('base64'), [235], 'AUTH LOGIN');
  }

  private async upgrade(): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('close');
    plain.removeAllListeners('error');
    const secured = tlsConnect({ socket: plain, servername: this.options.host, rejectUnauthorized: this.options.rejectUnauthorized });
    await new Promise<void>((resolve, reject) => {
      secured.once('secureConnect', resolve);
      secured.once('error', (error) => reject(this.connectionError('STARTTLS', error)));
    });
    this.socket = secured;
    this.buffer = '';
    this.attach(secured);
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => {
      this.closedError ??= this.connectionError('connection', error);
      this.failWaiters(this.closedError);
    });
    socket.on('close', () => {
      this.closedError ??= new SmtpError('the server closed the connection', null, 'connection');
      this.failWaiters(this.closedError);
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer += chunk.toString('utf8');
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      const match = /^(\d{3})([ -]?)(.*)$/.exec(line);
      if (!match) continue;
      this.replyLines.push(match[3]);
      if (match[2] === '-') continue;
      const reply = { code: Number(match[1]), lines: this.replyLines };
      this.replyLines = [];
      const waiter = this.waiters.shift();
      if (waiter) {
        clearTimeout(waiter.timer);
        waiter.resolve(reply);
      } else {
        this.ready.push(reply);
      }
    }
  }

  /** The next reply; registered synchronously, so a reply to something written after the call is not missed. */
  private nextReply(stage: string): Promise<Reply> {
    const queued = this.ready.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new SmtpError(`no reply to ${stage} within ${this.options.timeoutMs} ms`, null, stage);
        this.closedError ??= error;
        this.socket.destroy();
        this.failWaiters(error);
      }, this.options.timeoutMs);
      this.waiters.push({ resolve, reject, timer });
    });
  }

  private failWaiters(error: Error): void {
    for (const { reject, timer } of this.waiters.splice(0)) {
      clearTimeout(timer);
      reject(error);
    }
  }

  private send(line: string): void {
    if (this.closedError) throw this.closedError;
    this.socket.write(`${line}\r\n`);
  }

  private async command(line: string, expected: number[], stage: string): Promise<Reply> {
    const reply = this.nextReply(stage);
    this.send(line);
    return this.expect(await reply, expected, stage);
  }

  private async expect(reply: Reply, expected: number[], stage: string): Promise<Reply> {
    if (expected.includes(reply.code)) return reply;
    throw new SmtpError(`${stage} refused: ${reply.code} ${reply.lines.join(' ')}`.slice(0, 480), reply.code, stage);
  }

  private connectionError(stage: string, error: Error): SmtpError {
    return new SmtpError(`${stage}: ${error.message}`, null, stage);
  }
}

function connectSocket(options: SmtpOptions): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = options.secure
      ? tlsConnect({ host: options.host, port: options.port, servername: options.host, rejectUnauthorized: options.rejectUnauthorized })
      : netConnect({ host: options.host, port: options.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SmtpError(`could not connect to ${options.host}:${options.port} within ${options.timeoutMs} ms`, null, 'connect'));
    }, options.timeoutMs);
    socket.once(options.secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new SmtpError(`could not connect to ${options.host}:${options.port}: ${error.message}`, null, 'connect'));
    });
  });
}
