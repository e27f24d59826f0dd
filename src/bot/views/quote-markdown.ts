import { quoteMarks } from '../../answer/reply.js';
import type { TextSpan } from '../../types.js';
import { safeText } from './safe-text.js';
import { ELLIPSIS, truncate } from './truncate.js';

/** A quote as shown on one line, with its highlight spans moved to match. */
interface Display {
  text: string;
  spans: TextSpan[];
}

/**
 * A verbatim quote as Discord markdown of at most `max` characters: on one line, shortened between
 * words, wrapped in balanced quotation marks, with the highlight spans in bold and everything else
 * escaped. The text is shortened before it is escaped, so a cut never splits an escape or a bold
 * pair; a highlight the cut runs through is closed where the shown text ends. Removing the bold
 * markers and escapes gives back the quote's own words.
 */
export function quoteMarkdown(quote: string, spans: readonly TextSpan[], max: number): string {
  const display = oneLineWithSpans(quote, spans);
  // Escaping can lengthen the text, so shrink the room until the rendered quote fits.
  for (let room = max; room > 0;) {
    const rendered = render(shorten(display, room));
    if (rendered.length <= max) return rendered;
    room -= rendered.length - max;
  }
  return '';
}

/** Collapses whitespace runs to one space and trims, carrying each span to its new offsets. */
function oneLineWithSpans(quote: string, spans: readonly TextSpan[]): Display {
  const at: number[] = [];
  let text = '';
  for (let i = 0; i < quote.length; i++) {
    at.push(text.length);
    const c = quote.charAt(i);
    if (!/\s/.test(c)) text += c;
    else if (text.length > 0 && !/\s/.test(quote.charAt(i - 1))) text += ' ';
  }
  at.push(text.length);
  text = text.trimEnd();
  const moved = spans.map((s) => ({
    start: at[Math.max(0, Math.min(s.start, quote.length))]!,
    end: at[Math.max(0, Math.min(s.end, quote.length))]!,
  }));
  return { text, spans: clip(text, moved, text.length) };
}

/** The display text cut to `room` characters (ending in …), its spans clipped to what is still shown. */
function shorten(display: Display, room: number): Display {
  const text = truncate(display.text, room);
  if (text === display.text) return display;
  const kept = text.endsWith(ELLIPSIS) ? text.length - ELLIPSIS.length : text.length;
  return { text, spans: clip(text, display.spans, kept) };
}

/** Spans limited to `[0, limit)`, without surrounding spaces, empty or overlapping ones dropped. */
function clip(text: string, spans: readonly TextSpan[], limit: number): TextSpan[] {
  const out: TextSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    let start = Math.max(span.start, out[out.length - 1]?.end ?? 0);
    let end = Math.min(span.end, limit);
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Escapes the plain stretches, bolds the spans, and adds the quotation marks the text needs. */
function render({ text, spans }: Display): string {
  const { open, close } = quoteMarks(text);
  let out = open;
  let at = 0;
  for (const { start, end } of spans) {
    out += safeText(text.slice(at, start)) + '**' + safeText(text.slice(start, end)) + '**';
    at = end;
  }
  return out + safeText(text.slice(at)) + close;
}
