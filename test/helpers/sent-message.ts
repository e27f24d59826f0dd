import type { APIEmbed } from 'discord.js';
import type { RecordedRequest } from '../../harness/discord-simulator/index.js';

/** Discord's ephemeral message flag. */
export const EPHEMERAL = 64;

/** A message as the bot sent it over REST (snake_case, as Discord receives it). */
export interface SentMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ type: number; components: Array<{ custom_id?: string; label?: string }> }>;
  flags?: number;
  allowed_mentions?: unknown;
}

/** The interaction response type of a callback request (4 message, 5 deferred, …). */
export function callbackType(r: RecordedRequest): number | undefined {
  return (r.body as { type?: number }).type;
}

/** The message payload of a request: a callback's `data`, or an edit's or follow-up's body. */
export function sentMessage(r: RecordedRequest): SentMessage {
  const body = r.body as { data?: SentMessage } & SentMessage;
  return (r.route === 'interactionCallback' ? (body.data ?? {}) : body) as SentMessage;
}

export function isEphemeral(m: SentMessage): boolean {
  return ((m.flags ?? 0) & EPHEMERAL) === EPHEMERAL;
}

/** Custom ids of every button in the message. */
export function customIds(m: SentMessage): string[] {
  return (m.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

/** Text with markdown escapes removed, to compare with the words it shows. */
export function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
