import type { APIUser } from 'discord.js';
import type { UploadedFile } from './http-io.js';
import { snowflake } from './snowflake.js';

/** A message as the simulator stores and returns it (Discord's message object, loosely typed). */
export type SimMessage = Record<string, unknown> & { id: string; channel_id: string };

/** Message flag bits the simulator acts on. */
export const MessageFlag = { Ephemeral: 64, Loading: 128 } as const;

/** The fields of a webhook/interaction message body that end up on the message. */
const MESSAGE_FIELDS = ['content', 'embeds', 'components', 'attachments', 'poll', 'tts'] as const;

/** Who and where a new bot message belongs to. */
export interface MessageContext {
  author: APIUser;
  applicationId: string;
  channelId: string;
  guildId: string | undefined;
  /** The interaction that produced it, for `interaction_metadata`. */
  interaction: { id: string; type: number; user: unknown; commandType: number | undefined };
}

/** The fields every message an application posts starts with: empty, unpinned, unedited, no mentions. */
export function blankAppMessage(applicationId: string, at = new Date()) {
  return {
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: at.toISOString(),
    edited_timestamp: null,
    flags: 0,
    webhook_id: applicationId,
    application_id: applicationId,
  };
}

/** Builds the message Discord would create from an interaction reply or follow-up body. */
export function createBotMessage(body: Record<string, unknown>, ctx: MessageContext): SimMessage {
  const now = new Date();
  const message: SimMessage = {
    id: snowflake(now.getTime()),
    channel_id: ctx.channelId,
    ...(ctx.guildId ? { guild_id: ctx.guildId } : {}),
    // Discord reports context-menu replies as type 23 and slash-command replies as type 20.
    type: ctx.interaction.commandType === 3 || ctx.interaction.commandType === 2 ? 23 : 20,
    author: ctx.author,
    ...blankAppMessage(ctx.applicationId, now),
    interaction_metadata: {
      id: ctx.interaction.id,
      type: ctx.interaction.type,
      user: ctx.interaction.user,
      authorizing_integration_owners: {},
    },
  };
  return applyMessageFields(message, body);
}

/** Applies an edit body: only the fields present change, as with Discord's PATCH. */
export function editBotMessage(message: SimMessage, body: Record<string, unknown>): SimMessage {
  const edited = applyMessageFields({ ...message }, body);
  edited.edited_timestamp = new Date().toISOString();
  // An edit is what turns a deferred "thinking…" message into a real one.
  edited.flags = Number(edited.flags ?? 0) & ~MessageFlag.Loading;
  return edited;
}

function applyMessageFields(message: SimMessage, body: Record<string, unknown>): SimMessage {
  for (const field of MESSAGE_FIELDS) {
    if (body[field] !== undefined) message[field] = body[field];
  }
  if (typeof body.flags === 'number') message.flags = body.flags;
  // Discord returns attachments with ids and urls; echo enough for discord.js to build them.
  if (Array.isArray(body.attachments)) {
    message.attachments = (body.attachments as Array<Record<string, unknown>>).map((a) => {
      const filename = String(a.filename ?? 'file');
      return {
        size: 0,
        ...a,
        filename,
        id: snowflake(),
        url: `https://cdn.example.invalid/${filename}`,
        proxy_url: `https://media.example.invalid/${filename}`,
      };
    });
  }
  return message;
}

/**
 * The message fields of a request body, with each `attachments[]` entry (which only carries the
 * upload's index as `id`) completed from the uploaded `files[id]` part, as Discord does.
 */
export function messageBody(body: unknown, files: readonly UploadedFile[]): Record<string, unknown> {
  const fields = { ...((body ?? {}) as Record<string, unknown>) };
  if (!Array.isArray(fields.attachments)) return fields;
  fields.attachments = (fields.attachments as Array<Record<string, unknown>>).map((a) => {
    const file = files.find((f) => f.field === `files[${String(a.id)}]`);
    return file ? { filename: file.name, size: file.size, content_type: file.contentType, ...a } : a;
  });
  return fields;
}
