/**
 * A ratio of two counts over the last `windowMs`, kept as per-slot counters in a ring: memory is
 * fixed however many events arrive, and old events fall out as time moves on (to a precision of
 * one slot).
 */
export class SlidingRatio {
  private readonly hits: Float64Array;
  private readonly totals: Float64Array;
  private readonly slotMs: number;
  /** The slot number (time / slotMs) each ring position last counted for. */
  private readonly stamps: Float64Array;

  constructor(
    readonly windowMs: number,
    slots = 60,
    private readonly now: () => number = Date.now,
  ) {
    this.slotMs = windowMs / slots;
    this.hits = new Float64Array(slots);
    this.totals = new Float64Array(slots);
    this.stamps = new Float64Array(slots).fill(-1);
  }

  /** Counts one event; `hit` says whether it counts towards the numerator. */
  add(hit: boolean): void {
    const slot = Math.floor(this.now() / this.slotMs);
    const i = slot % this.hits.length;
    if (this.stamps[i] !== slot) {
      this.stamps[i] = slot;
      this.hits[i] = 0;
      this.totals[i] = 0;
    }
    this.totals[i]!++;
    if (hit) this.hits[i]!++;
  }

  /** Hits / events over the window; 0 when there were no events. */
  value(): number {
    const current = Math.floor(this.now() / this.slotMs);
    let hits = 0;
    let total = 0;
    for (let i = 0; i < this.hits.length; i++) {
      if (current - this.stamps[i]! >= this.hits.length) continue;
      hits += this.hits[i]!;
      total += this.totals[i]!;
    }
    return total === 0 ? 0 : hits / total;
  }
}
