import { boilerplateKind, type BoilerplateKind } from './boilerplate.js';
import { authorFromByline, dateFromLine, parseDateline, urlFromLine, type Dateline } from './metadata-lines.js';
import type { Line } from '../text/lines.js';
import type { TextSpan } from '../types.js';

/**
 * What an article says about itself before its body: the lines above the lead (wire slugs,
 * bylines, date and source lines, page furniture, the headline) and the wire dateline that opens
 * the lead. What they state is recorded and their spans are dropped, so that metadata is never
 * quoted as if it were the article's text.
 */

/** The metadata an article's own text states. */
export interface StatedMetadata {
  /** The line read as the headline (kept out of the body). */
  headline?: TextSpan;
  author?: string;
  date?: string;
  url?: string;
  /** The wire dateline opening the lead, if any (its agency tag names the outlet). */
  dateline?: Dateline;
}

/** Records a span of the preamble left out of the body. */
export type DropPreamble = (span: TextSpan, reason: BoilerplateKind | 'headline' | 'byline' | 'date' | 'url' | 'dateline') => void;

/**
 * Reads the lines before the lead: wire slugs, bylines, date and source lines, page furniture and
 * (once) the headline. Returns the index of the first body line.
 */
export function readPreamble(lines: Line[], result: StatedMetadata, drop: DropPreamble, isHeadline: (line: string) => boolean): number {
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = boilerplateKind(line.text);
    const author = authorFromByline(line.text);
    const date = dateFromLine(line.text);
    const url = urlFromLine(line.text, true);
    if (kind) drop(line, kind);
    else if (author !== undefined) {
      result.author ??= author;
      drop(line, 'byline');
    } else if (date !== undefined) {
      result.date ??= date;
      drop(line, 'date');
    } else if (url !== undefined) {
      result.url ??= url;
      drop(line, 'url');
    } else if (!result.headline && isHeadline(line.text)) {
      result.headline = { start: line.start, end: line.end };
      drop(line, 'headline');
    } else break;
  }
  return i;
}

/** A dateline is metadata, not part of the quotable lead, so the lead's block starts after it. */
export function openingDateline(text: string, body: Line[], result: StatedMetadata, drop: DropPreamble): void {
  const lead = body[0];
  const dateline = lead && parseDateline(lead.text);
  if (!lead || !dateline) return;
  result.dateline = dateline;
  if (!result.date && dateline.date) result.date = dateline.date;
  drop({ start: lead.start, end: lead.start + dateline.length }, 'dateline');
  const start = lead.start + dateline.length;
  body[0] = { ...lead, start, text: text.slice(start, lead.end) };
}
