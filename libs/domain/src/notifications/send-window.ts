// How many mails a worker process composes and hands over at once, across all its batches: enough
// to keep every SMTP connection of the pool busy with the next message already composed, few enough
// that the first mails of a fan-out leave at once (instead of after every claimed mail was composed
// side by side) and that composed messages do not pile up in memory. First come, first served.
export class SendWindow {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
