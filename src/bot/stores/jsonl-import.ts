import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../../logger.js';
import type { MemberHasher } from './member-hash.js';
import type { SqliteStore } from './sqlite/sqlite-store.js';

/** The `meta` key that marks the import done, so it runs once per database. */
export const IMPORT_KEY = 'jsonl-import';

export interface ImportCounts {
  answers: number;
  votes: number;
  /** Lines that did not parse or lacked a field (a torn last line after a crash, say). */
  skipped: number;
}

/**
 * Moves the JSON-lines files of earlier versions (`answers.jsonl`, `feedback.jsonl` in DATA_DIR)
 * into the database once, hashing the user ids on the way in. The files are read as streams, so
 * their size does not matter, and left in place: the log says they may be deleted. Returns
 * undefined when the import had already run or there was nothing to import.
 */
export async function importJsonl(
  store: SqliteStore,
  dataDir: string,
  members: MemberHasher,
  logger: Logger,
): Promise<ImportCounts | undefined> {
  if (store.meta(IMPORT_KEY) !== undefined) return undefined;
  const files = { answers: path.join(dataDir, 'answers.jsonl'), feedback: path.join(dataDir, 'feedback.jsonl') };
  const counts: ImportCounts = { answers: 0, votes: 0, skipped: 0 };
  const found = { answers: await exists(files.answers), feedback: await exists(files.feedback) };
  const answer = store.db.prepare(
    'INSERT OR REPLACE INTO answers (id, created_at, member, question, mode, citations) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const vote = store.db.prepare(
    'INSERT OR IGNORE INTO votes (answer_id, member, vote, at, guild_id, question, mode, citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // One transaction: a crash mid-import leaves no half import behind, and the next start tries again.
  store.db.exec('BEGIN IMMEDIATE');
  try {
    if (found.answers)
      for await (const r of lines(files.answers, counts)) {
        if (typeof r.id !== 'string' || typeof r.question !== 'string' || typeof r.createdAt !== 'number' || !Array.isArray(r.citations))
          counts.skipped++;
        else
          counts.answers += answer.run(
            r.id,
            r.createdAt,
            members.of(String(r.userId ?? '')),
            r.question,
            String(r.mode ?? 'keyword'),
            JSON.stringify(r.citations),
          ).changes;
      }
    if (found.feedback)
      for await (const r of lines(files.feedback, counts)) {
        const at = typeof r.at === 'string' ? Date.parse(r.at) : NaN;
        if (typeof r.answerId !== 'string' || typeof r.userId !== 'string' || (r.vote !== 'up' && r.vote !== 'down') || Number.isNaN(at))
          counts.skipped++;
        else {
          const guild = typeof r.guildId === 'string' ? r.guildId : null;
          const citations = JSON.stringify(Array.isArray(r.citations) ? r.citations : []);
          counts.votes += vote.run(
            r.answerId,
            members.of(r.userId),
            r.vote,
            at,
            guild,
            String(r.question ?? ''),
            String(r.mode ?? ''),
            citations,
          ).changes;
        }
      }
    store.setMeta(IMPORT_KEY, JSON.stringify({ at: new Date().toISOString(), ...counts }));
    store.db.exec('COMMIT');
  } catch (error) {
    store.db.exec('ROLLBACK');
    throw error;
  }
  if (!found.answers && !found.feedback) return undefined;
  logger.info('store: imported the JSON-lines files into the database; they are no longer read and may be deleted', {
    files: Object.entries(found)
      .filter(([, f]) => f)
      .map(([k]) => files[k as keyof typeof files]),
    ...counts,
  });
  return counts;
}

async function* lines(file: string, counts: ImportCounts): AsyncGenerator<Record<string, unknown>> {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object') yield value as Record<string, unknown>;
      else counts.skipped++;
    } catch {
      counts.skipped++;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
