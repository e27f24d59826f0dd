import type { APIUser } from 'discord.js';
import {
  ALL_PERMISSIONS,
  BOT_ROLE_PERMISSIONS,
  DEFAULT_IDS,
  botUser,
  guildFixture,
  humanUser,
  textChannel,
  type GuildFixture,
} from './fixtures.js';
import { blankAppMessage } from './messages.js';
import { interactionToken, snowflake } from './snowflake.js';

/** An INTERACTION_CREATE payload (Discord's interaction object). */
export type InteractionPayload = Record<string, unknown> & { id: string; token: string; type: number };

/** Who invokes the interaction, where. Defaults match the simulator's defaults. */
export interface InvocationOptions {
  user?: Partial<APIUser>;
  /** The invoking member's computed permissions; default @everyone's. */
  memberPermissions?: string;
  /** The guild it happens in, or `null` for a DM with the bot. */
  guild?: GuildFixture | null;
  /** The user's client locale, e.g. `en-US`, `de`. */
  locale?: string;
  applicationId?: string;
  /** The bot's permissions in the channel; default its role's. */
  appPermissions?: string;
  id?: string;
  token?: string;
}

/** A chat-input option value, or a raw Discord option list for full control. */
export type OptionValues = Record<string, string | number | boolean> | Array<Record<string, unknown>>;

/** A slash command (`/name option:value`): type 2, `data.type` 1. */
export function chatInputInteraction(
  opts: InvocationOptions & { name: string; options?: OptionValues; subcommand?: string; commandId?: string },
): InteractionPayload {
  const options = toOptions(opts.options ?? {});
  return base(opts, 2, {
    id: opts.commandId ?? snowflake(),
    name: opts.name,
    type: 1,
    options: opts.subcommand ? [{ name: opts.subcommand, type: 1, options }] : options,
  });
}

/** A message context-menu command (Apps → name) on `targetMessage`: type 2, `data.type` 3. */
export function messageContextInteraction(
  opts: InvocationOptions & { name: string; targetMessage?: Record<string, unknown>; commandId?: string },
): InteractionPayload {
  const author = humanUser({ id: '1150000000000000299', username: 'reporter', global_name: 'Reporter' });
  // A message a person wrote: no webhook or application ids, plain message type.
  const written = { author, type: 0, content: 'A message to check.', webhook_id: undefined, application_id: undefined };
  const target = { ...defaultMessage(opts, written), ...opts.targetMessage };
  return base(opts, 2, {
    id: opts.commandId ?? snowflake(),
    name: opts.name,
    type: 3,
    target_id: target.id,
    resolved: { messages: { [String(target.id)]: target } },
  });
}

/** A button press on `message` (default: a bot message holding that button): type 3, component 2. */
export function buttonInteraction(opts: InvocationOptions & { customId: string; message?: Record<string, unknown> }): InteractionPayload {
  const button = { type: 2, style: 1, label: 'Button', custom_id: opts.customId };
  const message = opts.message ?? defaultMessage(opts, { components: [{ type: 1, components: [button] }] });
  return { ...base(opts, 3, { custom_id: opts.customId, component_type: 2 }), message };
}

/** A string-select choice on `message`: type 3, component 3. */
export function selectInteraction(
  opts: InvocationOptions & { customId: string; values: string[]; message?: Record<string, unknown> },
): InteractionPayload {
  const menu = { type: 3, custom_id: opts.customId, options: opts.values.map((v) => ({ label: v, value: v })) };
  const message = opts.message ?? defaultMessage(opts, { components: [{ type: 1, components: [menu] }] });
  return { ...base(opts, 3, { custom_id: opts.customId, component_type: 3, values: opts.values }), message };
}

/** A submitted modal with text inputs `fields` (custom id → value): type 5. */
export function modalSubmitInteraction(opts: InvocationOptions & { customId: string; fields: Record<string, string> }): InteractionPayload {
  const rows = Object.entries(opts.fields).map(([customId, value]) => ({ type: 1, components: [{ type: 4, custom_id: customId, value }] }));
  return base(opts, 5, { custom_id: opts.customId, components: rows });
}

function base(opts: InvocationOptions, type: number, data: Record<string, unknown>): InteractionPayload {
  const guild = opts.guild === undefined ? guildFixture() : opts.guild;
  const user = humanUser(opts.user);
  const applicationId = opts.applicationId ?? DEFAULT_IDS.application;
  const channel = guild ? textChannel(guild) : { id: dmChannelId(user.id), type: 1, recipients: [user], flags: 0, last_message_id: null };
  const where = guild
    ? {
        guild_id: guild.id,
        guild: { id: guild.id, locale: guild.locale, features: [] },
        guild_locale: guild.locale,
        member: {
          user,
          roles: [],
          nick: null,
          avatar: null,
          premium_since: null,
          joined_at: '2024-01-15T12:00:00.000000+00:00',
          deaf: false,
          mute: false,
          pending: false,
          flags: 0,
          communication_disabled_until: null,
          permissions: opts.memberPermissions ?? guild.everyonePermissions,
        },
      }
    : { user };
  return {
    id: opts.id ?? snowflake(),
    application_id: applicationId,
    type,
    data,
    token: opts.token ?? interactionToken(),
    version: 1,
    ...where,
    channel_id: String(channel.id),
    channel,
    locale: opts.locale ?? 'en-US',
    app_permissions: opts.appPermissions ?? (guild ? BOT_ROLE_PERMISSIONS : ALL_PERMISSIONS),
    entitlements: [],
    authorizing_integration_owners: guild ? { '0': guild.id } : { '1': user.id },
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
}

function toOptions(values: OptionValues): Array<Record<string, unknown>> {
  if (Array.isArray(values)) return values;
  return Object.entries(values).map(([name, value]) => ({ name, value, type: optionType(value) }));
}

function optionType(value: string | number | boolean): number {
  if (typeof value === 'string') return 3;
  if (typeof value === 'boolean') return 5;
  return Number.isInteger(value) ? 4 : 10;
}

function dmChannelId(userId: string): string {
  return (BigInt(userId) + 1000n).toString();
}

function defaultMessage(opts: InvocationOptions, fields: Record<string, unknown>): Record<string, unknown> {
  const guild = opts.guild === undefined ? guildFixture() : opts.guild;
  const applicationId = opts.applicationId ?? DEFAULT_IDS.application;
  return {
    id: snowflake(),
    channel_id: guild ? guild.channelId : dmChannelId(humanUser(opts.user).id),
    type: 20,
    author: botUser(applicationId),
    ...blankAppMessage(applicationId),
    ...fields,
  };
}
