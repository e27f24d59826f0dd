import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { CURATED_QUESTIONS_FILE } from '../../articles/corpus.js';
import { entryInside } from '../../articles/inside-folder.js';
import type { Logger } from '../../logger.js';
import { Limits } from '../views/limits.js';

/** Bytes of `questions.txt` read at most: a few dozen questions fit many times over. */
export const MAX_CURATED_BYTES = 16 * 1024;
/** Questions kept at most; Discord shows 25 at a time, the rest are there to match what is typed. */
export const MAX_CURATED_QUESTIONS = 100;

/**
 * The questions of a `questions.txt`, as autocomplete may offer them. The file is edited by hand
 * and may come from anywhere, so it is untrusted: lines are trimmed and their whitespace folded,
 * blank lines, `#` comments, lines with control characters and lines longer than a choice's value
 * (100 characters: Discord refuses longer, and a cut question is another question) are dropped,
 * repeats are dropped, and at most {@link MAX_CURATED_QUESTIONS} are kept.
 */
export function parseCuratedQuestions(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\s\u200B\uFEFF]+/gu, ' ').trim();
    if (!line || line.startsWith('#') || line.length > Limits.choiceValue || /[\p{Cc}\p{Cs}]/u.test(line)) continue;
    const key = line.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
    if (out.length === MAX_CURATED_QUESTIONS) break;
  }
  return out;
}

/**
 * The curated questions of an articles folder, read again when the file changes (so maintainers
 * can edit it while the bot runs, as they do articles). A missing file is an empty list; a file
 * that cannot be read is logged and also empty. A symlink that leaves the folder is not followed.
 */
export class CuratedQuestions {
  private seen: { stamp: string; questions: string[] } = { stamp: '', questions: [] };

  constructor(
    private readonly articlesDir: string,
    private readonly logger: Logger,
  ) {}

  /** The current list; never rejects. */
  async current(): Promise<string[]> {
    try {
      const entry = await entryInside(this.articlesDir, CURATED_QUESTIONS_FILE);
      if (!entry.ok) return this.remember('none', []);
      const info = await stat(entry.path);
      const stamp = `${info.mtimeMs}:${info.size}:${info.ino}`;
      if (stamp === this.seen.stamp) return this.seen.questions;
      return this.remember(stamp, parseCuratedQuestions(await readHead(entry.path, MAX_CURATED_BYTES)));
    } catch (error) {
      this.logger.warn('autocomplete: could not read the curated questions', {
        file: path.join(this.articlesDir, CURATED_QUESTIONS_FILE),
        error,
      });
      return this.remember('error', []);
    }
  }

  private remember(stamp: string, questions: string[]): string[] {
    this.seen = { stamp, questions };
    return questions;
  }
}

/** The first `max` bytes of a file as UTF-8, without the line the limit cut through. */
async function readHead(file: string, max: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(max);
    const { bytesRead } = await handle.read(buffer, 0, max, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    // A file cut at the limit ends mid-line: that last line is not a whole question.
    return bytesRead === max ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text;
  } finally {
    await handle.close();
  }
}
