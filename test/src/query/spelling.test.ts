import { nameEditBudget, nearSpelling, withinEdits } from '../../../src/query/spelling.js';

describe('withinEdits', () => {
  it.each([
    ['tehran', 'teheran', 1, true],
    ['mujahedeen', 'mujahideen', 1, true],
    ['mujahedin', 'mujahideen', 2, false],
    ['mujahedin', 'mujahideen', 3, true],
    ['kanaani', 'kanani', 1, true],
    ['abc', 'abc', 0, true],
    ['abc', 'xyz', 2, false],
    ['', 'ab', 2, true],
  ])('%s ~ %s within %i edits: %s', (a, b, max, expected) => {
    expect(withinEdits(a, b, max)).toBe(expected);
    expect(withinEdits(b, a, max)).toBe(expected);
  });
});

describe('nearSpelling', () => {
  it('allows more edits to longer names and none to short ones', () => {
    expect([nameEditBudget('biden'), nameEditBudget('tehran'), nameEditBudget('mujahedin')]).toEqual([0, 1, 2]);
    expect(nearSpelling('biden', ['bide', 'widen'])).toBeUndefined();
  });

  it('finds a spelling of the same name that starts with the same letter', () => {
    expect(nearSpelling('teheran', ['tirana', 'tehran'])).toBe('tehran');
    expect(nearSpelling('mujahedeen', ['mujahideen'])).toBe('mujahideen');
    expect(nearSpelling('germani', ['german', 'jermani'])).toBe('german');
    expect(nearSpelling('kanani', ['hanani'])).toBeUndefined();
  });
});

describe('withNameSpellings', () => {
  it('lets a name the index lacks match its near spelling, in retrieval and in coverage', async () => {
    const { Bm25Index } = await import('../../../src/index/bm25.js');
    const { analyseQuery } = await import('../../../src/query/query.js');
    const { withNameSpellings } = await import('../../../src/query/spelling.js');
    const index = new Bm25Index([
      ['tehran', 'deni'],
      ['tirana', 'expel'],
    ]);
    const query = withNameSpellings(analyseQuery('What did Teheran deny?'), index);
    expect(query.alternatives.get('teheran')).toContainEqual({ term: 'tehran', weight: 0.9 });
    expect(query.expanded).toContainEqual({ term: 'tehran', weight: 0.9 });
    expect(index.search(query.expanded, 1)[0]?.doc).toBe(0);
    const plain = analyseQuery('What did Tehran deny?');
    expect(withNameSpellings(plain, index)).toBe(plain);
  });
});
