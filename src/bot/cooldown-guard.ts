import { time, TimestampStyles } from 'discord.js';
import type { Cooldowns } from './cooldowns.js';
import { UserFacingError } from '../errors.js';

/** Takes a use from the user's cooldown, or refuses with when they may try again (a live Discord timestamp). */
export function takeCooldown(cooldowns: Cooldowns, userId: string): void {
  const result = cooldowns.take(userId);
  if (result.ok) return;
  const when = time(Math.ceil(result.retryAt / 1000), TimestampStyles.RelativeTime);
  throw new UserFacingError(`You're asking a little fast. You can ask again ${when}.`, 'cooldown');
}
