import { shardForGuild } from './sharding.js';
import type { APIUser } from 'discord.js';
import { BOT_ROLE_PERMISSIONS, DEFAULT_IDS, textChannel, type GuildFixture } from './fixtures.js';
import type { GatewaySession } from './gateway-session.js';
import type { SimulatorState } from './state.js';

/** The READY dispatch: the bot user, its guilds (unavailable until GUILD_CREATE), resume info. */
export function readyPayload(state: SimulatorState, session: GatewaySession): Record<string, unknown> {
  return {
    v: 10,
    user: state.bot,
    user_settings: {},
    // Each shard hears of its own guilds only.
    guilds: state.guilds
      .filter((g) => shardForGuild(g.id, session.shard[1]) === session.shard[0])
      .map((g) => ({ id: g.id, unavailable: true })),
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: state.gatewayUrl,
    shard: session.shard,
    application: { id: state.applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    auth: {},
    _trace: ['casefile-simulator'],
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
    members: [
      { user: bot, roles: [DEFAULT_IDS.botRole], joined_at: joinedAt, deaf: false, mute: false, flags: 0, nick: null, avatar: null },
    ],
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
