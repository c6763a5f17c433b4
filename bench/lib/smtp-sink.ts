// A counting SMTP sink for the benchmarks (P5): a real SMTP server (smtp-server, as the tests'
// libs/testing/src/smtp-sink.ts) on 127.0.0.1 that accepts every message, notes when it arrived and
// which delivery it carries (the X-Open-Cities-Delivery header), and keeps nothing else: no MIME
// decoding, no bodies, so 10,000 messages cost the sink little and memory stays flat.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const DELIVERY_HEADER = /^x-open-cities-delivery:[ \t]*([0-9a-f-]{36})/im;
/** The headers come first; the delivery id is within the first few KiB of every message. */
const HEAD_BYTES = 16 * 1024;

export class CountingSmtpSink {
  /** Delivery id → arrival (performance.now()) of its first message. */
  readonly arrivals = new Map<string, number>();
  /** Messages for a delivery that had already arrived (exactly-once broken). */
  duplicates = 0;
  /** Messages without a delivery header. */
  unlabeled = 0;
  private waiter: { count: number; resolve: () => void } | null = null;

  private constructor(private readonly server: SMTPServer, readonly url: string) {}

  static async start(): Promise<CountingSmtpSink> {
    let sink: CountingSmtpSink | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // No reverse DNS lookup of 127.0.0.1 per connection: a property of the sink, not of the app.
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 200,
      size: 5 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        const head: Buffer[] = [];
        let headBytes = 0;
        stream.on('data', (chunk: Buffer) => {
          if (headBytes < HEAD_BYTES) {
            head.push(chunk);
            headBytes += chunk.length;
          }
        });
        // Only a message received up to its final dot counts, as with any MTA.
        stream.on('end', () => {
          sink?.record(Buffer.concat(head).toString('latin1'));
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    sink = new CountingSmtpSink(server, `smtp://127.0.0.1:${port}`);
    return sink;
  }

  get count(): number {
    return this.arrivals.size;
  }

  private record(head: string): void {
    const at = performance.now();
    const id = DELIVERY_HEADER.exec(head)?.[1];
    if (!id) this.unlabeled += 1;
    else if (this.arrivals.has(id)) this.duplicates += 1;
    else this.arrivals.set(id, at);
    if (this.waiter && this.arrivals.size >= this.waiter.count) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve();
    }
  }

  /** Resolves true once `count` distinct deliveries have arrived, false after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<boolean> {
    if (this.arrivals.size >= count) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(false);
      }, timeoutMs);
      this.waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
    });
  }

  reset(): void {
    this.arrivals.clear();
    this.duplicates = 0;
    this.unlabeled = 0;
    this.waiter = null;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
