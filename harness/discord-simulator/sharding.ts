/**
 * Discord's rule for which gateway shard receives a guild's events: `(guild_id >> 22) % num_shards`
 * (the snowflake's timestamp part, modulo the shard count). Events without a guild (DMs) go to
 * shard 0. See https://discord.com/developers/docs/events/gateway#sharding.
 */
export function shardForGuild(guildId: string | undefined | null, numShards: number): number {
  if (!guildId || numShards <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(numShards));
}

/** The guild id an event's payload belongs to, if any (`guild_id`, or `id` of a GUILD_* event). */
export function eventGuildId(t: string, d: unknown): string | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const record = d as { guild_id?: unknown; id?: unknown };
  if (typeof record.guild_id === 'string') return record.guild_id;
  if (t.startsWith('GUILD_') && typeof record.id === 'string') return record.id;
  return undefined;
}
