import type { APIUser } from 'discord.js';

/** Fixed ids so interaction builders and the simulator agree without being wired together. */
export const DEFAULT_IDS = {
  application: '1150000000000000001',
  guild: '1150000000000000100',
  channel: '1150000000000000101',
  user: '1150000000000000200',
  guildOwner: '1150000000000000201',
  botRole: '1150000000000000102',
} as const;

/**
 * The token the simulator accepts by default. Shaped like a real bot token (base64 of the bot's
 * id, a timestamp part and an HMAC part) so config validation that checks the shape passes.
 */
export const DEFAULT_BOT_TOKEN = 'MTE1MDAwMDAwMDAwMDAwMDAwMQ.GsimTk.c2ltdWxhdG9yLXRva2VuLWZvci1jYXNlZmlsZS10ZXN0cw';

/** Permissions Discord gives @everyone in a new server (view, send, read history, use commands…). */
export const EVERYONE_PERMISSIONS = '2248473465835073';

/** What the bot's managed role grants: view, send, embed links, read history, use commands. */
export const BOT_ROLE_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n));

/** Every permission bit, as Discord sends for an administrator or the server owner. */
export const ALL_PERMISSIONS = '2251799813685247';

/** A guild the simulated bot is in: one text channel, @everyone and a bot role. */
export interface GuildFixture {
  id: string;
  name: string;
  /** The text channel interactions come from by default. */
  channelId: string;
  channelName: string;
  /** Permissions of the @everyone role (whose id equals the guild id). */
  everyonePermissions: string;
  ownerId: string;
  locale: string;
}

/** The default guild, overridable field by field. */
export function guildFixture(overrides: Partial<GuildFixture> = {}): GuildFixture {
  return {
    id: DEFAULT_IDS.guild,
    name: 'Casefile Test Server',
    channelId: DEFAULT_IDS.channel,
    channelName: 'incident-desk',
    everyonePermissions: EVERYONE_PERMISSIONS,
    ownerId: DEFAULT_IDS.guildOwner,
    locale: 'en-US',
    ...overrides,
  };
}

/** The bot's own user object, as READY and message authors carry it. */
export function botUser(id: string, username = 'Casefile'): APIUser {
  return { id, username, discriminator: '0', global_name: null, avatar: null, bot: true };
}

/** A human user, as interaction payloads carry it. */
export function humanUser(overrides: Partial<APIUser> = {}): APIUser {
  return {
    id: DEFAULT_IDS.user,
    username: 'alice',
    discriminator: '0',
    global_name: 'Alice',
    avatar: null,
    public_flags: 0,
    ...overrides,
  } as APIUser;
}

/** The text channel as a partial channel object (what interaction payloads embed). */
export function textChannel(guild: GuildFixture): Record<string, unknown> {
  return {
    id: guild.channelId,
    type: 0,
    guild_id: guild.id,
    name: guild.channelName,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}
