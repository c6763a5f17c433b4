// Group commit for the receipts of a batch of sends: one statement for every item that arrived
// while the previous statement ran. The first item is written at once (after the current tick),
// so a receipt waits at most for one statement in flight; under load the groups grow by themselves.
// Why not one statement at the end of a batch: a worker killed in the middle of a batch would then
// leave every message the batch already handed over without its receipt, and each would be sent
// twice; this way only those in flight (one SMTP connection each, plus one statement's worth) are.

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupWriter<T> {
  private waiting: Waiting<T>[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxGroup = 500,
  ) {}

  /** Resolves once the statement carrying this item has committed; rejects if it failed. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxGroup);
      try {
        await this.write(group.map(({ item }) => item));
        for (const { resolve } of group) resolve();
      } catch (error) {
        for (const { reject } of group) reject(error);
      }
    }
    this.writing = false;
  }
}
