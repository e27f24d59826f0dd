import { benchModels } from '../../../bench/lib/bench-models.js';
import { cycleQuestions } from '../../../bench/lib/concurrency-stats.js';
import { BATCH_CAPS, measureEngine, timeAsks } from '../../../bench/lib/engine-burst.js';
import { loadQuestions } from '../../../bench/lib/questions.js';

/** A fake ask that records how many calls are in flight and finishes when the test says so. */
function gatedAsk() {
  let inFlight = 0;
  const seen: number[] = [];
  const gates: Array<() => void> = [];
  const ask = async (q: string) => {
    inFlight++;
    seen.push(inFlight);
    await new Promise<void>((resolve) => gates.push(resolve));
    inFlight--;
    return q;
  };
  return { ask, seen, gates };
}

describe('timeAsks', () => {
  it('starts every question before any finishes when concurrent', async () => {
    const g = gatedAsk();
    const run = timeAsks(g.ask, ['a', 'b', 'c'], 'concurrent');
    await new Promise((r) => setImmediate(r));
    expect(g.seen).toEqual([1, 2, 3]);
    g.gates.forEach((open) => open());
    const timings = await run;
    expect(timings.map((t) => t.question)).toEqual(['a', 'b', 'c']);
    for (const t of timings) expect(t.end).toBeGreaterThanOrEqual(t.start);
  });

  it('runs one at a time when sequential', async () => {
    const g = gatedAsk();
    const run = timeAsks(g.ask, ['a', 'b', 'c'], 'sequential');
    for (let i = 0; i < 3; i++) {
      while (g.gates.length <= i) await new Promise((r) => setImmediate(r));
      g.gates[i]!();
    }
    const timings = await run;
    expect(g.seen).toEqual([1, 1, 1]);
    for (let i = 1; i < 3; i++) expect(timings[i]!.start).toBeGreaterThanOrEqual(timings[i - 1]!.end);
  });
});

describe('measureEngine', () => {
  it('times 100 questions at once, one at a time and micro-batched at each cap with the tiny model', async () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const questions = cycleQuestions(await loadQuestions(`${root}test/fixtures/questions.json`), 100);
    const m = await measureEngine(benchModels(root)[0]!, questions, 1, () => undefined);
    for (const run of [m.concurrent, m.sequential, ...m.batched.map((b) => b.run)]) {
      expect(run.asks).toBe(100);
      expect(run.final.n).toBe(100);
      expect(run.initial).toBeNull();
    }
    expect(m.batchingSkipped).toBeUndefined();
    expect(m.batched.map((b) => b.maxBatch)).toEqual([...BATCH_CAPS]);
    for (const b of m.batched) expect(b.meanBatch).toBeGreaterThan(1);
    for (const b of m.batched) expect(b.meanBatch).toBeLessThanOrEqual(b.maxBatch);
    expect(m.batchDrift).toBeLessThan(0.01);
  }, 60_000);
});
