import type { AnswerRecord } from '../../../../src/bot/stores/store.js';
import { passagesMessages } from '../../../../src/bot/views/passages-view.js';
import type { Passage } from '../../../../src/types.js';
import { limitViolations } from '../../../helpers/discord-limits.js';

function passage(id: string, text: string): Passage {
  return { id, articleId: id.split('#')[0]!, title: 'T', start: 0, end: text.length, text, sentences: [] };
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');

function record(citations: Array<{ n: number; passageId: string; quote: string }>): AnswerRecord {
  return {
    id: 'r',
    question: 'q',
    member: 'u',
    createdAt: Date.now(),
    mode: 'keyword',
    citations: citations.map((c) => ({ ...c, source: c.passageId.split('#')[0]!, title: `Title ${c.passageId}` })),
  };
}

describe('passagesMessages', () => {
  test('shows each cited passage once, in full, with the quoted words in bold', () => {
    const p = passage('a#0', 'Before the quote. The quoted sentence is here. After it.');
    const messages = passagesMessages(
      record([
        { n: 1, passageId: 'a#0', quote: 'The quoted sentence is here.' },
        { n: 2, passageId: 'a#0', quote: 'After it.' },
      ]),
      () => p,
      () => undefined,
    );
    expect(messages).toHaveLength(1);
    const [embed] = messages[0]!.embeds!;
    expect(embed!.title).toContain('[1] [2]');
    expect(embed!.description).toBe('Before the quote. **The quoted sentence is here.** **After it.**');
  });

  test('shows every citation of the answer, also those the reply left out', () => {
    const cites = Array.from({ length: 5 }, (_, i) => ({ n: i + 1, passageId: `s${i % 4}#0`, quote: `Quote ${i}.` }));
    const texts = ['Quote 0. Quote 4.', 'Quote 1.', 'Quote 2.', 'Quote 3.'];
    const embeds = passagesMessages(
      record(cites),
      (id) => passage(id, texts[Number(id[1])]!),
      () => undefined,
    ).flatMap((m) => m.embeds!);
    expect(embeds.map((e) => e.title!.split(' Title')[0])).toEqual(['[1] [5]', '[2]', '[3]', '[4]']);
    for (const c of cites) expect(embeds.some((e) => e.description!.includes(`**Quote ${c.n - 1}.**`))).toBe(true);
  });

  test('says a passage is gone when the index no longer has it in the same words', () => {
    const messages = passagesMessages(
      record([{ n: 1, passageId: 'a#0', quote: 'Old words.' }]),
      () => passage('a#0', 'New words.'),
      () => undefined,
    );
    expect(messages[0]!.embeds![0]!.description).toMatch(/no longer in the index/);
    const missing = passagesMessages(
      record([{ n: 1, passageId: 'a#9', quote: 'x' }]),
      () => undefined,
      () => undefined,
    );
    expect(missing[0]!.embeds![0]!.description).toMatch(/no longer in the index/);
  });

  test('splits long passages over several messages, each within the limits', () => {
    const texts = Array.from({ length: 5 }, (_, i) => `Quote ${i}. ${filler(400)}`);
    const cites = texts.map((_, i) => ({ n: i + 1, passageId: `s${i}#0`, quote: `Quote ${i}.` }));
    const messages = passagesMessages(
      record(cites),
      (id) => passage(id, texts[Number(id[1])]!),
      () => undefined,
    );
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
    expect(messages.flatMap((m) => m.embeds!)).toHaveLength(5);
  });
});
