import { time, TimestampStyles } from 'discord.js';
import type { CooldownLimiter } from './cooldowns.js';
import { UserFacingError } from '../errors.js';

/** Takes a use from the user's cooldown, or refuses with when they may try again (a live Discord timestamp). */
export async function takeCooldown(cooldowns: CooldownLimiter, userId: string): Promise<void> {
  const result = await cooldowns.take(userId);
  if (result.ok) return;
  const when = time(Math.ceil(result.retryAt / 1000), TimestampStyles.RelativeTime);
  throw new UserFacingError(`You're asking a little fast. You can ask again ${when}.`, 'cooldown');
}
