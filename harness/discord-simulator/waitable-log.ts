/** Options for waiting on a log entry. */
export interface WaitOptions {
  /** How long to wait before rejecting; default 5000 ms. */
  timeoutMs?: number;
}

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * An append-only list that tests can wait on. Waiting checks entries already logged first, so a
 * test never misses an entry that arrived before it started waiting.
 */
export class WaitableLog<T> {
  readonly #items: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  #closedWith: Error | undefined;

  constructor(private readonly describe: (item: T) => string) {}

  /** Everything logged so far, oldest first. */
  get items(): readonly T[] {
    return this.#items;
  }

  push(item: T): void {
    this.#items.push(item);
    for (const waiter of [...this.#waiters]) {
      if (!waiter.predicate(item)) continue;
      this.#settle(waiter);
      waiter.resolve(item);
    }
  }

  /** Resolves with the first entry (old or new) matching `predicate`; rejects after the timeout. */
  waitFor(predicate: (item: T) => boolean, what: string, options: WaitOptions = {}): Promise<T> {
    const existing = this.#items.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    if (this.#closedWith) return Promise.reject(this.#closedWith);
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#settle(waiter);
          const seen = this.#items.slice(-8).map(this.describe).join('\n  ') || '(nothing)';
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last entries:\n  ${seen}`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Forgets entries (waiters stay). */
  clear(): void {
    this.#items.length = 0;
  }

  /** Rejects every pending waiter so no timer outlives the simulator. */
  close(reason: string): void {
    this.#closedWith = new Error(reason);
    for (const waiter of [...this.#waiters]) {
      this.#settle(waiter);
      waiter.reject(this.#closedWith);
    }
  }

  #settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }
}
