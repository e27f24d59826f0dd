import { RespawnBackoff } from '../../../../src/bot/sharding/respawn-backoff.js';

describe('RespawnBackoff', () => {
  let clock = 0;
  const backoff = () => new RespawnBackoff({ baseMs: 1_000, maxMs: 8_000, healthyAfterMs: 60_000, now: () => clock });
  beforeEach(() => (clock = 0));

  it('respawns a shard that ran a while at once, and doubles the wait for each quick death in a row, up to the cap', () => {
    const b = backoff();
    const delays: number[] = [];
    b.spawned(1);
    clock += 120_000;
    for (let i = 0; i < 7; i++) {
      delays.push(b.died(1));
      clock += delays.at(-1)!;
      b.spawned(1);
      clock += 5_000; // dies 5 s after each respawn
    }
    expect(delays).toEqual([0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('starts over once a respawned shard has run for the healthy time', () => {
    const b = backoff();
    b.spawned(1);
    expect(b.died(1)).toBe(0);
    b.spawned(1);
    expect(b.died(1)).toBe(1_000);
    b.spawned(1);
    clock += 60_000;
    expect(b.died(1)).toBe(0);
  });

  it('keeps each shard to its own count', () => {
    const b = backoff();
    b.spawned(0);
    b.spawned(1);
    b.died(1);
    b.spawned(1);
    expect(b.died(1)).toBe(1_000);
    expect(b.died(0)).toBe(0);
  });
});
