import { randomBytes } from 'node:crypto';

/** A dispatch as sent (or queued) on a session, for replay on RESUME. */
export interface SessionEvent {
  s: number;
  t: string;
  d: unknown;
}

/**
 * A gateway session: what IDENTIFY creates and RESUME reattaches to. It outlives its socket so
 * dispatches sent while the client is away can be replayed, as Discord does.
 */
export class GatewaySession {
  readonly id = randomBytes(16).toString('hex');
  seq = 0;
  readonly events: SessionEvent[] = [];

  constructor(readonly shard: [number, number]) {}

  /** Assigns the next sequence number and keeps the event for replay. */
  record(t: string, d: unknown): SessionEvent {
    const event = { s: ++this.seq, t, d };
    this.events.push(event);
    return event;
  }

  /** Events the client has not seen, given the last sequence it acknowledged. */
  missedSince(seq: number): SessionEvent[] {
    return this.events.filter((e) => e.s > seq);
  }
}
