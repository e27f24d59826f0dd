import { Bm25Index } from '../../src/bm25.js';

const docs = [
  ['albania', 'iran', 'tie'],
  ['cyber', 'attack', 'juli', 'albania'],
  ['iran', 'deni', 'attack', 'attack'],
  ['weather'],
];
const q = (...t: string[]) => t.map((term) => ({ term, weight: 1 }));

describe('Bm25Index', () => {
  const index = new Bm25Index(docs);

  it('gives rarer terms a higher idf, and unknown terms the highest', () => {
    expect(index.idf('weather')).toBeGreaterThan(index.idf('albania'));
    expect(index.idf('unknown')).toBeGreaterThan(index.idf('weather'));
    expect(index.idf('albania')).toBeGreaterThan(0);
  });

  it('ranks the document matching more and rarer terms first', () => {
    const hits = index.search(q('iran', 'attack'));
    expect(hits[0]!.doc).toBe(2);
    expect(hits.map((h) => h.doc).sort()).toEqual([0, 1, 2]);
  });

  it('applies query term weights', () => {
    const strong = index.search([{ term: 'juli', weight: 1 }])[0]!.score;
    const weak = index.search([{ term: 'juli', weight: 0.5 }])[0]!.score;
    expect(weak).toBeCloseTo(strong / 2);
  });

  it('returns nothing for terms no document has, and honours k', () => {
    expect(index.search(q('nothing'))).toEqual([]);
    expect(index.search(q('albania', 'iran', 'attack'), 2)).toHaveLength(2);
  });
});
