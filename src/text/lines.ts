import type { TextSpan } from '../types.js';

/** A trimmed, non-empty line of an article's text; `start`/`end` are offsets into that text. */
export interface Line extends TextSpan {
  text: string;
  /** Position among the text's non-blank lines. */
  index: number;
  /** Whether a blank line (or the start of the text) comes right before it. */
  paragraphStart: boolean;
}

/** The non-blank lines of `text`, trimmed (spaces, tabs, `\r`, no-break spaces) with exact offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let previousBlank = true;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) {
      const from = start + raw.length - raw.trimStart().length;
      lines.push({ start: from, end: from + trimmed.length, text: trimmed, index: lines.length, paragraphStart: previousBlank });
    }
    previousBlank = !trimmed;
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** Lowercased words, so lines can be compared across quote styles and punctuation. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A comparison key: the line's words, lowercased, single-spaced. */
export function comparisonKey(text: string): string {
  return tokens(text).join(' ');
}
