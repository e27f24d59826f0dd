const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * A new Discord-style snowflake (timestamp-based, 18–19 digits) so ids sort by creation time and
 * discord.js can derive `createdAt` from them, as it does for real ids.
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A random interaction token shaped like Discord's (long, url-safe). */
export function interactionToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let token = 'aW50ZXJhY3Rpb246';
  for (let i = 0; i < 120; i++) token += alphabet[Math.floor(Math.random() * alphabet.length)];
  return token;
}
