/**
 * Lines (or line prefixes) through which an article states its own metadata: a byline, a wire
 * dateline, a publication date, a source link. Values are returned exactly as written — an
 * agency tag stays "AA", a date stays "Sept 7" — because we only record what the text says.
 */

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** "September 7, 2022", "7 September 2022", "Sept. 7", "2022-09-07". */
const DATE = `(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2} ${MONTH},? \\d{4}|\\d{4}-\\d{2}-\\d{2})`;

const DATE_LINE = new RegExp(
  `^(?:(?:published|posted|updated|last updated|date)(?: on)?\\s*:?\\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(${DATE})(?:,? (?:at )?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?: [A-Z]{2,4})?)?\\.?$`,
  'i',
);

/** The publication date a standalone date line states ("Published: 7 September 2022"), as written. */
export function dateFromLine(line: string): string | undefined {
  return DATE_LINE.exec(line)?.[1];
}

const SOURCE_LINE = /^(?:source|url|link|originally published (?:at|on|by))\s*:?\s*<?(https?:\/\/[^\s>]+)>?$/i;
const BARE_URL = /^<?(https?:\/\/[^\s>]+)>?$/i;

/** The article's own address, from a "Source: https://…" line (or a bare URL when `bareAllowed`). */
export function urlFromLine(line: string, bareAllowed: boolean): string | undefined {
  return SOURCE_LINE.exec(line)?.[1] ?? (bareAllowed ? BARE_URL.exec(line)?.[1] : undefined);
}

/** Words a byline's name list may contain besides capitalised names and initials. */
const NAME_JOINERS = new Set([
  'and',
  '&',
  'de',
  'da',
  'del',
  'della',
  'der',
  'van',
  'von',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'di',
  'du',
  'dos',
]);

/**
 * The author(s) a byline names ("By Busra Nur Cakmak and Fatjon Cuka"), or undefined when the
 * line is not a byline. A sentence such as "By Wednesday, all staff had left." is rejected
 * because of its lowercase words and final period.
 */
export function authorFromByline(line: string): string | undefined {
  const m = /^by\s+(.+?)\s*$/i.exec(line);
  if (!m) return undefined;
  const names = m[1]!.replace(/[\s,;|]+$/, '');
  const words = names.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 12) return undefined;
  const nameLike = words.every((w) => NAME_JOINERS.has(w.toLowerCase()) || /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w));
  if (!nameLike || /[a-z]{3,}\.$/.test(names)) return undefined;
  return names;
}

/**
 * A wire dateline opening the lead: "ANKARA/TIRAN (AA) - ", "TIRANA, Albania (AP) — ",
 * "TIRANA, Sept 7 (Reuters) - ". The place starts with an all-caps word, which is what tells a
 * dateline from a sentence that merely has a parenthesis.
 */
const DATELINE = new RegExp(
  `^(\\p{Lu}{2,}[\\p{Lu}\\p{M}/.'’ -]*(?:,[^()\\n]{1,40}?)?)\\s*\\(([^()\\s]{1,20}(?: [^()\\s]{1,20}){0,2})\\)\\s*[-–—]{1,2}\\s*(?=\\S)`,
  'u',
);

/** What a dateline at the start of `line` gives: its length, the agency tag and any date. */
export interface Dateline {
  /** Characters of `line` the dateline (with the dash and following spaces) takes. */
  length: number;
  outlet: string;
  date?: string;
}

/** Reads the dateline that starts `line`, if there is one. */
export function parseDateline(line: string): Dateline | undefined {
  const m = DATELINE.exec(line);
  if (!m) return undefined;
  const date = new RegExp(DATE, 'i').exec(m[1]!)?.[0];
  return { length: m[0].length, outlet: m[2]!.trim(), ...(date ? { date } : {}) };
}
