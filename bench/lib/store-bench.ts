import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin, startPostgres } from '../../harness/postgres.js';
import { PostgresStore } from '../../src/bot/stores/postgres/postgres-store.js';
import { SqliteStore } from '../../src/bot/stores/sqlite/sqlite-store.js';
import type { Store } from '../../src/bot/stores/store.js';
import type { Answer } from '../../src/types.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import { median, p95 } from './stats.js';

/** What one store costs per answer: the writes the bot makes for it (answer, log line, a vote), in ms. */
export interface StoreCost {
  store: 'sqlite' | 'postgres';
  answers: number;
  medianMs: number;
  p95Ms: number;
}

/** An answer as the engine returns it, with three citations (what the bot keeps behind buttons). */
function answer(i: number): Answer {
  const citations = [1, 2, 3].map((n) => ({
    n,
    source: `article-${n}`,
    title: `Title ${n}`,
    quote: `Quote ${n} of answer ${i}: a sentence of about the length the articles have.`,
    score: 1,
    also: [],
    start: 0,
    end: 60,
    passageId: `article-${n}#${i % 50}`,
    highlights: [],
  }));
  return { question: `Question number ${i}?`, answered: true, mode: 'keyword', message: '', timings: {}, citations };
}

/** Times `count` answers' writes on `store`, one answer after another, as one shard writes them. */
export async function timeAnswers(store: Store, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const member = `member-${i % 97}`;
    const t0 = performance.now();
    const record = await store.answers.add(answer(i), member);
    await store.questions.add({
      at: Date.now(),
      member,
      command: 'ask',
      outcome: 'answered',
      articleIds: ['article-1'],
      latencyMs: 5,
      question: record.question,
      answerId: record.id,
    });
    await store.votes.record({
      answerId: record.id,
      member,
      at: Date.now(),
      guildId: null,
      vote: 'up',
      question: record.question,
      mode: record.mode,
      citations: record.citations,
    });
    times.push(performance.now() - t0);
  }
  return times;
}

const summary = (store: StoreCost['store'], times: number[]): StoreCost => ({
  store,
  answers: times.length,
  medianMs: Math.round(median(times) * 1000) / 1000,
  p95Ms: Math.round(p95(times) * 1000) / 1000,
});

/**
 * Both stores in one run, on one machine: SQLite in a temporary file (WAL, synchronous FULL, as the
 * bot opens it) and PostgreSQL in a throwaway local cluster with fsync on (its defaults otherwise).
 * PostgreSQL is skipped, and said so, when its binaries are missing.
 */
export async function measureStores(count: number, log: (m: string) => void = () => {}): Promise<{ costs: StoreCost[]; skipped?: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-store-'));
  try {
    const sqlite = SqliteStore.open(path.join(dir, 'casefile.db'), { questionLogDays: 30 });
    const costs = [summary('sqlite', await timeAnswers(sqlite, count).finally(() => sqlite.close()))];
    if (!findPostgresBin()) return { costs, skipped: 'PostgreSQL skipped: no server binaries (install the postgresql package)' };
    log('store: starting a local PostgreSQL');
    const server = await startPostgres(undefined, { fsync: true });
    try {
      const pg = await PostgresStore.open(await server.createDatabase(), { questionLogDays: 30 });
      costs.push(summary('postgres', await timeAnswers(pg, count).finally(() => pg.close())));
    } finally {
      await server.stop();
    }
    return { costs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The `store` section: the cost of the PostgreSQL store against SQLite per answer, medians and their ratio. */
export const storeSection: Section = {
  name: 'store',
  description: 'store writes per answer (answer, question log, vote): SQLite against PostgreSQL on this machine',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const count = ctx.options.quick ? 300 : 2000;
    ctx.log(`store: ${count} answers on each store`);
    const { costs, skipped } = await measureStores(count, ctx.log);
    const [sqlite, pg] = costs;
    const ratio = pg && sqlite ? Math.round((pg.medianMs / sqlite.medianMs) * 100) / 100 : null;
    return {
      tables: [
        {
          title: 'Store: writes per answer (answer + question log + vote), one after another (ms)',
          columns: ['store', 'answers', 'median ms', 'p95 ms', '× SQLite (median)'],
          rows: costs.map((c) => [c.store, c.answers, c.medianMs, c.p95Ms, c === pg ? ratio : 1]),
        },
      ],
      data: { costs, postgresOverSqlite: ratio, skipped: skipped ?? null },
      notes: [
        ...(skipped ? [skipped] : []),
        'PostgreSQL runs on this machine (loopback TCP, fsync on); over a network each of the three writes adds a round trip.',
      ],
    };
  },
};
