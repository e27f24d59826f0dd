/** The user must wait: `retryAt` is when (ms since the epoch) they may go again. */
export interface CooldownRefusal {
  ok: false;
  retryAt: number;
}

/** Whether a use was taken, or when the next one is allowed. */
export type CooldownResult = { ok: true } | CooldownRefusal;

/**
 * Per-member rate limit: one use per period. {@link Cooldowns} keeps it in memory (one process);
 * with DATABASE_URL a PostgreSQL implementation holds it across shard processes and machines, so a
 * member cannot go faster by landing on another shard. Either may answer at once or after a query.
 */
export interface CooldownLimiter {
  /** Records a use by `userId` if allowed; otherwise says when the next use is allowed. */
  take(userId: string): CooldownResult | Promise<CooldownResult>;
  /** Gives back a use, e.g. when the request failed through no fault of the user. Never rejects. */
  release(userId: string): void | Promise<void>;
}

/**
 * Per-user rate limit: one use per `seconds`. Kept in memory; a restart forgives everyone, which
 * is fine for a limit that exists to spread load, not to enforce policy.
 */
export class Cooldowns implements CooldownLimiter {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a use by `userId` if allowed; otherwise says when the next use is allowed. */
  take(userId: string): CooldownResult {
    if (this.seconds <= 0) return { ok: true };
    const now = this.now();
    const retryAt = this.until.get(userId);
    if (retryAt !== undefined && retryAt > now) return { ok: false, retryAt };
    this.until.set(userId, now + this.seconds * 1000);
    this.sweep(now);
    return { ok: true };
  }

  /** Gives back a use, e.g. when the request failed through no fault of the user. */
  release(userId: string): void {
    this.until.delete(userId);
  }

  /** Keeps the map from growing with users who are long past their cooldown. */
  private sweep(now: number): void {
    if (this.until.size < 1000) return;
    for (const [user, t] of this.until) if (t <= now) this.until.delete(user);
  }
}
