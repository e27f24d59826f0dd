import { Cooldowns } from '../../../src/bot/cooldowns.js';

describe('Cooldowns', () => {
  test('allows one use per period per user and says when the next is allowed', () => {
    let now = 1_000_000;
    const cooldowns = new Cooldowns(10, () => now);
    expect(cooldowns.take('alice')).toEqual({ ok: true });
    expect(cooldowns.take('alice')).toEqual({ ok: false, retryAt: 1_000_000 + 10_000 });
    expect(cooldowns.take('bob')).toEqual({ ok: true });
    now += 10_000;
    expect(cooldowns.take('alice')).toEqual({ ok: true });
  });

  test('zero seconds turns the cooldown off', () => {
    const cooldowns = new Cooldowns(0);
    expect(cooldowns.take('alice').ok).toBe(true);
    expect(cooldowns.take('alice').ok).toBe(true);
  });

  test('release gives a use back', () => {
    const cooldowns = new Cooldowns(60);
    cooldowns.take('alice');
    cooldowns.release('alice');
    expect(cooldowns.take('alice').ok).toBe(true);
  });
});
