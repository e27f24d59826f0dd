import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes text from outside the bot (a user's question, an article's words) safe to show: markdown is
 * escaped so it renders literally, and every `@` gets a zero-width space after it so `@everyone`,
 * `@here` and `<@id>` neither ping nor render as mentions. `allowedMentions: { parse: [] }` already
 * stops pings; this also stops the text from *looking* like one.
 */
export function safeText(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

/** Breaks every mention-like `@` without changing how the text reads. */
export function neutraliseMentions(text: string): string {
  return text.replaceAll('@', '@' + ZERO_WIDTH_SPACE);
}

/** Collapses runs of whitespace (newlines included) to single spaces, for one-line display. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
