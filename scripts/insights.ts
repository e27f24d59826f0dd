import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadCorpus } from '../src/articles/corpus.js';
import { reportCsv } from '../src/bot/insights/csv.js';
import { DEFAULT_INSIGHTS_DAYS, loadReport } from '../src/bot/insights/load-report.js';
import type { InsightsReport } from '../src/bot/insights/report.js';
import { DATABASE_FILE, openShared } from '../src/bot/stores/open-store.js';
import { migrate } from '../src/bot/stores/sqlite/migrations.js';
import { SqliteStore } from '../src/bot/stores/sqlite/sqlite-store.js';
import type { Store } from '../src/bot/stores/store.js';
import { loadEngineConfig, resolvePath } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { insightsTables } from './lib/insights-table.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: npm run insights [-- --days N --format table|csv|json]

The /insights report in the terminal: top unanswered questions (variants grouped), names asked
about that no article mentions, answers voted 👎, and articles never cited, from DATA_DIR/casefile.db,
or from PostgreSQL when DATABASE_URL is set (every shard's questions).
Safe to run while the bot is running.

Options:
  --days N         look back N days (1–3650; default ${DEFAULT_INSIGHTS_DAYS})
  --format F       table, csv or json (default: table on a terminal, json otherwise)
  -h, --help       show this help`;

/** `npm run insights`: the insights report as tables for a person, or CSV / JSON for a program. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<InsightsReport | undefined> {
  const parsed = parseCommandLine(argv, { usage: USAGE, options: { days: { type: 'string' }, format: { type: 'string' } } });
  if (!parsed) return undefined;
  const { values } = parsed;
  const days = values.days === undefined ? DEFAULT_INSIGHTS_DAYS : Number(values.days);
  const format = (values.format ?? (process.stdout.isTTY ? 'table' : 'json')) as Format;
  if (!Number.isInteger(days) || days < 1 || days > 3650 || !FORMATS.includes(format)) {
    process.stderr.write(`--days takes a whole number from 1 to 3650 and --format one of ${FORMATS.join(', ')}.\n\n${USAGE}\n`);
    process.exitCode = 2;
    return undefined;
  }
  const config = loadEngineConfig();
  const file = path.join(resolvePath(config, config.DATA_DIR), DATABASE_FILE);
  const options = { questionLogDays: config.QUESTION_LOG_DAYS, logger: createLogger({ level: 'error' }) };
  // Reporting must not create a database (nor a salt) where the bot never ran: an empty one in memory stands in.
  const store: Store = config.DATABASE_URL
    ? (await openShared(config.DATABASE_URL, options)).store
    : existsSync(file)
      ? SqliteStore.open(file, options)
      : new SqliteStore(withSchema(new Database(':memory:')), { questionLogDays: config.QUESTION_LOG_DAYS });
  try {
    const { articles } = await loadCorpus(resolvePath(config, config.ARTICLES_DIR));
    const report = await loadReport(store.questions, articles, days);
    const text =
      format === 'table' ? insightsTables(report) : format === 'csv' ? reportCsv(report) : JSON.stringify(report, null, 2) + '\n';
    process.stdout.write(text);
    return report;
  } finally {
    await store.close();
  }
}

function withSchema(db: Database.Database): Database.Database {
  migrate(db);
  return db;
}

if (isMain(import.meta.url)) runMain(main);
