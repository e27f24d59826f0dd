import { benchModels } from '../../../bench/lib/bench-models.js';
import { measureBot } from '../../../bench/lib/bot-burst.js';
import { cycleQuestions } from '../../../bench/lib/concurrency-stats.js';
import { batchingNote } from '../../../bench/lib/concurrency.js';
import { loadQuestions } from '../../../bench/lib/questions.js';

const root = new URL('../../../', import.meta.url).pathname;

describe('measureBot', () => {
  it('runs the real bot process with the tiny model and summarises 100 asks at once and 100 one at a time', async () => {
    const questions = cycleQuestions(await loadQuestions(`${root}test/fixtures/questions.json`), 100);
    const log: string[] = [];
    // measureBot itself throws when any interaction is not answered exactly once with its own question.
    // No 3 s deadline: how fast a loaded machine defers 100 asks is the bench's figure, not this test's check.
    const o = { questions, rounds: 1, warmup: 2, interactionDeadlineMs: Infinity, log: (l: string) => log.push(l) };
    const m = await measureBot(benchModels(root)[0]!, o);
    expect(m.rounds).toBe(1);
    expect(m.all).toHaveLength(1);
    for (const run of [m.concurrent, m.sequential]) {
      expect(run.asks).toBe(100);
      expect(run.initial?.n).toBe(100);
      expect(run.final.n).toBe(100);
      expect(run.final.min).toBeGreaterThanOrEqual(run.initial!.min);
    }
    expect(log).toEqual(['round 1/1: 100 asks at once', 'round 1/1: 100 asks one at a time']);
  }, 120_000);
});

describe('batchingNote', () => {
  const run = (perSecond: number, p95: number) => ({
    asks: 100,
    initial: null,
    final: { n: 100, p50: p95 / 2, p95, p99: p95, min: 1, max: p95 },
    wallMs: 100_000 / perSecond,
    perSecond,
  });

  it('compares each batch cap with unbatched throughput and p95', () => {
    const engine = {
      concurrent: run(100, 800),
      sequential: run(120, 10),
      batched: [{ maxBatch: 4, meanBatch: 4, run: run(110, 400) }],
      batchDrift: 0.0014,
    };
    expect(batchingNote({ model: 'm', engine })).toBe(
      "m: query micro-batching vs one inference per query, 100 at once (throughput >1× and p95 <1× would be gains): ≤4: throughput 1.10×, p95 0.50×. A query's vector embedded in a batch differs from it embedded alone by up to 0.0014 per component.",
    );
  });

  it('says why batching was not measured', () => {
    const engine = { concurrent: run(100, 800), sequential: run(120, 10), batched: [], batchingSkipped: 'a query prefix' };
    expect(batchingNote({ model: 'm', engine })).toBe('m: query micro-batching not measured (a query prefix).');
  });
});
