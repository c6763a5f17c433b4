// Drives the bare sender of P5 (bench/baselines/bare-mail.ts) over its stdin/stdout line protocol.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawnNode, SpawnedNode, stopChild } from './processes';

export class BareMailProcess {
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | null = null;

  private constructor(private readonly node: SpawnedNode) {
    createInterface({ input: node.child.stdout! }).on('line', (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(line);
      } else {
        this.lines.push(line);
      }
    });
  }

  static async start(root: string, smtpUrl: string): Promise<BareMailProcess> {
    const node = spawnNode(join(root, 'dist/bench/baselines/bare-mail.js'), {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', SMTP_URL: smtpUrl },
      cwd: root,
      stdin: true,
    });
    return new BareMailProcess(node);
  }

  private next(timeoutMs = 600_000): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bare sender did not answer:\n${this.node.output().slice(-2000)}`)), timeoutMs);
      this.waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
    });
  }

  private send(line: string): void {
    this.node.child.stdin!.write(`${line}\n`);
  }

  get pid(): number | undefined {
    return this.node.child.pid;
  }

  /** Renders n messages in the bare process (not timed): kept rendered (composed as they are sent) or composed into MIME now. */
  async prepare(n: number, form: 'rendered' | 'composed'): Promise<void> {
    this.send(`prepare ${n} ${form}`);
    const answer = await this.next();
    if (answer !== 'ready') throw new Error(`the bare sender answered "${answer}" to prepare`);
  }

  /** Sends the prepared messages; resolves when the process has every reply. */
  async go(): Promise<{ ms: number; failed: number }> {
    this.send('go');
    const [word, ms, failed] = (await this.next()).split(' ');
    if (word !== 'done') throw new Error(`the bare sender answered "${word}" to go`);
    return { ms: Number(ms), failed: Number(failed) };
  }

  async stop(): Promise<void> {
    this.send('quit');
    await stopChild(this.node.child, 'SIGTERM');
  }
}
