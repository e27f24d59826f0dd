/**
 * A planned failure for the next matching request(s).
 *
 * - `status: 429` answers with Discord's rate-limit body and headers (`retry-after`,
 *   `x-ratelimit-*`), so @discordjs/rest waits `retryAfter` seconds and retries.
 * - `status: 5xx` answers with a server error, which @discordjs/rest retries (3 times by default).
 * - `status: 'reset'` destroys the socket without answering (a network failure).
 * - `delayMs` holds the request that long before failing it, or before serving it normally
 *   when no `status` is given (a slow API).
 */
export interface FaultSpec {
  /** Matched against the versioned path, e.g. `/interactions/123/abc/callback`. */
  route: RegExp;
  method?: string;
  status?: 429 | 500 | 502 | 503 | 504 | 'reset';
  /** Seconds, as Discord reports it; default 0.2. Only for 429. */
  retryAfter?: number;
  /** A global rate limit (`x-ratelimit-global`) rather than a per-route one. */
  global?: boolean;
  delayMs?: number;
  /** How many matching requests to affect; default 1. */
  count?: number;
}

/** A fault as applied to one request. */
export type AppliedFault = Omit<FaultSpec, 'count' | 'route' | 'method'>;

/** The queue of planned faults; each matching request consumes one use. */
export class FaultPlan {
  readonly #faults: Array<FaultSpec & { remaining: number }> = [];

  add(spec: FaultSpec): void {
    this.#faults.push({ ...spec, remaining: spec.count ?? 1 });
  }

  /** The fault for this request, if one is planned, using it up. */
  take(method: string, path: string): AppliedFault | undefined {
    const index = this.#faults.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && path.search(f.route) !== -1);
    const fault = this.#faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    const { status, retryAfter, global, delayMs } = fault;
    return { status, retryAfter, global, delayMs };
  }

  /** Faults planned but not yet triggered (a test can assert all were used). */
  get pending(): number {
    return this.#faults.reduce((sum, f) => sum + f.remaining, 0);
  }

  clear(): void {
    this.#faults.length = 0;
  }
}

/** The body and headers of a Discord 429. */
export function rateLimitResponse(retryAfter: number, global: boolean, bucket: string): { data: unknown; headers: Record<string, string> } {
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
    'x-ratelimit-reset-after': String(retryAfter),
    'x-ratelimit-bucket': bucket,
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return { data: { message: 'You are being rate limited.', retry_after: retryAfter, global }, headers };
}
