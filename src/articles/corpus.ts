import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { headlineText, titleFromLead } from './article-title.js';
import { analyzeText } from './cleaning.js';
import { parseFrontMatter } from './front-matter.js';
import { entryInside } from './inside-folder.js';
import type { Article, SkippedArticle } from '../types.js';
import { CorpusError } from '../errors.js';

/**
 * The articles folder. Every `.txt` or `.md` file in it (dotfiles and `questions.txt` excepted, no
 * subfolders) is one article, read as UTF-8; other files are ignored, so the folder holds no README. A file may start
 * with YAML front matter — `---`, then `title:`, `outlet:`, `date:`, `url:`, `author:` lines,
 * then `---` — and front matter always wins over what is read from the text. Without it the title
 * is the article's headline line, or else a title derived from the lead sentence (marked with
 * `titleSource: 'lead'` and a trailing "…"); outlet, date, url and author are set only when the
 * text states them (a byline, a wire dateline such as "ANKARA (AA) -", a date or source line).
 * Files that cannot be used are skipped with a reason and the rest still load; so are symlinks that
 * leave the folder (never followed, so nothing outside the folder is ever quoted).
 */

/** Default size cap of one article file. */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

/** File name endings read as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;

/**
 * The curated questions `/ask` suggests before members have asked enough (one per line). It lives
 * in the articles folder, where maintainers already work, but it is not an article.
 */
export const CURATED_QUESTIONS_FILE = 'questions.txt';

/** Whether a file of the articles folder is read as an article: `.txt`/`.md`, no dotfile, not the curated questions. */
export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return !name.startsWith('.') && lower !== CURATED_QUESTIONS_FILE && ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

// Re-exported while branches that import it from here move to src/errors.ts.
export { CorpusError } from '../errors.js';

/** Where an article's title came from; `lead` means derived from the first sentence, not a headline. */
export type TitleSource = 'front-matter' | 'headline' | 'lead';

/** An article as loaded: the shared shape plus where its title came from. */
export interface LoadedArticle extends Article {
  titleSource: TitleSource;
}

export interface CorpusOptions {
  /** Files larger than this many bytes are skipped (default 1 MiB). */
  maxBytes?: number;
}

export interface Corpus {
  articles: LoadedArticle[];
  skipped: SkippedArticle[];
}

/** Loads every article in `dir`, sorted by file name; unusable files are listed in `skipped`. */
export async function loadCorpus(dir: string, options: CorpusOptions = {}): Promise<Corpus> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new RangeError(`maxBytes must be a positive number, got ${maxBytes}`);
  const articles: LoadedArticle[] = [];
  const skipped: SkippedArticle[] = [];
  const byId = new Map<string, string>();
  for (const file of await articleFiles(dir)) {
    const entry = await entryInside(dir, file);
    if (!entry.ok) {
      if (!('ignore' in entry)) skipped.push({ file, reason: entry.reason });
      continue;
    }
    const { path: full, size } = entry;
    if (size > maxBytes) {
      skipped.push({ file, reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(size)})` });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(full);
    } catch (error) {
      skipped.push({ file, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const parsed = parseArticle(file, bytes);
    if ('reason' in parsed) {
      skipped.push(parsed);
      continue;
    }
    const clash = byId.get(parsed.id);
    if (clash) {
      skipped.push({ file, reason: `same id "${parsed.id}" as ${clash}` });
      continue;
    }
    byId.set(parsed.id, file);
    articles.push(parsed);
  }
  return { articles, skipped };
}

async function articleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CorpusError(`Articles folder not found: ${dir}`, { path: dir });
    if (code === 'ENOTDIR') throw new CorpusError(`Articles path is not a folder: ${dir}`, { path: dir });
    throw new CorpusError(`Cannot read articles folder ${dir} (${code ?? String(error)})`, { path: dir });
  }
  return names.filter(isArticleFile).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Turns one file's bytes into an article, or says why it cannot be one. */
export function parseArticle(file: string, bytes: Uint8Array): LoadedArticle | SkippedArticle {
  const skip = (reason: string): SkippedArticle => ({ file, reason });
  if (bytes.length === 0) return skip('empty file');
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip('not valid UTF-8');
  }
  if (source.includes('\u0000')) return skip('binary file (contains NUL bytes)');
  if (source.trim() === '') return skip('empty file (only whitespace)');

  const front = parseFrontMatter(source);
  if (!front.ok) return skip(front.reason);
  const text = front.body;
  if (text.trim() === '') return skip('no article text after the front matter');

  const cleaned = analyzeText(text, front.fields.title ? { knownTitle: front.fields.title } : {});
  if (cleaned.blocks.length === 0) return skip('no body text left after removing boilerplate');
  const lead = cleaned.blocks[0]!;
  const headline = cleaned.headline && headlineText(text.slice(cleaned.headline.start, cleaned.headline.end));
  const derived = front.fields.title || headline ? undefined : titleFromLead(text, lead);
  const title = front.fields.title ?? headline ?? derived;
  if (!title) return skip('no usable title (no headline, and the lead has no sentence to derive one from)');
  const titleSource: TitleSource = front.fields.title ? 'front-matter' : headline ? 'headline' : 'lead';

  const outlet = front.fields.outlet ?? cleaned.dateline?.outlet;
  const date = front.fields.date ?? cleaned.date;
  const url = front.fields.url ?? cleaned.url;
  const author = front.fields.author ?? cleaned.author;
  return {
    id: file.replace(/\.[^.]+$/, ''),
    file,
    title,
    titleSource,
    ...(outlet ? { outlet } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(author ? { author } : {}),
    text,
    blocks: cleaned.blocks,
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** "2.3 MiB", "512 KiB", "300 bytes". */
export function formatBytes(n: number): string {
  const one = (x: number): string => String(Math.round(x * 10) / 10);
  if (n >= 1024 * 1024) return `${one(n / (1024 * 1024))} MiB`;
  if (n >= 1024) return `${one(n / 1024)} KiB`;
  return `${n} bytes`;
}
