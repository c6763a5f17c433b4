// Where mail goes: an SMTP server (SMTP_URL), or without one a local sink of .eml files under
// DATA_DIR/mail. Both work in two steps, stage() then commit(), so that the sender can put the
// point of no return (the final dot, the rename) right next to the COMMIT that records it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSmtpUrl, SmtpConnection, SmtpError, SmtpOptions, StagedSmtpMessage } from './smtp-client';

export interface OutgoingMail {
  /** The delivery id; the sink names its file after it. */
  id: string;
  from: string;
  to: string;
  raw: Buffer;
}

export interface StagedMail {
  /** Hands the message over. The hand-over itself happens synchronously, before this returns. */
  commit(): Promise<string>;
  /** Gives up before the hand-over; nothing is delivered. */
  abort(): void;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'sink';
  stage(mail: OutgoingMail): Promise<StagedMail>;
  close(): Promise<void>;
}

/** Reuses idle connections (one message at a time on each); closes those idle for a while. */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly options: SmtpOptions;
  private readonly idle: { connection: SmtpConnection; timer: NodeJS.Timeout }[] = [];
  private closed = false;

  constructor(url: string, private readonly idleMs = 10_000) {
    this.options = parseSmtpUrl(url);
  }

  async stage(mail: OutgoingMail): Promise<StagedMail> {
    if (this.closed) throw new SmtpError('the mail transport is closed', null, 'connect');
    const reused = this.takeIdle();
    try {
      return await this.stageOn(reused ?? (await SmtpConnection.open(this.options)), mail);
    } catch (error) {
      // An idle connection the server has meanwhile closed: one more try on a fresh one.
      if (reused && error instanceof SmtpError && error.code === null) {
        return this.stageOn(await SmtpConnection.open(this.options), mail);
      }
      throw error;
    }
  }

  private async stageOn(connection: SmtpConnection, mail: OutgoingMail): Promise<StagedMail> {
    let staged: StagedSmtpMessage;
    try {
      staged = await connection.stage(mail.from, mail.to, mail.raw);
    } catch (error) {
      connection.destroy();
      throw error;
    }
    return {
      commit: () => {
        const reply = staged.commit();
        return reply.then(
          (answer) => {
            this.release(connection);
            return answer;
          },
          (error: unknown) => {
            connection.destroy();
            throw error;
          },
        );
      },
      abort: () => staged.abort(),
    };
  }

  private takeIdle(): SmtpConnection | null {
    for (;;) {
      const entry = this.idle.pop();
      if (!entry) return null;
      clearTimeout(entry.timer);
      if (entry.connection.usable) return entry.connection;
    }
  }

  private release(connection: SmtpConnection): void {
    if (this.closed || !connection.usable) {
      void connection.quit();
      return;
    }
    const entry = {
      connection,
      timer: setTimeout(() => {
        const index = this.idle.indexOf(entry);
        if (index >= 0) this.idle.splice(index, 1);
        void connection.quit();
      }, this.idleMs).unref(),
    };
    this.idle.push(entry);
  }

  async close(): Promise<void> {
    this.closed = true;
    const entries = this.idle.splice(0);
    await Promise.all(entries.map(({ connection, timer }) => (clearTimeout(timer), connection.quit())));
  }
}

/**
 * The embedded default's mail: one `<delivery id>.eml` per delivery. Written to a temporary file
 * first and renamed on commit, so a message is there whole or not at all, and a resend after a
 * crash overwrites the same file instead of adding a second one.
 */
export class FileSinkTransport implements MailTransport {
  readonly kind = 'sink' as const;
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = resolve(dataDir, 'mail');
  }

  fileOf(id: string): string {
    return join(this.dir, `${id}.eml`);
  }

  async stage(mail: OutgoingMail): Promise<StagedMail> {
    mkdirSync(this.dir, { recursive: true });
    const temporary = join(this.dir, `.${mail.id}.${randomBytes(4).toString('hex')}.tmp`);
    const file = this.fileOf(mail.id);
    writeFileSync(temporary, mail.raw, { mode: 0o600 });
    return {
      commit: () => {
        renameSync(temporary, file);
        return Promise.resolve(`stored in ${file}`);
      },
      abort: () => rmSync(temporary, { force: true }),
    };
  }

  async close(): Promise<void> {}
}

export function createMailTransport(smtpUrl: string | undefined, dataDir: string): MailTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl) : new FileSinkTransport(dataDir);
}
