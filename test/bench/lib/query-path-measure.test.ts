import { measureQueryPath } from '../../../bench/lib/query-path-measure.js';

/** An engine whose timings are scripted per question and pass, so every summary is known. */
function scripted(table: Record<string, Array<Record<string, number>>>) {
  const seen = new Map<string, number>();
  return {
    asked: [] as string[],
    async ask(question: string) {
      this.asked.push(question);
      const n = seen.get(question) ?? 0;
      seen.set(question, n + 1);
      const runs = table[question]!;
      return { answered: question !== 'off', timings: runs[n % runs.length]! };
    },
  };
}

describe('measureQueryPath', () => {
  it('takes each question’s median over passes, then percentiles across questions', async () => {
    const engine = scripted({
      a: [
        { bm25: 1, embed: 10, vector: 1, fusion: 1, compose: 2, total: 16 },
        { bm25: 1, embed: 30, vector: 1, fusion: 1, compose: 2, total: 36 },
        { bm25: 1, embed: 20, vector: 1, fusion: 1, compose: 2, total: 26 },
      ],
      off: [{ bm25: 1, embed: 40, vector: 1, fusion: 1, compose: 2, total: 46 }],
    });
    const r = await measureQueryPath(engine, ['a', 'off'], 3, 0);
    expect(engine.asked).toHaveLength(6);
    expect(r.answered).toBe(1);
    // a: embed median 20, total 26; off: 40 and 46. Nearest-rank p50 of two values is the lower.
    expect(r.stages.embed).toMatchObject({ n: 2, p50: 20, p99: 40 });
    expect(r.stages.total).toMatchObject({ p50: 26, p99: 46 });
    expect(r.stages.overhead).toMatchObject({ p50: 6, p99: 6 });
    expect(r.stages.other).toMatchObject({ p50: 1, p99: 1 });
    expect(r.overheadToEmbed).toBe(0.3);
  });

  it('leaves out stages a keyword engine never runs, and has no overhead ratio without an embedding', async () => {
    const r = await measureQueryPath(scripted({ q: [{ bm25: 2, fusion: 1, compose: 3, total: 7 }] }), ['q'], 2, 0);
    expect(Object.keys(r.stages).sort()).toEqual(['bm25', 'compose', 'fusion', 'other', 'overhead', 'total']);
    expect(r.stages.overhead?.p50).toBe(7);
    expect(r.overheadToEmbed).toBeNull();
  });

  it('warms up without counting the warm-up asks', async () => {
    const engine = scripted({ q: [{ bm25: 1, total: 1 }] });
    const r = await measureQueryPath(engine, ['q'], 1, 5);
    expect(engine.asked).toHaveLength(6);
    expect(r.stages.total?.n).toBe(1);
  });

  it('refuses an empty question list', async () => {
    await expect(measureQueryPath(scripted({}), [], 1)).rejects.toThrow(/need questions/);
  });
});
