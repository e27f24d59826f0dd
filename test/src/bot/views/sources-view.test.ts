import { sourcesMessage } from '../../../../src/bot/views/sources-view.js';
import type { IndexStatus, ScoredPassage } from '../../../../src/types.js';
import { limitViolations } from '../../../helpers/discord-limits.js';

function status(articles: number): IndexStatus {
  return {
    model: 'Xenova/bge-small-en-v1.5',
    mode: 'keyword',
    modeReason: 'model not downloaded',
    builtAt: new Date(0).toISOString(),
    passages: articles * 3,
    dimensions: 384,
    articles: Array.from({ length: articles }, (_, i) => ({
      id: `a${i}`,
      title: `Article ${i} ${'long '.repeat(20)}`,
      file: `a${i}.md`,
      outlet: 'Outlet',
      passages: 3,
    })),
    skipped: [{ file: 'broken.md', reason: 'empty body' }],
  };
}

describe('sourcesMessage', () => {
  test('lists every article with its passage count and the index status', () => {
    const s = status(4);
    const [embed] = sourcesMessage(s).embeds!;
    for (const a of s.articles) expect(embed!.description).toContain(`Article ${a.id.slice(1)}`);
    expect(embed!.description).toContain('3 passages');
    const fields = Object.fromEntries(embed!.fields!.map((f) => [f.name.replace(/ \(\d+\)$/, ''), f.value]));
    expect(fields['Model']).toBe(s.model);
    expect(fields['Mode']).toBe('keyword (model not downloaded)');
    expect(fields['Built']).toMatch(/^<t:0:f>$/);
    expect(fields['Passages']).toBe('12');
    expect(fields['Skipped articles']).toContain('broken.md: empty body');
  });

  test('with many articles says how many more there are and stays within the limits', () => {
    const message = sourcesMessage(status(300));
    expect(message.embeds![0]!.description).toMatch(/…and \d+ more$/);
    expect(limitViolations(message)).toEqual([]);
  });

  test('shows the top passages with fused, bm25 and vector scores for a query', () => {
    const results: ScoredPassage[] = [
      { passage: { id: 'a#0', articleId: 'a', title: 'A', start: 0, end: 5, text: 'Hello', sentences: [] }, score: 0.5, bm25: 3.25 },
      { passage: { id: 'b#1', articleId: 'b', title: 'B', start: 0, end: 5, text: 'World', sentences: [] }, score: 0.25, vector: 0.75 },
    ];
    const message = sourcesMessage(status(2), { query: 'hello', results });
    const debug = message.embeds![1]!;
    expect(debug.title).toContain('hello');
    expect(debug.fields![0]!.value).toContain('fused 0.5000 · bm25 3.2500 · vector —');
    expect(debug.fields![1]!.value).toContain('vector 0.7500');
    expect(limitViolations(message)).toEqual([]);
  });
});
