import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../../../bench/lib/args.js';
import { benchModels } from '../../../bench/lib/bench-models.js';
import { createReindexSection, type ModelReindex } from '../../../bench/lib/reindex-bench.js';
import { phaseShares } from '../../../bench/lib/reindex-measure.js';
import type { SectionResult } from '../../../bench/lib/section.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every number anywhere in `value`, with its path, for the "all figures finite" check. */
function numbers(value: unknown, at = 'data'): Array<[string, number]> {
  if (typeof value === 'number') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, `${at}.${k}`));
  return [];
}

describe('reindex section (20 synthetic articles, tiny model)', () => {
  let result: SectionResult;
  let run: ModelReindex;
  beforeAll(async () => {
    // Only the committed tiny model: the MiniLM-shaped one is generated on demand and slow.
    const section = createReindexSection({ articles: () => 20, models: (root) => benchModels(root).slice(0, 1) });
    result = await section.run({ options: parseBenchArgs(['--quick'], ROOT)!, root: ROOT, log: () => {} });
    run = (result.data as { runs: ModelReindex[] }).runs[0]!;
  }, 30_000);

  it('embeds every passage cold and none when nothing changed', () => {
    expect(run.cold.articles).toBe(20);
    expect(run.cold.passages).toBeGreaterThan(20);
    expect(run.cold.embedded).toBe(run.cold.passages);
    expect(run.unchanged.embedded).toBe(0);
    expect(run.unchanged.passages).toBe(run.cold.passages);
  });

  it('re-embeds only the changed article’s passages', () => {
    expect(run.oneChanged.articlePassages).toBeGreaterThan(0);
    expect(run.oneChanged.embedded).toBe(run.oneChanged.articlePassages);
  });

  it('reports only finite figures, and phases that add up to the run', () => {
    const bad = numbers(result.data).filter(([, v]) => !Number.isFinite(v));
    expect(bad).toEqual([]);
    for (const r of [run.cold, run.unchanged, run.oneChanged]) {
      const sum = r.phases.loadChunk + r.phases.embed + r.phases.write;
      expect(Math.abs(sum - r.seconds)).toBeLessThan(0.01);
    }
    expect(run.unchanged.embedPassagesPerSecond).toBeNull();
    const shares = phaseShares(run.cold);
    expect(shares.loadChunk + shares.embed + shares.write).toBeGreaterThanOrEqual(98);
  });

  it('prints a table row per model and run, and names the corpus size', () => {
    expect(result.tables.map((t) => t.rows.length)).toEqual([1, 2]);
    expect(result.notes?.[0]).toMatch(/^Corpus: 20 synthetic articles/);
  });
});
