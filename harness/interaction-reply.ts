import type { APIEmbed } from 'discord.js';
import type { InteractionHandle, RecordedRequest } from './discord-simulator/index.js';

/** A message as the bot sent it over REST (snake_case). */
export interface SentMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components: Array<{ custom_id?: string; label?: string }> }>;
  flags?: number;
  allowed_mentions?: unknown;
}

export const EPHEMERAL = 64;
const CALLBACK_MESSAGE = 4;
const CALLBACK_DEFERRED = 5;

/** The message payload of a request: a callback's `data`, or an edit's / follow-up's body. */
export function sentMessage(r: RecordedRequest): SentMessage {
  const body = r.body as { data?: SentMessage } & SentMessage;
  return (r.route === 'interactionCallback' ? (body.data ?? {}) : body) as SentMessage;
}

/** What the user finally sees for an interaction, and how the bot got there. */
export interface Reply {
  callback: RecordedRequest;
  callbackType: number;
  /** The message shown: the callback's own (type 4), or the edit of a deferred reply (type 5). */
  message: SentMessage;
  /** Every message-carrying request of the interaction the simulator accepted. */
  messages: RecordedRequest[];
}

/**
 * Waits for the interaction's initial response and, when it was deferred, for the edit that fills it
 * in (or the ephemeral follow-up that replaces it).
 */
export async function finalReply(handle: InteractionHandle, timeoutMs = 20_000): Promise<Reply> {
  const callback = await handle.waitForCallback({ timeoutMs });
  const callbackType = Number((callback.body as { type?: number }).type);
  let message = sentMessage(callback);
  if (callbackType === CALLBACK_DEFERRED) {
    const next = await Promise.race([handle.waitForOriginalEdit({ timeoutMs }), handle.waitForFollowUp({ timeoutMs })]);
    message = sentMessage(next);
  } else if (callbackType !== CALLBACK_MESSAGE) {
    throw new Error(`unexpected callback type ${callbackType}`);
  }
  const messages = handle
    .requests()
    .filter(
      (r) =>
        !r.fault && r.status < 300 && r.method !== 'DELETE' && (r.route !== 'interactionCallback' || callbackType === CALLBACK_MESSAGE),
    );
  return { callback, callbackType, message, messages };
}

/** Every string in a value (message text, embed titles, field names…), for scanning. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The visible text of a message: content, embed title, description, fields and footer. */
export function visibleText(m: SentMessage): string {
  return allStrings([m.content, m.embeds]).join('\n');
}
