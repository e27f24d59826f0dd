/**
 * Optional YAML front matter at the very top of an article file:
 *
 * ```
 * ---
 * title: Albania cuts ties with Iran
 * outlet: Example News
 * date: 2022-09-07
 * url: https://example.com/story
 * author: Jane Doe
 * ---
 * Article body…
 * ```
 *
 * Only flat `key: value` pairs are supported (values may be quoted); that is all a maintainer
 * needs to name an article, and a full YAML parser would accept shapes we cannot use.
 */

/** The metadata keys front matter may set; other keys are accepted and ignored. */
export const FRONT_MATTER_KEYS = ['title', 'outlet', 'date', 'url', 'author'] as const;
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

/** Result of splitting a file's text into front matter and body. */
export type FrontMatterResult =
  | { ok: true; fields: Partial<Record<FrontMatterKey, string>>; body: string }
  | { ok: false; reason: string };

const FENCE = /^---[ \t]*$/;

/**
 * Splits `source` into front-matter fields and the body after it. Text without a `---` first line
 * has no front matter and is returned whole as the body.
 */
export function parseFrontMatter(source: string): FrontMatterResult {
  const firstBreak = source.indexOf('\n');
  const firstLine = stripCr(firstBreak === -1 ? source : source.slice(0, firstBreak));
  if (!FENCE.test(firstLine)) return { ok: true, fields: {}, body: source };

  const fields: Partial<Record<FrontMatterKey, string>> = {};
  let lineNo = 1;
  let pos = firstBreak + 1;
  while (firstBreak !== -1 && pos <= source.length) {
    const next = source.indexOf('\n', pos);
    const lineEnd = next === -1 ? source.length : next;
    const line = stripCr(source.slice(pos, lineEnd));
    lineNo++;
    if (FENCE.test(line)) return { ok: true, fields, body: next === -1 ? '' : source.slice(next + 1) };
    const problem = readField(line, fields);
    if (problem) return { ok: false, reason: `malformed front matter: line ${lineNo} ${problem}` };
    if (next === -1) break;
    pos = next + 1;
  }
  return { ok: false, reason: 'malformed front matter: no closing --- line' };
}

/** Adds one `key: value` line to `fields`; returns what is wrong with the line, if anything. */
function readField(line: string, fields: Partial<Record<FrontMatterKey, string>>): string | undefined {
  if (/^\s*(#.*)?$/.test(line)) return undefined;
  const m = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/.exec(line);
  if (!m) return `is not "key: value" (${JSON.stringify(line.slice(0, 40))})`;
  const key = m[1]!.toLowerCase();
  const value = unquote((m[2] ?? '').trim());
  if (value === undefined) return `has an unbalanced quote in the value of ${key}`;
  if ((FRONT_MATTER_KEYS as readonly string[]).includes(key) && value !== '') fields[key as FrontMatterKey] = value;
  return undefined;
}

function unquote(value: string): string | undefined {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return value;
  if (value.length < 2 || value[value.length - 1] !== quote) return undefined;
  const inner = value.slice(1, -1);
  return quote === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\(["\\])/g, '$1');
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
