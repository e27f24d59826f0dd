/** The one character every shortened text ends with. */
export const ELLIPSIS = '…';

/**
 * Shortens `text` to at most `max` UTF-16 units, ending in `…`, cutting only between words so no
 * word is ever shown half. Text that already fits is returned unchanged. A single word longer than
 * `max` is the one case where a cut inside a word is unavoidable; even then a surrogate pair is never
 * split.
 */
export function truncate(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`truncate: max must be a non-negative integer, got ${max}`);
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  const room = max - ELLIPSIS.length;
  // A word is cut only if the character after the cut continues it.
  const nextIsBreak = /\s/.test(text.charAt(room));
  let head = text.slice(0, room);
  if (!nextIsBreak) {
    const lastBreak = head.search(/\s\S*$/);
    if (lastBreak > 0) head = head.slice(0, lastBreak);
    else head = dropLoneHighSurrogate(head);
  }
  // Separators and openers left dangling before the ellipsis read badly. Closing markdown (`**`) stays.
  head = head.replace(/[\s>,;:([{“‘—–-]+$/u, '');
  return head + ELLIPSIS;
}

function dropLoneHighSurrogate(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? s.slice(0, -1) : s;
}
