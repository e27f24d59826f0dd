import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { answerMessage } from '../../src/bot/views/answer-view.js';
import { Engine } from '../../src/engine.js';
import { MAX_SENTENCE_CHARS } from '../../src/passages/chunking.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

/**
 * Bounded work per answer. Articles holding one unpunctuated line of growing size (20k to 160k
 * characters; 40 kB once blocked the bot for 2 s and 830 kB for minutes) are indexed, then asked a
 * question the line matches, and the reply is rendered. Every quote stays within the sentence bound,
 * and the time to answer and render grows at most linearly: the largest article is 8× the smallest,
 * so a linear path takes at most about 8× as long (allowed: 8× with 3× slack for noise on a shared
 * machine); the old quadratic escaping took about 64×. Times are compared within one run, never
 * against a fixed threshold.
 */

const SIZES = [20_000, 40_000, 80_000, 160_000];
const QUESTION = 'Which ministry reported the cyberattack on Albania?';
const ROUNDS = 5;

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace({ copyArticles: false });
});
afterAll(() => ws.dispose());

/** One article: a headline, a prose paragraph, and one line of `size` characters without punctuation. */
function article(size: number): string {
  const words = ['the', 'ministry', 'reported', 'cyberattack', 'on', 'Albania', 'servers', 'and', 'networks', 'again'];
  const line: string[] = [];
  for (let n = 0, i = 0; n < size; i++) {
    const w = words[i % words.length]!;
    line.push(w);
    n += w.length + 1;
  }
  return `Ministry reports attack\n\nThe ministry reported a cyberattack on Albania in July.\n\n${line.join(' ')}\n`;
}

async function timeToAnswer(size: number): Promise<{ ms: number; quotes: number[]; description: number }> {
  await rm(ws.articlesDir, { recursive: true, force: true });
  await mkdir(ws.articlesDir, { recursive: true });
  await writeFile(path.join(ws.articlesDir, 'long.txt'), article(size));
  const engine = await Engine.open({ config: ws.config, embedder: null });
  const status = engine.status();
  const lookup = (id: string) => status.articles.find((a) => a.id === id);
  let best = Infinity;
  let last = { quotes: [] as number[], description: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    const answer = await engine.ask(QUESTION);
    const message = answerMessage(answer, { coverageHint: engine.coverageHint(), articles: lookup, answerId: 'a1' });
    best = Math.min(best, performance.now() - started);
    last = { quotes: answer.citations.map((c) => c.quote.length), description: message.embeds![0]!.description?.length ?? 0 };
  }
  return { ms: best, ...last };
}

it('answer time grows at most linearly with article size, and quotes stay bounded', async () => {
  const results = [];
  for (const size of SIZES) results.push({ size, ...(await timeToAnswer(size)) });
  process.stdout.write(`bounded answer: ${results.map((r) => `${r.size / 1000}k ${r.ms.toFixed(1)} ms`).join(', ')}\n`);
  for (const r of results) {
    expect(r.quotes.length).toBeGreaterThan(0);
    for (const q of r.quotes) expect(q).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(r.description).toBeLessThanOrEqual(4096);
  }
  const growth = SIZES[SIZES.length - 1]! / SIZES[0]!;
  // A floor of 1 ms keeps a very fast small case from turning noise into a large ratio.
  expect(results[results.length - 1]!.ms / Math.max(1, results[0]!.ms)).toBeLessThanOrEqual(growth * 3);
}, 300_000);
