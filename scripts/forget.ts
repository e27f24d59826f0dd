import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEngineConfig, resolvePath } from '../src/config.js';
import { MemberHasher, SALT_FILE } from '../src/bot/stores/member-hash.js';
import { DATABASE_FILE, openShared } from '../src/bot/stores/open-store.js';
import { SqliteStore } from '../src/bot/stores/sqlite/sqlite-store.js';
import type { ForgetCounts, Store } from '../src/bot/stores/store.js';
import { createLogger } from '../src/logger.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const USAGE = `Usage: npm run forget -- <discord user id>

Deletes everything the bot keeps about one member: their logged questions, their votes, and the
answers they were given. The member is found by the salted hash of the id, as the bot stores it.
With DATABASE_URL set, in the shared PostgreSQL store: on every shard and machine at once.
Safe to run while the bot is running.

Options:
  -h, --help   show this help`;

/** `npm run forget -- <user id>`: deletes one member's questions, votes and answers. Returns the counts, or undefined when nothing ran. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<ForgetCounts | undefined> {
  const parsed = parseCommandLine(argv, { usage: USAGE, options: {}, positionals: true });
  if (!parsed) return undefined;
  const { positionals } = parsed;
  const userId = positionals[0]?.trim() ?? '';
  if (positionals.length !== 1 || !/^\d{17,20}$/.test(userId)) {
    process.stderr.write(`forget needs exactly one Discord user id (17–20 digits).\n\n${USAGE}\n`);
    process.exitCode = 2;
    return undefined;
  }
  const config = loadEngineConfig();
  const logger = createLogger({ level: 'warn' });
  const options = { questionLogDays: config.QUESTION_LOG_DAYS, logger };
  let store: Store;
  let members: MemberHasher | undefined;
  if (config.DATABASE_URL) {
    // The shared store keeps its member salt in the database: the same hash on every machine.
    ({ store, members } = await openShared(config.DATABASE_URL, options));
  } else {
    const dataDir = resolvePath(config, config.DATA_DIR);
    const file = path.join(dataDir, DATABASE_FILE);
    members = await MemberHasher.read(path.join(dataDir, SALT_FILE));
    if (!members || !existsSync(file)) {
      process.stdout.write(`Nothing is stored in ${config.DATA_DIR}: no member salt or no database yet.\n`);
      return { questions: 0, votes: 0, answers: 0 };
    }
    store = SqliteStore.open(file, options);
  }
  try {
    const counts = await store.forget(members.of(userId));
    process.stdout.write(
      `Forgot member ${userId}: ${counts.questions} questions, ${counts.votes} votes, ${counts.answers} answers deleted.\n`,
    );
    return counts;
  } finally {
    await store.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
