import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../../../bench/lib/args.js';
import { benchModels } from '../../../bench/lib/bench-models.js';
import { createColdStartSection, type ColdStartRun } from '../../../bench/lib/cold-start.js';
import type { SectionResult } from '../../../bench/lib/section.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('cold-start section (tiny model and keyword mode, one start after the first)', () => {
  let result: SectionResult;
  let runs: ColdStartRun[];
  beforeAll(async () => {
    const section = createColdStartSection({ starts: () => 1, models: (root) => benchModels(root).slice(0, 1) });
    result = await section.run({ options: parseBenchArgs(['--quick'], ROOT)!, root: ROOT, log: () => {} });
    runs = (result.data as { runs: ColdStartRun[] }).runs;
  }, 240_000);

  it('starts a real process per engine that reaches ready in the expected mode and answers', () => {
    expect(runs.map((r) => [r.model, r.mode, r.answered])).toEqual([
      ['tiny-bert (64-d fixture)', 'hybrid', true],
      ['keyword only (no model)', 'keyword', true],
    ]);
  });

  it('reports phases that fit inside the time to ready and the process’s lifetime', () => {
    for (const r of runs) {
      for (const p of [r.firstStart, r.median]) {
        expect(p.boot + p.imports + p.model + p.index).toBeCloseTo(p.ready, 0);
        expect(p.wall).toBeGreaterThan(p.ready + p.firstAnswer);
      }
    }
  });

  it('times npm start itself: the built bot spawned through npm, up to its "bot ready" line', () => {
    for (const r of runs) expect(r.npmStartReady).toBeGreaterThan(0);
    expect(result.tables[0]!.columns.at(-1)).toBe('npm start→bot ready');
  });

  it('prints the median and the first start for each engine', () => {
    expect(result.tables[0]!.rows.map((row) => row[1])).toEqual([
      'median of 1',
      'first (builds index)',
      'median of 1',
      'first (builds index)',
    ]);
  });
});
