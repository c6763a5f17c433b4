// Where mail goes: an SMTP server (SMTP_URL) through nodemailer's pooled SMTP transport, or
// without one a local sink of .eml files under DATA_DIR/mail. Either way send() resolves with a
// receipt (the server's 250 reply, or the file written) only once the message is accepted.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface OutgoingMail {
  /** The delivery's message id (a uuid, the local part of its Message-ID); the sink names its file after it. */
  messageId: string;
  from: string;
  to: string;
  raw: Buffer;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'sink';
  /** Resolves with the receipt once the message is accepted; rejects if it was not (or if that is unknown). */
  send(mail: OutgoingMail): Promise<string>;
  close(): Promise<void>;
}

/**
 * Connections the SMTP pool keeps open, as many as a worker sends at once (the notifications
 * queue's concurrency): each connection carries one message at a time.
 */
export const SMTP_MAX_CONNECTIONS = 8;

/**
 * nodemailer's options for an `SMTP_URL`: `smtp://` (STARTTLS when offered) or `smtps://` (TLS from
 * the start), user and password from the URL, `?requireTLS=true` (refuse to send without STARTTLS)
 * and `?tlsRejectUnauthorized=false` (accept a self-signed certificate, for a local relay).
 */
export function smtpPoolOptions(url: string): SMTPPool.Options {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const flag = (key: string) => parsed.searchParams.get(key);
  return {
    pool: true,
    maxConnections: SMTP_MAX_CONNECTIONS,
    // A connection is replaced after this many messages (nodemailer's default of 100 reconnects needlessly).
    maxMessages: 10_000,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || (secure ? 465 : 587)),
    secure,
    requireTLS: flag('requireTLS') === 'true',
    tls: { rejectUnauthorized: flag('tlsRejectUnauthorized') !== 'false' },
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // nodemailer's timeouts, shortened: a hung server fails the attempt (retried later) well within a claim.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
}

/** nodemailer's pooled SMTP transport, sending the composed message as it is (raw) to one envelope recipient. */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(url: string) {
    this.transporter = createTransport(smtpPoolOptions(url));
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transporter.sendMail({ envelope: { from: mail.from, to: [mail.to] }, raw: mail.raw });
    return info.response;
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/**
 * The embedded default's mail: one `<message id>.eml` per delivery. Written to a temporary file and
 * renamed into place, so a message is there whole or not at all, and a re-send after a crash
 * replaces the same file instead of adding a second one.
 */
export class FileSinkTransport implements MailTransport {
  readonly kind = 'sink' as const;
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = resolve(dataDir, 'mail');
  }

  fileOf(messageId: string): string {
    return join(this.dir, `${messageId}.eml`);
  }

  async send(mail: OutgoingMail): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const temporary = join(this.dir, `.${mail.messageId}.${randomBytes(4).toString('hex')}.tmp`);
    const file = this.fileOf(mail.messageId);
    try {
      await writeFile(temporary, mail.raw, { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return `stored in ${file}`;
  }

  async close(): Promise<void> {}
}

export function createMailTransport(smtpUrl: string | undefined, dataDir: string): MailTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl) : new FileSinkTransport(dataDir);
}
