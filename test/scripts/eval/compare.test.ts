import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { BaselineError, compareRuns, readBaseline, type BaselineReport } from '../../../scripts/eval/compare.js';
import { formatComparisons } from '../../../scripts/eval/report.js';
import type { Outcome } from '../../../scripts/eval/score.js';

const outcome = (id: string, cls: Outcome['class'], answered: boolean, rank?: number): Outcome => ({
  id,
  class: cls,
  answered,
  quotes: answered ? 3 : 0,
  shown: answered ? 3 : 0,
  ...(rank ? { rank } : {}),
});

describe('compareRuns', () => {
  const baseline: BaselineReport = {
    split: 'dev',
    runs: [
      {
        corpus: 'shipped',
        mode: 'keyword',
        outcomes: [
          outcome('a', 'factoid', true, 4),
          outcome('b', 'typo', true, 1),
          outcome('c', 'off-topic-hard', true),
          outcome('d', 'off-topic-easy', false),
          outcome('e', 'paraphrase', false),
        ],
      },
    ],
  };

  it('lists the questions won and lost: hit@3 for answerable ones, refusal for off-topic ones', () => {
    const now = [
      outcome('a', 'factoid', true, 2), // rank 4 → 2: gained
      outcome('b', 'typo', true, 3), // still within three: unchanged
      outcome('c', 'off-topic-hard', false), // now refused: gained
      outcome('d', 'off-topic-easy', true), // now answered: lost
      outcome('e', 'paraphrase', false), // still refused: unchanged
      outcome('f', 'factoid', true, 1), // not in the baseline: skipped
    ];
    const [c, ...rest] = compareRuns(
      [
        { corpus: 'shipped', mode: 'keyword', outcomes: now },
        { corpus: 'combined', mode: 'keyword', outcomes: now },
      ],
      baseline,
    );
    expect(rest).toEqual([]);
    expect(c).toEqual({
      corpus: 'shipped',
      mode: 'keyword',
      gained: [
        { id: 'a', class: 'factoid' },
        { id: 'c', class: 'off-topic-hard' },
      ],
      lost: [{ id: 'd', class: 'off-topic-easy' }],
      p: 1,
    });
    const text = formatComparisons([c!], 'base.json');
    expect(text).toContain('+2 −1');
    expect(text).toContain('within chance');
    expect(text).toContain('a (factoid), c (off-topic-hard)');
  });

  it('calls a one-sided run of flips more than chance', () => {
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const before: BaselineReport = {
      split: 'dev',
      runs: [{ corpus: 'shipped', mode: 'keyword', outcomes: ids.map((id) => outcome(id, 'paraphrase', false)) }],
    };
    const [c] = compareRuns(
      [{ corpus: 'shipped', mode: 'keyword', outcomes: ids.map((id) => outcome(id, 'paraphrase', true, 1)) }],
      before,
    );
    expect(c!.gained).toHaveLength(6);
    expect(c!.p).toBeLessThan(0.05);
    expect(formatComparisons([c!], 'base.json')).toContain('more than chance');
  });
});

describe('readBaseline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-baseline-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const write = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  };

  it('reads a report of the same split and refuses one of another, naming both', async () => {
    const file = await write(
      'dev.json',
      JSON.stringify({
        split: 'dev',
        generatedAt: 'x',
        runs: [{ corpus: 'shipped', mode: 'keyword', outcomes: [outcome('a', 'factoid', true, 1)] }],
      }),
    );
    expect((await readBaseline(file, 'dev')).runs[0]!.outcomes[0]!.id).toBe('a');
    await expect(readBaseline(file, 'test')).rejects.toThrow(/of the dev split, this run is of test/);
  });

  it('names the file and the problem for a missing file, bad JSON or the wrong shape', async () => {
    await expect(readBaseline(path.join(dir, 'none.json'), 'dev')).rejects.toThrow(/none\.json: ENOENT/);
    await expect(readBaseline(await write('bad.json', '{"split":'), 'dev')).rejects.toThrow(BaselineError);
    await expect(readBaseline(await write('shape.json', '{"split":"dev","runs":[{"corpus":1}]}'), 'dev')).rejects.toThrow(
      /shape\.json: not an eval report \(runs\.0\.corpus/,
    );
  });

  it('turns any file content into a report or a BaselineError, never another failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (text) => {
        const file = await write('any.json', text);
        try {
          const report = await readBaseline(file, 'dev');
          expect(report.split).toBe('dev');
        } catch (error) {
          expect(error).toBeInstanceOf(BaselineError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
