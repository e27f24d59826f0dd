import { bold, dim, green, red } from '../lib/style.js';
import type { Comparison, Flip } from './compare.js';
import type { GrowthRow, RunResult } from './run.js';
import { correct } from './score.js';

const pct = (v: number | undefined) => (v === undefined ? '' : `${(v * 100).toFixed(1)}%`);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const span = ([lo, hi]: [number, number]) => `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`;

/** One run as a table: a row per class, then the answerable totals. */
export function formatRun(run: RunResult, split: string, misses: boolean): string {
  const head = bold(`${run.corpus} articles · ${run.mode} · ${split} split · ${run.questions} questions`);
  const lines = [
    head,
    dim(`  ${pad('class', 16)}${lpad('n', 5)}${lpad('hit@1', 9)}${lpad('hit@3', 9)}${lpad('refused', 10)}${lpad('95% CI', 11)}`),
  ];
  for (const [name, f] of Object.entries(run.figures.classes)) {
    const refused = f.refused ?? f.wronglyRefused;
    lines.push(
      `  ${pad(name, 16)}${lpad(String(f.n), 5)}${lpad(pct(f.hit1), 9)}${lpad(pct(f.hit3), 9)}${lpad(pct(refused), 10)}${lpad(span(f.interval), 11)}`,
    );
  }
  const a = run.figures.answerable;
  lines.push(
    `  ${pad('all answerable', 16)}${lpad(String(a.n), 5)}${lpad(pct(a.hit1), 9)}${lpad(pct(a.hit3), 9)}${lpad(pct(a.wronglyRefused), 10)}${lpad(span(a.interval), 11)}`,
  );
  lines.push(
    dim(
      `  quotes per answered reply: ${run.figures.meanShown.toFixed(2)} shown, of ${run.figures.meanQuotes.toFixed(2)} cited; "refused" on an answerable class is the wrongly refused rate; 95% CI: Wilson interval of hit@3 (off-topic: of the refusal rate)`,
    ),
  );
  if (run.slips.asked > 0)
    lines.push(
      `  one-letter slips in answered questions: ${pct(run.slips.kept / run.slips.asked)} still hit@3 (${run.slips.kept} of ${run.slips.asked})`,
    );
  if (misses) {
    const missed = run.outcomes.filter((o) => !correct(o)).map((o) => o.id);
    lines.push(dim(`  missed: ${missed.join(' ') || 'none'}`));
  }
  return lines.join('\n');
}

/** The growth check: what adding the fixture articles did to the shipped questions. */
export function formatGrowth(rows: readonly GrowthRow[]): string {
  const lines = [
    bold('Growth check: shipped questions, shipped articles alone → with the fixture articles added (hit@3; refusal rate off-topic)'),
  ];
  for (const r of rows) {
    const delta = r.delta < -2 ? red(`${r.delta.toFixed(1)} pts`) : green(`${r.delta >= 0 ? '+' : ''}${r.delta.toFixed(1)} pts`);
    lines.push(`  ${pad(r.mode, 22)}${pad(r.class, 16)}${lpad(pct(r.alone), 8)} → ${lpad(pct(r.withFixtures), 7)}  ${delta}`);
  }
  return lines.join('\n');
}

/** Below this, a comparison's flips are unlikely (one in twenty) to come from a change that does nothing. */
const SIGNIFICANT = 0.05;

const flips = (list: readonly Flip[]) => list.map((f) => `${f.id} (${f.class})`).join(', ') || 'none';

/** Each run against the baseline: the questions won and lost, and the sign test on them. */
export function formatComparisons(comparisons: readonly Comparison[], baseline: string): string {
  const lines = [bold(`Against the baseline ${baseline} (answerable: hit@3; off-topic: refused)`)];
  if (comparisons.length === 0) lines.push(dim('  the baseline has none of these runs'));
  for (const c of comparisons) {
    const verdict =
      c.gained.length + c.lost.length === 0
        ? dim('no question changed')
        : c.p < SIGNIFICANT
          ? (c.gained.length > c.lost.length ? green : red)(`p = ${c.p.toFixed(3)}: more than chance`)
          : dim(`p = ${c.p.toFixed(3)}: within chance`);
    lines.push(`  ${c.corpus} · ${c.mode}: +${c.gained.length} −${c.lost.length}, ${verdict}`);
    if (c.gained.length) lines.push(`    ${green('gained')} ${flips(c.gained)}`);
    if (c.lost.length) lines.push(`    ${red('lost')}   ${flips(c.lost)}`);
  }
  return lines.join('\n');
}
