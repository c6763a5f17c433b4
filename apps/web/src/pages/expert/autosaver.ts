// Saving a piece of the report while it is written: a pause in typing (or leaving the field) saves
// the latest value; one save at a time, so an older value never lands after a newer one; the state
// it reports says whether what is on screen is what is saved. Pure (timers injected): see its spec.

export type SaveStatus =
  /** Nothing changed since it was loaded or last saved. */
  | { kind: 'idle' }
  /** Changes wait for the pause in typing. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** The value cannot be saved yet (a new practice without its required fields): kept, not an error. */
  | { kind: 'incomplete' }
  | { kind: 'failed'; error: unknown };

/** What a save answers: `false` when the value is not complete enough to be saved yet. */
export type SaveResult = void | boolean;

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export interface AutosaverOptions<T> {
  /** The value as loaded: what counts as saved until the first save. */
  initial: T;
  save: (value: T) => Promise<SaveResult>;
  onStatus: (status: SaveStatus) => void;
  /** The pause after the last change before saving (ms). */
  delayMs?: number;
  equal?: (a: T, b: T) => boolean;
  now?: () => number;
  timers?: Timers;
}

export const AUTOSAVE_DELAY_MS = 1500;

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Autosaver<T> {
  private saved: T;
  private latest: T;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private status: SaveStatus = { kind: 'idle' };
  private readonly delayMs: number;
  private readonly equal: (a: T, b: T) => boolean;
  private readonly now: () => number;
  private readonly timers: Timers;
  private save: (value: T) => Promise<SaveResult>;

  constructor(private readonly options: AutosaverOptions<T>) {
    this.save = options.save;
    this.saved = options.initial;
    this.latest = options.initial;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.equal = options.equal ?? Object.is;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? browserTimers;
  }

  /** Whether what is on screen differs from what is saved (also while a save is on its way). */
  get dirty(): boolean {
    return !this.equal(this.latest, this.saved);
  }

  get current(): SaveStatus {
    return this.status;
  }

  /** A change typed: saved after the pause, unless another change comes first. */
  change(value: T): void {
    this.latest = value;
    this.cancelTimer();
    if (!this.dirty) {
      // Typed back to what is saved: nothing to do (a save on its way still reports its outcome).
      if (!this.running && this.status.kind !== 'idle' && this.status.kind !== 'saved') this.report({ kind: 'idle' });
      return;
    }
    if (!this.running && this.status.kind !== 'pending') this.report({ kind: 'pending' });
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Saves now (leaving the field, leaving the page, submitting); true when all on screen is saved. */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    if (this.running) {
      // One save at a time: this value goes once the one on its way has landed.
      this.again = true;
      await this.running;
      return this.flush();
    }
    if (!this.dirty) return true;
    const value = this.latest;
    this.report({ kind: 'saving' });
    this.running = this.save(value).then(
      (result) => {
        if (result === false) {
          this.report({ kind: 'incomplete' });
          return;
        }
        this.saved = value;
        this.report(this.dirty ? { kind: 'pending' } : { kind: 'saved', at: this.now() });
      },
      (error: unknown) => this.report({ kind: 'failed', error }),
    );
    await this.running;
    this.running = null;
    // Changes typed while saving, asked to be saved meanwhile: their turn now.
    if (this.again || (this.dirty && this.status.kind === 'pending' && this.timer === null)) {
      this.again = false;
      return this.flush();
    }
    return !this.dirty;
  }

  /** The save to call from now on (a component's fresh closure over its current props). */
  saveWith(save: (value: T) => Promise<SaveResult>): void {
    this.save = save;
  }

  /** The component is gone: no timer may fire after it. */
  dispose(): void {
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private report(status: SaveStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }
}
