import { mulberry32 } from '../../../harness/seeded-random.js';
import { hashString, prngFor } from '../../../scripts/model/prng.js';

const draw = (next: () => number, n: number): number[] => Array.from({ length: n }, next);

test('the same seed and name always give the same sequence', () => {
  expect(draw(prngFor(7, 'w'), 50)).toEqual(draw(prngFor(7, 'w'), 50));
  expect(draw(mulberry32(123), 5)).toEqual(draw(mulberry32(123), 5));
});

test('different names or seeds give different sequences', () => {
  expect(draw(prngFor(7, 'a'), 5)).not.toEqual(draw(prngFor(7, 'b'), 5));
  expect(draw(prngFor(7, 'a'), 5)).not.toEqual(draw(prngFor(8, 'a'), 5));
  expect(hashString('query')).not.toBe(hashString('key'));
});

test('draws are uniform on [0, 1)', () => {
  const values = draw(mulberry32(42), 20000);
  expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  expect(mean).toBeGreaterThan(0.49);
  expect(mean).toBeLessThan(0.51);
  const buckets = new Array(10).fill(0);
  for (const v of values) buckets[Math.floor(v * 10)]++;
  for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
});
