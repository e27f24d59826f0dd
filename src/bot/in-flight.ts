/**
 * The interactions being handled right now, so a shutdown can wait for answers in progress
 * (and still save their buttons and log their questions) before it closes the stores.
 */
export class InFlight {
  private readonly work = new Set<Promise<void>>();

  /** Counts `work` until it settles; `work` must never reject. */
  track(work: Promise<void>): void {
    this.work.add(work);
    void work.finally(() => this.work.delete(work));
  }

  /** How many are in progress. */
  get size(): number {
    return this.work.size;
  }

  /** Waits for work in progress, including work tracked while waiting; true if it all finished within `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, timeoutMs, false)));
    try {
      while (this.work.size > 0) {
        const done = await Promise.race([Promise.allSettled([...this.work]).then(() => true), timeout]);
        if (!done) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
