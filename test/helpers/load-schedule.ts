/** One planned `/ask` in a load run. */
export interface PlannedAsk {
  user: number;
  /** Milliseconds after the start of the run. */
  at: number;
  /** Whether the cooldown lets it through, by the rule "one ask per `cooldownMs` per user". */
  allowed: boolean;
}

export interface ScheduleOptions {
  users: number;
  asksPerUser: number;
  durationMs: number;
  cooldownMs: number;
  /**
   * Every ask is at least this far from its user's cooldown boundary, either way, so scheduling
   * jitter on a busy machine cannot flip the expected outcome.
   */
  marginMs: number;
  random: () => number;
}

/**
 * Plans a load run in which the cooldown's verdict on every ask is known in advance: each user
 * alternates at random between asks well inside the cooldown (refused) and asks well after it
 * (allowed), all within `durationMs`.
 */
export function planLoad(o: ScheduleOptions): PlannedAsk[] {
  const plan: PlannedAsk[] = [];
  const step = 100;
  for (let user = 0; user < o.users; user++) {
    let t = Math.floor(o.random() * 1000);
    let lastAllowed = t;
    plan.push({ user, at: t, allowed: true });
    for (let left = o.asksPerUser - 1; left > 0; left--) {
      const refuseEnd = lastAllowed + o.cooldownMs - o.marginMs;
      const allowAt = Math.max(t + step, lastAllowed + o.cooldownMs + o.marginMs) + Math.floor(o.random() * 300);
      const canRefuse = t + step <= refuseEnd;
      // After an allowed ask the rest can always be refusals inside its cooldown window.
      const canAllow = allowAt + (left - 1) * step < o.durationMs;
      if (!canRefuse && !canAllow) throw new Error(`cannot fit ${o.asksPerUser} asks per user into ${o.durationMs} ms`);
      if (canRefuse && (!canAllow || o.random() < 0.6)) {
        t += step + Math.floor(o.random() * Math.min(refuseEnd - t - step, 400));
        plan.push({ user, at: t, allowed: false });
      } else {
        t = allowAt;
        lastAllowed = t;
        plan.push({ user, at: t, allowed: true });
      }
    }
  }
  return plan.sort((a, b) => a.at - b.at);
}
