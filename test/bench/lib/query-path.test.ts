import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../../../bench/lib/args.js';
import { benchModels } from '../../../bench/lib/bench-models.js';
import { createQueryPathSection, type QueryPathRun } from '../../../bench/lib/query-path.js';
import type { SectionResult } from '../../../bench/lib/section.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('query-path section (tiny model and keyword mode, shipped articles and 10 synthetic ones)', () => {
  let result: SectionResult;
  let runs: QueryPathRun[];
  beforeAll(async () => {
    const section = createQueryPathSection({
      questions: 40,
      passes: () => 1,
      models: (root) => benchModels(root).slice(0, 1),
      largeCorpus: () => 10,
    });
    result = await section.run({ options: parseBenchArgs(['--quick'], ROOT)!, root: ROOT, log: () => {} });
    runs = (result.data as { runs: QueryPathRun[] }).runs;
  }, 60_000);

  it('measures the model and keyword mode on both corpora', () => {
    expect(runs.map((r) => [r.model, r.corpus])).toEqual([
      ['tiny-bert (64-d fixture)', 'shipped articles'],
      ['keyword only (no model)', 'shipped articles'],
      ['tiny-bert (64-d fixture)', '10 synthetic articles'],
      ['keyword only (no model)', '10 synthetic articles'],
    ]);
    expect(runs[0]!.passages).toBe(runs[1]!.passages);
  });

  it('times every stage of a hybrid ask and no vector stage in keyword mode', () => {
    const [hybrid, keyword] = runs;
    for (const stage of ['bm25', 'embed', 'vector', 'fusion', 'compose', 'total'] as const) expect(hybrid!.stages[stage]?.n).toBe(40);
    expect(keyword!.stages.embed).toBeUndefined();
    expect(keyword!.stages.vector).toBeUndefined();
    expect(hybrid!.overheadToEmbed).toBeGreaterThan(0);
    expect(keyword!.overheadToEmbed).toBeNull();
  });

  it('answers the hand-written answerable questions in both modes', () => {
    // The first 37 questions are the fixture's 30 answerable and 7 off-topic ones.
    for (const r of runs.slice(0, 2)) expect(r.answered).toBeGreaterThanOrEqual(25);
  });

  it('reports per-stage percentiles in order and prints a summary row per engine', () => {
    for (const r of runs) for (const s of Object.values(r.stages)) expect(s!.p50 <= s!.p95 && s!.p95 <= s!.p99).toBe(true);
    expect(result.tables[0]!.rows).toHaveLength(4);
    expect(result.tables.map((t) => t.title)).toEqual(expect.arrayContaining([expect.stringMatching(/p99 ms per stage/)]));
  });
});
