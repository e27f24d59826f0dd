import { escapeMarkdown } from 'discord.js';
import { truncate } from './truncate.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes text from outside the bot (a user's question, an article's words) safe to show: markdown is
 * escaped so it renders literally, and every `@` gets a zero-width space after it so `@everyone`,
 * `@here` and `<@id>` neither ping nor render as mentions. `allowedMentions: { parse: [] }` already
 * stops pings; this also stops the text from *looking* like one.
 */
export function safeText(text: string): string {
  return neutraliseMentions(escapeMarkdown(stripControls(text)));
}

/**
 * {@link safeText} of `text` shortened to at most `max` characters. The text is cut *before* it is
 * escaped: discord.js's escaping grows quadratically with the length of a line (80k characters took
 * 5.6 s), so it must only ever see what will be shown. Escaping adds characters, so when the result
 * is too long the cut is moved back (a few rounds, each on at most `max` characters).
 */
export function safeTruncate(text: string, max: number): string {
  let room = max;
  for (;;) {
    const safe = safeText(truncate(text, room));
    if (safe.length <= max) return safe;
    if (room === 0) return '';
    room = Math.max(0, Math.min(room - 1, Math.floor((room * max) / safe.length)));
  }
}

/**
 * Removes control characters (except newline and tab) and bidirectional overrides and isolates,
 * which could make echoed text render reversed or spill its direction into the bot's own words.
 * Plain right-to-left script is kept: only the invisible controls go.
 */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Breaks every mention-like `@` without changing how the text reads. */
export function neutraliseMentions(text: string): string {
  return text.replaceAll('@', '@' + ZERO_WIDTH_SPACE);
}

/** Collapses runs of whitespace (newlines included) to single spaces, for one-line display. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
