/**
 * How long to wait before respawning a shard that died. A shard that dies once after running for a
 * while (a crash, an OOM kill) comes back at once, as discord.js would respawn it. One that keeps
 * dying soon after it starts (a bad deploy, a database that is down, a revoked token) would
 * otherwise be respawned in a tight loop, burning CPU, flooding the log and spending the gateway's
 * identify budget; each quick death in a row doubles the wait instead, up to a cap.
 */

export interface BackoffOptions {
  /** The wait after the second quick death in a row; it doubles with each further one. */
  baseMs?: number;
  /** The longest wait. */
  maxMs?: number;
  /** A shard that ran this long before dying was healthy: its next death counts as the first. */
  healthyAfterMs?: number;
  now?: () => number;
}

/** Per-shard respawn delays (see the module comment). */
export class RespawnBackoff {
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly healthyAfterMs: number;
  private readonly now: () => number;
  private readonly shards = new Map<number, { spawnedAt: number; quickDeaths: number }>();

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 1_000;
    this.maxMs = options.maxMs ?? 60_000;
    this.healthyAfterMs = options.healthyAfterMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Shard `id` has just been (re)spawned. */
  spawned(id: number): void {
    this.shards.set(id, { spawnedAt: this.now(), quickDeaths: this.shards.get(id)?.quickDeaths ?? 0 });
  }

  /** Shard `id` has just died: the milliseconds to wait before respawning it. */
  died(id: number): number {
    const shard = this.shards.get(id) ?? { spawnedAt: this.now(), quickDeaths: 0 };
    const healthy = this.now() - shard.spawnedAt >= this.healthyAfterMs;
    shard.quickDeaths = healthy ? 1 : shard.quickDeaths + 1;
    this.shards.set(id, shard);
    if (shard.quickDeaths <= 1) return 0;
    return Math.min(this.maxMs, this.baseMs * 2 ** (shard.quickDeaths - 2));
  }
}
