import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { loadQuestions, type Split } from './eval/questions.js';
import { compareRuns, readBaseline } from './eval/compare.js';
import { formatComparisons, formatGrowth, formatRun } from './eval/report.js';
import { growth, runOne, type Corpora, type GrowthRow, type RunResult } from './eval/run.js';
import { parseCommandLine, usageError } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const USAGE = `Usage: npm run eval -- [--split dev|test|all] [--mode keyword|MODEL_ID]... [--out FILE] [--misses] [--baseline FILE]

Asks the evaluation questions (test/fixtures/eval/questions.json) of the shipped articles alone and
with the fixture articles added, in each mode, and prints hit@1 / hit@3 per class, the refusal rate
of the off-topic classes and the wrongly refused rate of answerable questions.

  --split     dev (default: tune on this), test (run when a change is done) or all
  --mode      keyword, or a model id under test/fixtures/models (repeatable);
              default: keyword and every model there
  --questions the question file (default: test/fixtures/eval/questions.json)
  --fixtures  the fixture articles added in the "combined" runs (default: test/fixtures/eval/articles)
  --out       the JSON report (default: reports/eval-<split>.json, not committed)
  --misses    list the ids of missed questions (for dev; don't tune on test)
  --baseline  an earlier report of the same split: list the questions this run
              won and lost against it, with a sign test on them (is it chance?)
  -h, --help  this text`;

const EVAL_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'eval');

/** Every model the project generates for tests (owner/name folders under the fixture models). */
async function fixtureModels(modelsDir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const owner of await readdir(modelsDir, { withFileTypes: true })) {
    if (!owner.isDirectory()) continue;
    for (const name of await readdir(path.join(modelsDir, owner.name), { withFileTypes: true }))
      if (name.isDirectory()) ids.push(`${owner.name}/${name.name}`);
  }
  return ids.sort();
}

/** `npm run eval`: the held-out evaluation of answer quality. */
export async function main(argv = process.argv.slice(2)): Promise<{ runs: RunResult[]; growth: GrowthRow[] } | undefined> {
  const parsed = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      split: { type: 'string', default: 'dev' },
      mode: { type: 'string', multiple: true },
      out: { type: 'string' },
      questions: { type: 'string', default: path.join(EVAL_DIR, 'questions.json') },
      fixtures: { type: 'string', default: path.join(EVAL_DIR, 'articles') },
      misses: { type: 'boolean', default: false },
      baseline: { type: 'string' },
    },
  });
  if (!parsed) return undefined;
  const { values } = parsed;
  const split = values.split;
  if (split !== 'dev' && split !== 'test' && split !== 'all') throw usageError(`--split takes dev, test or all, not "${split}"`, USAGE);

  const corpora: Corpora = {
    shipped: path.join(PROJECT_ROOT, 'data', 'articles'),
    fixtures: path.resolve(values.fixtures),
    modelsDir: path.join(PROJECT_ROOT, 'test', 'fixtures', 'models'),
  };
  // Read first: a bad baseline should fail before a minute of asking, not after.
  const baseline = values.baseline ? await readBaseline(path.resolve(values.baseline), split) : undefined;
  const questions = (await loadQuestions(path.resolve(values.questions))).filter((q) => split === 'all' || q.split === (split as Split));
  const modes = values.mode ?? ['keyword', ...(await fixtureModels(corpora.modelsDir))];

  const runs: RunResult[] = [];
  const rows: GrowthRow[] = [];
  for (const mode of modes) {
    const alone = await runOne({ corpus: 'shipped', mode }, questions, corpora);
    const combined = await runOne({ corpus: 'combined', mode }, questions, corpora);
    runs.push(alone, combined);
    rows.push(...growth(alone, combined, questions));
    for (const run of [alone, combined]) process.stdout.write(formatRun(run, split, values.misses) + '\n\n');
  }
  process.stdout.write(formatGrowth(rows) + '\n');
  if (baseline) process.stdout.write('\n' + formatComparisons(compareRuns(runs, baseline), values.baseline!) + '\n');

  const out = path.resolve(values.out ?? path.join(PROJECT_ROOT, 'reports', `eval-${split}.json`));
  await mkdir(path.dirname(out), { recursive: true });
  const report = {
    split,
    generatedAt: new Date().toISOString(),
    questions: questions.length,
    runs: runs.map(({ outcomes, ...r }) => ({ ...r, outcomes })),
    growth: rows,
  };
  await writeFile(out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(`\nreport: ${path.relative(process.cwd(), out)}\n`);
  return { runs, growth: rows };
}

if (isMain(import.meta.url)) runMain(main);
