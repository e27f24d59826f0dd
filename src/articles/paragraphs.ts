import type { Line } from '../text/lines.js';
import type { TextSpan } from '../types.js';

/**
 * From body lines to body paragraphs: hard-wrapped lines are joined, and what stands alone without
 * ending a sentence — a section label, a stray caption credit — is told apart from the body. The
 * paragraphs keep exact offsets into the article text, like the lines they are made of.
 */

/** The last character of a line that ends a sentence, a quotation or a parenthesis. */
const TERMINAL = /[.!?…"”’')\]]$/;

/**
 * Groups lines into paragraphs. A paragraph ends at a blank line or a line that ends a sentence;
 * a long unterminated line continues onto the next (hard-wrapped text), while a short
 * unterminated line stands alone so that section labels can be recognised.
 */
export function toParagraphs(body: Line[]): Line[] {
  const units: Line[] = [];
  for (const line of body) {
    const last = units[units.length - 1];
    // `last.index` is the paragraph's latest line, so a dropped line in between breaks the paragraph.
    const continues = last && !line.paragraphStart && !TERMINAL.test(last.text) && last.text.length >= 40 && last.index === line.index - 1;
    if (last && continues) units[units.length - 1] = { ...last, end: line.end, index: line.index, text: `${last.text}\n${line.text}` };
    else units.push({ ...line });
  }
  return units;
}

/**
 * A short standalone line without sentence punctuation: a section label, caption credit or stray
 * link text. A line with quotation marks is reported speech, so it stays even when unpunctuated.
 */
export function isLabel(unit: Line): boolean {
  if (unit.text.includes('\n') || /["“”«»]/.test(unit.text)) return false;
  const words = unit.text.split(/\s+/).length;
  return !TERMINAL.test(unit.text) && words <= 12 && unit.text.length <= 90;
}

/**
 * Cuts a short fragment dangling after the paragraph's last sentence and ending in a comma, colon
 * or semicolon — a stray caption credit glued to the end ("… “short-sighted”. iranian state tv,").
 * A paragraph of the body does not end that way.
 */
export function trimTrailingFragment(text: string, unit: Line, drop: (span: TextSpan, reason: 'fragment') => void): TextSpan {
  const m = /([.!?…]["”’')\]]*)\s+([^.!?…\n]{1,40}[,;:])$/u.exec(text.slice(unit.start, unit.end));
  if (!m) return { start: unit.start, end: unit.end };
  const end = unit.start + m.index + m[1]!.length;
  drop({ start: end, end: unit.end }, 'fragment');
  return { start: unit.start, end };
}
