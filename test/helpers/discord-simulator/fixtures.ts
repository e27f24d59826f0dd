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

/**
 * The GUILD_CREATE payload: enough for discord.js to mark the guild available and cache its
 * channel, roles and the bot's member (so permission checks and `interaction.guild` work).
 */
export function guildCreatePayload(guild: GuildFixture, bot: APIUser, joinedAt: string): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: guild.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: guild.locale,
    features: [],
    max_members: 500000,
    max_video_channel_users: 25,
    application_id: null,
    unavailable: false,
    large: false,
    lazy: true,
    joined_at: joinedAt,
    member_count: 3,
    roles: [
      role(guild.id, '@everyone', guild.everyonePermissions, 0, false),
      role(DEFAULT_IDS.botRole, bot.username, BOT_ROLE_PERMISSIONS, 1, true, bot.id),
    ],
    channels: [{ ...textChannel(guild), guild_id: undefined }],
    members: [{ user: bot, roles: [DEFAULT_IDS.botRole], joined_at: joinedAt, deaf: false, mute: false, flags: 0, nick: null, avatar: null }],
    emojis: [],
    stickers: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function role(id: string, name: string, permissions: string, position: number, managed: boolean, botId?: string): Record<string, unknown> {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0,
    ...(botId ? { tags: { bot_id: botId } } : {}),
  };
}
