// Composing a message with nodemailer's MailComposer is about half of the CPU a worker spends per
// mail (its stream machinery more than the encoding itself; P5 profile). A worker thread does it,
// so the main thread, which carries the queue, the database and the SMTP connections of every
// batch, is not held up by it, and a second core takes part. Nothing about a delivery's guarantees
// lives here: a thread that fails a message fails its attempt like any composing error.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { ComposeInput, composeMail } from './mime';

export interface Composer {
  /** Where messages are composed: on a worker thread (built code) or on the caller's. */
  readonly where: 'thread' | 'inline';
  compose(input: ComposeInput): Promise<Buffer>;
  close(): Promise<void>;
}

/** The compiled task; absent when the code runs from its TypeScript sources (jest), which compose on the main thread. */
const TASK_FILE = join(__dirname, 'compose-task.js');

/** Threads alive only while mail is being composed (an API process that never sends starts none). */
const IDLE_MS = 30_000;

export function createComposer(concurrency: number): Composer {
  if (!existsSync(TASK_FILE)) return { where: 'inline', compose: composeMail, close: async () => undefined };
  const pool = new Piscina<ComposeInput, Uint8Array>({
    filename: TASK_FILE,
    minThreads: 0,
    // One thread per core beside the main thread's, at least one.
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    // The send window's mails wait in the thread's own queue rather than in the pool's.
    concurrentTasksPerWorker: concurrency,
    idleTimeout: IDLE_MS,
  });
  return {
    where: 'thread',
    async compose(input) {
      const raw = await pool.run(input);
      return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    },
    close: () => pool.destroy(),
  };
}
