import { answerToJson, formatAnswer } from '../../../scripts/lib/format-answer.js';
import type { Answer, Citation, IndexStatus } from '../../../src/types.js';

const BOLD_ON = '\x1b[1m';
const BOLD_OFF = '\x1b[22m';
const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

const status = { articles: [{ id: 'a', title: 'Article A' }], mode: 'keyword' } as unknown as IndexStatus;

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    source: 'a',
    title: `Title ${n}`,
    quote: `Quote ${n}.`,
    highlights: [],
    score: 1,
    also: [],
    start: 0,
    end: 8,
    passageId: 'a#0',
    ...overrides,
  };
}

function answer(citations: Citation[]): Answer {
  return { question: 'When?', answered: true, mode: 'hybrid', message: '', citations, timings: { total: 1 } };
}

describe('formatAnswer (terminal)', () => {
  const noColor = process.env.NO_COLOR;
  beforeAll(() => delete process.env.NO_COLOR);
  afterAll(() => {
    if (noColor !== undefined) process.env.NO_COLOR = noColor;
  });

  test('prints the highlight spans of the verbatim quote in bold on a terminal', () => {
    const quote = 'On 15 July 2022, a cyberattack hit.';
    const out = formatAnswer(answer([citation(1, { quote, highlights: [{ start: 3, end: 15 }] })]), status, tty);
    expect(out).toContain(`“On ${BOLD_ON}15 July 2022${BOLD_OFF}, a cyberattack hit.”`);
  });

  test('prints no escape codes when the output is not a terminal, and the quote verbatim', () => {
    const quote = 'On 15 July 2022, a cyberattack hit.';
    const out = formatAnswer(answer([citation(1, { quote, highlights: [{ start: 3, end: 15 }] })]), status, pipe);
    expect(out).not.toContain('\x1b[');
    expect(out).toContain(`“${quote}” [1]`);
  });

  test('shows the best 3 quotes and their sources only, and says where the rest are', () => {
    const out = formatAnswer(answer([1, 2, 3, 4, 5].map((n) => citation(n))), status, pipe);
    expect(out.match(/^ {2}“Quote \d\.” \[\d\]$/gm)).toEqual(['  “Quote 1.” [1]', '  “Quote 2.” [2]', '  “Quote 3.” [3]']);
    expect(out).toContain('2 more quotes in --json');
    expect(out).toContain('Title 3');
    expect(out).not.toContain('Title 4');
  });

  test('keeps quotation marks balanced and never doubled around quotes that carry their own', () => {
    const quotes = ['“This decision was taken,” Rama said.', '“We will act.', "'Baseless,' Iran said."];
    const out = formatAnswer(answer(quotes.map((quote, i) => citation(i + 1, { quote }))), status, pipe);
    expect(out).not.toMatch(/““|””/);
    expect(out).toContain('  “This decision was taken,” Rama said. [1]');
    expect(out).toContain('  “We will act.” [2]');
    expect(out).toContain("  “'Baseless,' Iran said.” [3]");
  });
});

describe('answerToJson', () => {
  test('gives every citation its highlights as {start, end} offsets into its quote', () => {
    const json = answerToJson(answer([citation(1, { highlights: [{ start: 0, end: 5 }] })]), status) as {
      citations: Array<Record<string, unknown>>;
    };
    expect(json.citations[0]).toEqual({
      n: 1,
      source: 'a',
      title: 'Title 1',
      quote: 'Quote 1.',
      highlights: [{ start: 0, end: 5 }],
      score: 1,
      also: [],
    });
  });
});
