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
import { moderateSuggestion } from '../src/bot/autocomplete/moderation.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: npm run insights [-- --days N --format table|csv|json]
       npm run insights -- --hide "<question>" | --unhide "<question>" | --hidden

The /insights report in the terminal: top unanswered questions (variants grouped), names asked
about that no article mentions, answers voted 👎, and articles never cited, from DATA_DIR/casefile.db,
or from PostgreSQL when DATABASE_URL is set (every shard's questions).
Safe to run while the bot is running.

Options:
  --days N         look back N days (1–3650; default ${DEFAULT_INSIGHTS_DAYS})
  --format F       table, csv or json (default: table on a terminal, json otherwise)
  --hide Q         stop suggesting question Q (and its close variants) in /ask's autocomplete
  --unhide Q       suggest a hidden question again
  --hidden         list the hidden questions
  -h, --help       show this help`;

/** `npm run insights`: the insights report as tables for a person, or CSV / JSON for a program. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<InsightsReport | undefined> {
  const parsed = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      days: { type: 'string' },
      format: { type: 'string' },
      hide: { type: 'string' },
      unhide: { type: 'string' },
      hidden: { type: 'boolean' },
    },
  });
  if (!parsed) return undefined;
  const { values } = parsed;
  if (values.hide !== undefined || values.unhide !== undefined || values.hidden) {
    await moderate(values);
    return undefined;
  }
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

/** A terminal shows the question as typed, one line. */
const TERMINAL = { show: (question: string) => question.replace(/\s+/g, ' ') };

/** --hide / --unhide / --hidden: the moderators' control of /ask's suggestions, on the bot's database (PostgreSQL's when DATABASE_URL is set). */
async function moderate(values: { hide?: string; unhide?: string; hidden?: boolean }): Promise<void> {
  const config = loadEngineConfig();
  const file = path.join(resolvePath(config, config.DATA_DIR), DATABASE_FILE);
  // A hide must reach the bot's own database: never create one it would not read.
  if (!config.DATABASE_URL && !existsSync(file)) {
    process.stderr.write(`No database at ${file}: the bot has not run with this DATA_DIR, so there is nothing to hide.\n`);
    process.exitCode = 1;
    return;
  }
  const options = { questionLogDays: config.QUESTION_LOG_DAYS, logger: createLogger({ level: 'error' }) };
  const store: Store = config.DATABASE_URL ? (await openShared(config.DATABASE_URL, options)).store : SqliteStore.open(file, options);
  try {
    if (values.hide !== undefined) process.stdout.write((await moderateSuggestion(store.questions, 'hide', values.hide, TERMINAL)) + '\n');
    if (values.unhide !== undefined)
      process.stdout.write((await moderateSuggestion(store.questions, 'unhide', values.unhide, TERMINAL)) + '\n');
    if (values.hidden) {
      const hidden = await store.questions.hidden();
      if (hidden.length === 0) process.stdout.write('No question is hidden.\n');
      for (const h of hidden) process.stdout.write(`${new Date(h.at).toISOString().slice(0, 16).replace('T', ' ')}  ${h.question}\n`);
    }
  } finally {
    await store.close();
  }
}

function withSchema(db: Database.Database): Database.Database {
  migrate(db);
  return db;
}

if (isMain(import.meta.url)) runMain(main);
