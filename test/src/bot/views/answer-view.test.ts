import { answerButtonIds, answerMessage, type ArticleLookup } from '../../../../src/bot/views/answer-view.js';
import type { Answer, Citation } from '../../../../src/types.js';
import { limitViolations } from '../../../helpers/discord-limits.js';

const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');

function citation(n: number, source: string, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    source,
    title: `Title of ${source}`,
    quote: `Quote number ${n}.`,
    highlights: [],
    score: 1 / n,
    also: [],
    start: 0,
    end: 10,
    passageId: `${source}#${n}`,
    ...overrides,
  };
}

const articles: ArticleLookup = (id) => ({
  title: `Title of ${id}`,
  outlet: id === 'a' ? 'Outlet A' : undefined,
  url: id === 'b' ? 'https://example.org/b' : undefined,
});

function answer(citations: Citation[], question = 'Why did Albania cut ties?'): Answer {
  return {
    question,
    answered: citations.length > 0,
    mode: 'hybrid',
    message: citations.length ? '' : 'Not covered.',
    citations,
    timings: {},
  };
}

describe('answerMessage', () => {
  test('quotes each citation with its [n] marker and lists each cited article once, with outlet, link and others reporting it', () => {
    const a = answer([citation(1, 'a', { also: ['c'] }), citation(2, 'b'), citation(3, 'a')]);
    const message = answerMessage(a, { answerId: 'abc', coverageHint: 'hint', articles });
    const embed = message.embeds![0]!;
    for (const c of a.citations) expect(embed.description).toContain(`> “${c.quote}” [${c.n}]`);
    expect(embed.fields!.map((f) => f.name)).toEqual(['[1] [3] Title of a', '[2] Title of b']);
    expect(embed.fields![0]!.value).toContain('Outlet A');
    expect(embed.fields![0]!.value).toContain('Also reported by: Title of c');
    expect(embed.fields![1]!.value).toContain('https://example.org/b');
  });

  test('leads with the best 3 quotes, lists sources for those only, and says how many more Show passages holds', () => {
    const a = answer([citation(1, 'a'), citation(2, 'b'), citation(3, 'a'), citation(4, 'c'), citation(5, 'd')]);
    const embed = answerMessage(a, { answerId: 'abc', coverageHint: '', articles }).embeds![0]!;
    expect(embed.description!.split('\n\n')).toEqual(['> “Quote number 1.” [1]', '> “Quote number 2.” [2]', '> “Quote number 3.” [3]']);
    expect(embed.fields!.map((f) => f.name)).toEqual(['[1] [3] Title of a', '[2] Title of b']);
    expect(embed.footer!.text).toMatch(/2 more quotes under Show passages$/);
    // Without a Show passages button nothing may be hidden.
    const noButtons = answerMessage(a, { coverageHint: '', articles }).embeds![0]!;
    expect(noButtons.description!.match(/\[\d\]$/gm)).toHaveLength(5);
    expect(noButtons.footer!.text).not.toMatch(/more/);
  });

  test('bolds the highlighted words inside the verbatim quote, escaping the rest', () => {
    const quote = 'On 15 July 2022, *hackers* hit Albania.';
    const embed = answerMessage(answer([citation(1, 'a', { quote, highlights: [{ start: 3, end: 15 }] })]), {
      answerId: 'abc',
      coverageHint: '',
      articles,
    }).embeds![0]!;
    expect(embed.description).toBe('> “On **15 July 2022**, \\*hackers\\* hit Albania.” [1]');
  });

  test('never doubles or unbalances quotation marks around a quote that has its own', () => {
    const quotes = [
      '“This decision was taken,” Rama said.',
      '“This decision was taken to protect us.',
      '"Paralyse services," he said.',
      "'Baseless,' Iran said.",
      'He called it “disgusting.',
    ];
    const citations = quotes.map((quote, i) => citation(i + 1, 'a', { quote }));
    const description = answerMessage(answer(citations), { coverageHint: '', articles }).embeds![0]!.description!;
    expect(description).not.toMatch(/““|””|“"|"”/);
    expect(description.split('\n\n')).toEqual([
      '> “This decision was taken,” Rama said. [1]',
      '> “This decision was taken to protect us.” [2]',
      '> "Paralyse services," he said. [3]',
      "> “'Baseless,' Iran said.” [4]",
      '> He called it “disgusting.” [5]',
    ]);
  });

  test('offers Show passages and votes whose custom ids carry the answer id', () => {
    const message = answerMessage(answer([citation(1, 'a')]), { answerId: 'abc', coverageHint: '', articles });
    const ids = message.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual([answerButtonIds.passages('abc'), answerButtonIds.vote('abc', 'up'), answerButtonIds.vote('abc', 'down')]);
    const noVotes = answerMessage(answer([citation(1, 'a')]), { answerId: 'abc', votes: false, coverageHint: '', articles });
    expect(noVotes.components![0]!.components).toHaveLength(1);
  });

  test('keeps within every Discord limit with huge quotes, titles and questions, and every bold pair closed', () => {
    const quote = long('cyberattack *on* 15 July', 300);
    const many = Array.from({ length: 5 }, (_, i) =>
      citation(i + 1, `s${i}`, {
        quote,
        highlights: [{ start: 0, end: quote.length }],
        title: long('headline', 100),
        also: Array.from({ length: 30 }, (_, j) => `other${j}`),
      }),
    );
    for (const answerId of ['x'.repeat(12), undefined]) {
      const message = answerMessage(answer(many, long('why', 100)), {
        answerId,
        coverageHint: long('hint', 500),
        articles: (id) => ({ title: long(id, 50) }),
      });
      expect(limitViolations(message)).toEqual([]);
      const description = message.embeds![0]!.description!;
      for (const line of description.split('\n\n')) {
        expect(line.replace(/\\./g, '').split('**')).toHaveLength(3);
        expect(line).toMatch(/^> “\*\*cyberattack .*\*\*…” \[\d\]$/);
      }
    }
  });

  test('escapes markdown and neutralises mentions in the echoed question', () => {
    const message = answerMessage(answer([citation(1, 'a')], '@everyone **why** <@123456789012345678>?'), { coverageHint: '', articles });
    const title = message.embeds![0]!.title!;
    expect(title).not.toMatch(/@everyone|<@\d+>/);
    expect(title).toContain('\\*\\*why\\*\\*');
  });

  test('says the articles do not cover an unanswered question, with the coverage hint and no buttons', () => {
    const unanswered = { ...answer([]), message: '' };
    const message = answerMessage(unanswered, { answerId: 'abc', coverageHint: 'The articles cover: X.', articles });
    const embed = message.embeds![0]!;
    expect(embed.description).toMatch(/don't cover/);
    expect(embed.description).toContain('The articles cover: X.');
    expect(message.components).toBeUndefined();
  });

  test("shows the engine's reason and the coverage hint once, even when the reason already holds the hint", () => {
    const hint = 'The articles cover: X.';
    const unanswered = { ...answer([]), message: `The articles don't cover that. ${hint}` };
    const description = answerMessage(unanswered, { coverageHint: hint, articles }).embeds![0]!.description!;
    expect(description.split(hint)).toHaveLength(2);
    expect(description).toContain("The articles don't cover that.");
  });
});
