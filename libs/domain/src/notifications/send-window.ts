// How many mails a worker process composes at once, across all its batches (NotificationSender's
// compose-ahead): enough that a composed message is ready whenever an SMTP connection frees, few
// enough that the first mails of a fan-out leave at once (instead of after every claimed mail was
// composed side by side). First come, first served.
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
