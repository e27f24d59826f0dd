import { articleSentences, chunkArticle, estimateTokens } from '../../../src/passages/chunking.js';
import { makeArticle } from '../../helpers/articles.js';

const sentence = (i: number) => `Sentence number ${i} reports that the government of Albania acted on the findings of the inquiry.`;

describe('chunkArticle', () => {
  const article = makeArticle('a1', 'Headline', [
    Array.from({ length: 6 }, (_, i) => sentence(i)).join(' '),
    'Advert-free second paragraph. It has two sentences.',
  ]);

  it('never cuts a sentence: every passage is made of whole sentences of the article', () => {
    const sentences = articleSentences(article).map((s) => article.text.slice(s.start, s.end));
    for (const p of chunkArticle(article, { targetTokens: 40, maxTokens: 60, overlapSentences: 1 })) {
      for (const span of p.sentences) expect(sentences).toContain(article.text.slice(span.start, span.end));
      expect(p.text).toBe(p.sentences.map((s) => article.text.slice(s.start, s.end)).join(' '));
      expect(p.start).toBe(p.sentences[0]!.start);
      expect(p.end).toBe(p.sentences.at(-1)!.end);
    }
  });

  it('sizes passages near the target and overlaps consecutive passages by one sentence', () => {
    const passages = chunkArticle(article, { targetTokens: 40, maxTokens: 60, overlapSentences: 1 });
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(p.sentences.length === 1 || estimateTokens(p.text) <= 40).toBe(true);
    for (let i = 1; i < passages.length; i++) {
      expect(passages[i]!.sentences[0]).toEqual(passages[i - 1]!.sentences.at(-1));
    }
  });

  it('covers every sentence and keeps article id, title and numbering', () => {
    const passages = chunkArticle(article);
    const covered = new Set(passages.flatMap((p) => p.sentences.map((s) => s.start)));
    expect(covered.size).toBe(articleSentences(article).length);
    expect(passages.map((p) => p.id)).toEqual(passages.map((_, i) => `a1#${i}`));
    expect(passages.every((p) => p.articleId === 'a1' && p.title === 'Headline')).toBe(true);
  });

  it('leaves text outside the kept blocks out of passages', () => {
    const text = 'Title\nKept sentence one. Kept two.\nREAD MORE: junk link\nKept three.';
    const a = {
      ...makeArticle('b', 'Title', []),
      text,
      blocks: [
        { start: 6, end: 34 },
        { start: text.indexOf('Kept three'), end: text.length },
      ],
    };
    const all = chunkArticle(a)
      .map((p) => p.text)
      .join(' ');
    expect(all).toContain('Kept three.');
    expect(all).not.toContain('READ MORE');
  });

  it('puts an over-long sentence in a passage of its own rather than cutting it', () => {
    const long = 'Word ' + Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ') + '.';
    const a = makeArticle('c', 'T', [`Short one. ${long} Short two.`]);
    const passages = chunkArticle(a, { targetTokens: 20, maxTokens: 30, overlapSentences: 0 });
    expect(passages.some((p) => p.text === long)).toBe(true);
  });
});
