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
export type FrontMatterResult = { ok: true; fields: Partial<Record<FrontMatterKey, string>>; body: string } | { ok: false; reason: string };

const FENCE = /^---[ \t]*$/;

/**
 * Splits `source` into front-matter fields and the body after it. Text without a `---` first line
 * has no front matter and is returned whole as the body.
 */
export function parseFrontMatter(source: string): FrontMatterResult {
  const lines = source.split('\n');
  if (!FENCE.test(stripCr(lines[0] ?? ''))) return { ok: true, fields: {}, body: source };
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(stripCr(line)));
  if (close === -1) return { ok: false, reason: 'malformed front matter: no closing --- line' };

  const fields: Partial<Record<FrontMatterKey, string>> = {};
  for (let i = 1; i < close; i++) {
    const problem = readField(stripCr(lines[i]!), fields);
    if (problem) return { ok: false, reason: `malformed front matter: line ${i + 1} ${problem}` };
  }
  // The body starts right after the closing fence's newline; offsets are into this string.
  const bodyStart = lines.slice(0, close + 1).reduce((n, line) => n + line.length + 1, 0);
  return { ok: true, fields, body: source.slice(Math.min(bodyStart, source.length)) };
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
