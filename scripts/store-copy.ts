import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadEngineConfig, resolvePath } from '../src/config.js';
import { copyToPostgres, sourceCounts, type CopyCounts } from '../src/bot/stores/copy-to-postgres.js';
import { MemberHasher, SALT_FILE } from '../src/bot/stores/member-hash.js';
import { DATABASE_FILE } from '../src/bot/stores/open-store.js';
import { openPool, redactUrl } from '../src/bot/stores/postgres/database.js';
import { SCHEMA_VERSION } from '../src/bot/stores/sqlite/migrations.js';
import { StoreCopyError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { parseCommandLine } from './lib/cli.js';
import { progressBar } from './lib/progress.js';
import { isMain, runMain } from './lib/run-main.js';

const USAGE = `Usage: npm run store:copy -- [--from FILE] [--to URL]

Copies what a bot kept in its SQLite file (answers behind buttons, follow-up conversations, votes,
the question log, hidden suggestions) and its member salt into an empty PostgreSQL database, for
moving one bot to DATABASE_URL (several shards or machines). Stop the bot first; start it with
DATABASE_URL afterwards. The SQLite file is only read. One transaction: on any error nothing is
copied. A database a bot already wrote to is refused.

Options:
  --from FILE   the SQLite file (default: DATA_DIR/${DATABASE_FILE}); its member salt is read
                from the same folder
  --to URL      the PostgreSQL database (default: DATABASE_URL)
  -h, --help    show this help`;

/** `npm run store:copy`: moves the SQLite store into PostgreSQL. Returns the rows copied, or undefined when nothing ran. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<CopyCounts | undefined> {
  const parsed = parseCommandLine(argv, { usage: USAGE, options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!parsed) return undefined;
  const config = loadEngineConfig();
  const from = path.resolve(parsed.values.from ?? path.join(resolvePath(config, config.DATA_DIR), DATABASE_FILE));
  const to = parsed.values.to ?? config.DATABASE_URL;
  if (!to) throw new StoreCopyError('no PostgreSQL database to copy into: set DATABASE_URL in .env, or pass --to');
  if (!existsSync(from)) throw new StoreCopyError(`no SQLite store at ${from}: pass --from, or set DATA_DIR`);
  const members = await readMembers(path.join(path.dirname(from), SALT_FILE));

  const source = new Database(from, { readonly: true, fileMustExist: true });
  const pool = await openPool(to, createLogger({ level: 'warn' }));
  try {
    assertCurrentSchema(source, from);
    const totals = sourceCounts(source);
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    const bar = progressBar('Copying', 'rows');
    const done: Partial<CopyCounts> = {};
    const counts = await copyToPostgres(source, pool, members, (table, copied) => {
      done[table] = copied;
      bar.update(
        Object.values(done).reduce((a, b) => a + b, 0),
        total,
      );
    });
    bar.stop();
    process.stdout.write(
      `Copied into ${redactUrl(to)}: ${counts.answers} answers, ${counts.conversations} conversations, ${counts.votes} votes, ` +
        `${counts.questions} logged questions, ${counts.hidden} hidden suggestions, and the member salt.\n` +
        `Start the bot with DATABASE_URL set; ${from} is unchanged and may be kept as a backup.\n`,
    );
    return counts;
  } finally {
    source.close();
    await pool.end();
  }
}

/** The SQLite bot's member hasher, from the salt file beside its database. */
async function readMembers(file: string): Promise<MemberHasher> {
  const members = await MemberHasher.read(file);
  if (!members) throw new StoreCopyError(`no member salt at ${file}: the SQLite file must be copied with the folder it lives in`);
  return members;
}

/**
 * Refuses a file whose schema is not the one this code writes: not a casefile store, or one an
 * older or newer bot wrote (the bot migrates its file when it opens it; this script only reads).
 */
function assertCurrentSchema(db: Database.Database, file: string): void {
  let version: number | null;
  try {
    version = (db.prepare('SELECT max(version) AS v FROM migrations').get() as { v: number | null }).v;
  } catch {
    throw new StoreCopyError(`${file} is not a casefile store (it has no migrations table)`);
  }
  if (version !== SCHEMA_VERSION)
    throw new StoreCopyError(
      `${file} is at schema version ${version ?? 0} and this version copies ${SCHEMA_VERSION}: start this version of the bot on it once first`,
    );
}

if (isMain(import.meta.url)) runMain(main);
