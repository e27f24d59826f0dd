import fc from 'fast-check';
import { quoteMarkdown } from '../../../../src/bot/views/quote-markdown.js';
import { oneLine } from '../../../../src/bot/views/safe-text.js';
import type { TextSpan } from '../../../../src/types.js';

/** What a reader sees: bold markers, escapes and mention breakers removed. */
const plain = (markdown: string) => markdown.replace(/\\(.)|\*\*/gu, (_, escaped?: string) => escaped ?? '').replaceAll('@\u200b', '@');

/** Whether `shown` is `line`, or a start of it ending in …, inside at most one added mark each side. */
function isMarkedPrefix(shown: string, line: string): boolean {
  for (const open of ['', '“', '"'])
    for (const close of ['', '”', '"']) {
      if (!shown.startsWith(open) || !shown.endsWith(close) || shown.length < open.length + close.length) continue;
      const body = shown.slice(open.length, shown.length - close.length);
      if (body === line || (body.endsWith('…') && line.startsWith(body.slice(0, -1)))) return true;
    }
  return false;
}

/** The bold stretches of rendered markdown, unescaped. */
const bolds = (markdown: string) => [...markdown.matchAll(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/gu)].map((m) => plain(m[1]!));

describe('quoteMarkdown', () => {
  test('bolds the highlight spans inside the quote and wraps it in quotation marks', () => {
    const quote = 'On 15 July 2022, a cyberattack hit Albania.';
    expect(quoteMarkdown(quote, [{ start: 3, end: 15 }], 1000)).toBe('“On **15 July 2022**, a cyberattack hit Albania.”');
  });

  test('escapes markdown and mentions in the quote, inside and outside the bold', () => {
    const quote = 'The *_group_* @everyone called it `cyber` war ~~now~~.';
    const rendered = quoteMarkdown(quote, [{ start: 4, end: 13 }], 1000);
    expect(rendered).not.toContain('@everyone');
    expect(rendered.startsWith('“The **\\*\\_group\\_\\***')).toBe(true);
    expect(plain(rendered)).toBe(`“${quote}”`);
  });

  test('shows the quote on one line, keeping the highlight on the same words', () => {
    const quote = '  Staff had\n\n 24\thours   to leave. ';
    const start = quote.indexOf('24');
    expect(quoteMarkdown(quote, [{ start, end: quote.indexOf('hours') + 5 }], 1000)).toBe('“Staff had **24 hours** to leave.”');
  });

  test('does not double a quotation mark the quote starts or ends with, and closes one left open', () => {
    expect(quoteMarkdown('“This decision was taken,” Rama said.', [], 1000)).toBe('“This decision was taken,” Rama said.');
    expect(quoteMarkdown('“This decision was taken to protect us.', [], 1000)).toBe('“This decision was taken to protect us.”');
    expect(quoteMarkdown('"In cooperation," he said.', [], 1000)).toBe('"In cooperation," he said.');
    expect(quoteMarkdown("'Baseless,' Iran said.", [], 1000)).toBe("“'Baseless,' Iran said.”");
  });

  test('shortens before escaping: within max, ending in … with the closing mark, never cutting a bold pair', () => {
    const quote = `Rama said on ${'very '.repeat(30)}long Wednesday that the “staff of the embassy must leave within 24 hours” of the note.`;
    const start = quote.indexOf('staff');
    const rendered = quoteMarkdown(quote, [{ start, end: quote.indexOf('hours') + 5 }], 200);
    expect(rendered.length).toBeLessThanOrEqual(200);
    expect(rendered).toMatch(/…”$/);
    expect(rendered.split('**').length % 2).toBe(1);
    expect(isMarkedPrefix(plain(rendered), quote)).toBe(true);
    // The cut runs through the highlight: its shown part stays bold, closed before the ellipsis.
    expect(bolds(rendered)).toHaveLength(1);
    expect('staff of the embassy must leave within 24 hours'.startsWith(bolds(rendered)[0]!)).toBe(true);
  });

  test('a highlight past the cut is dropped rather than shown as an empty bold', () => {
    const quote = `${'word '.repeat(40)}the answer.`;
    const rendered = quoteMarkdown(quote, [{ start: quote.indexOf('answer'), end: quote.length - 1 }], 60);
    expect(rendered).not.toContain('**');
    expect(rendered.length).toBeLessThanOrEqual(60);
  });

  const spans = (length: number) =>
    fc.array(fc.tuple(fc.nat(length), fc.nat(length)), { maxLength: 4 }).map((pairs) => {
      const out: TextSpan[] = [];
      let at = 0;
      for (const [a, b] of pairs.map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const).sort((p, q) => p[0] - q[0])) {
        if (a >= at && b > a) out.push({ start: a, end: b });
        if (b > at && a >= at) at = b;
      }
      return out;
    });
  const text = fc
    .array(fc.constantFrom('word', ' ', '\n', '*', '_', '~', '`', '|', '\\', '@', '“', '”', '"', "'", '#', '-', '>', '.', '𝐀'), {
      maxLength: 60,
    })
    .map((p) => p.join(''));

  test('for any quote, spans and max: within max, bold pairs closed, and the shown words are the quote’s own', () => {
    fc.assert(
      fc.property(
        text.chain((q) => fc.tuple(fc.constant(q), spans(q.length), fc.integer({ min: 0, max: 120 }))),
        ([quote, highlight, max]) => {
          const rendered = quoteMarkdown(quote, highlight, max);
          expect(rendered.length).toBeLessThanOrEqual(max);
          // Bold markers pair up once escaped characters are set aside.
          expect(rendered.replace(/\\./gu, '').split('**').length % 2).toBe(1);
          if (rendered) expect(isMarkedPrefix(plain(rendered), oneLine(quote))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
