// A real SMTP server in the test process (smtp-server): records every message it accepts, can
// refuse chosen recipients (550), can reset the connection right after the final dot of some
// messages (dropping them, as an MTA does with a transaction it never acknowledged), and can go
// down and come back on the same port.
import { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface MimePart {
  contentType: string;
  headers: Record<string, string>;
  content: string;
}

export interface ReceivedMail {
  /** The envelope recipient. */
  to: string;
  raw: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  parts: MimePart[];
}

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Recipients refused at RCPT TO with a permanent 550. */
  readonly refuse = new Set<string>();
  /**
   * The share (0..1) of messages, chosen at random, whose connection is reset (TCP RST) right after
   * the server read their final dot, before its reply: the message is not kept, and the client
   * cannot tell whether it was. `resets` counts them.
   */
  resetAfterDot = 0;
  resets = 0;
  private server: SMTPServer | null = null;
  private constructor(private port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(0);
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 200,
      size: 5 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address.toLowerCase())) {
          return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        // Only a message received in full (up to the final dot) is accepted and recorded; a
        // connection that drops before it destroys the stream and nothing is kept, like any MTA.
        stream.on('end', () => {
          if (this.resetAfterDot > 0 && Math.random() < this.resetAfterDot && this.resetConnectionOf(server, session.id)) {
            this.resets += 1;
            return;
          }
          const raw = Buffer.concat(chunks).toString('latin1');
          for (const rcpt of session.envelope.rcptTo) this.messages.push({ to: rcpt.address.toLowerCase(), raw, ...decodeMail(raw) });
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Resets the TCP connection of a session (smtp-server keeps its connections, each with its socket). */
  private resetConnectionOf(server: SMTPServer, sessionId: string): boolean {
    const connections = (server as unknown as { connections: Set<{ id: string; _socket: Socket }> }).connections;
    const connection = [...connections].find((c) => c.id === sessionId);
    if (!connection) return false;
    connection._socket.resetAndDestroy();
    return true;
  }

  /** Stops listening and drops open connections: the SMTP server is down. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((message) => message.to === address.toLowerCase());
  }

  /** (event key, recipient) → how many messages arrived. */
  countByEventAndRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.messages) {
      const key = `${message.headers['x-open-cities-event']}|${message.to}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}

// A small MIME reader for assertions: headers (RFC 2047 words decoded), nested multiparts,
// quoted-printable and base64 bodies.

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = Buffer.from(text.replace(/=\r?\n/g, ''), 'latin1');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x3d && /^[0-9A-Fa-f]{2}$/.test(bytes.subarray(i + 1, i + 3).toString('latin1'))) {
      out.push(parseInt(bytes.subarray(i + 1, i + 3).toString('latin1'), 16));
      i += 2;
    } else {
      out.push(bytes[i]);
    }
  }
  return Buffer.from(out).toString('utf8');
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = at >= 0 ? raw.slice(0, at) : raw;
  const body = at >= 0 ? raw.slice(at + 4) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parseParts(raw: string): MimePart[] {
  const { headers, body } = splitHeaders(raw);
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => parseParts(part.replace(/^\r\n/, '')));
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const content =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'latin1').toString('utf8');
  return [{ contentType: contentType.split(';')[0].trim().toLowerCase(), headers, content }];
}

export function decodeMail(raw: string): Omit<ReceivedMail, 'to' | 'raw'> {
  const { headers } = splitHeaders(raw);
  const parts = parseParts(raw);
  return {
    headers,
    subject: headers.subject ?? '',
    text: parts.find((part) => part.contentType === 'text/plain')?.content ?? '',
    html: parts.find((part) => part.contentType === 'text/html')?.content ?? '',
    parts,
  };
}
