import { z } from 'zod';
import { IndexCorruptError } from '../errors.js';
import { isArticleFileName } from '../articles/inside-folder.js';
import type { Manifest } from './manifest.js';
import { MAX_SENTENCE_CHARS } from '../passages/chunking.js';
import type { Passage } from '../types.js';

/**
 * The index's corpus file (stored articles and passages), validated like the manifest: its shape by
 * schema, then every offset against the text it points into and every count against the manifest.
 * Quotes are slices of the stored text, so a passage reaching past its article, or naming an article
 * that is not there, would otherwise become a crash or a quote of nothing.
 */

const offset = z.number().int().min(0);
const span = z.object({ start: offset, end: offset });

const storedArticleSchema = z.looseObject({
  id: z.string().min(1),
  file: z.string().refine(isArticleFileName, 'must be a file name of the articles folder'),
  title: z.string(),
  hash: z.string().min(1),
  text: z.string(),
  outlet: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  author: z.string().optional(),
});

const passageSchema = z.looseObject({
  id: z.string().min(1),
  articleId: z.string().min(1),
  title: z.string(),
  start: offset,
  end: offset,
  text: z.string(),
  sentences: z.array(span).min(1),
});

export const corpusFileSchema = z.object({ articles: z.array(storedArticleSchema), passages: z.array(passageSchema) });

/** An article as stored: metadata, its original text (quotes are cut from it) and its hash. */
export type StoredArticle = z.infer<typeof storedArticleSchema>;

/** Parses and checks the corpus file against `manifest`; throws {@link IndexCorruptError} naming the first problem. */
export function parseCorpusFile(data: Buffer, manifest: Manifest): { articles: StoredArticle[]; passages: Passage[] } {
  const name = manifest.files.corpus.name;
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    throw new IndexCorruptError(`index file ${name} is not valid JSON`);
  }
  const result = corpusFileSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new IndexCorruptError(`index file ${name} is invalid (${first.path.join('.')}: ${first.message})`);
  }
  const { articles, passages } = result.data;
  const bad = (why: string) => new IndexCorruptError(`index file ${name} is inconsistent: ${why}`);
  if (passages.length !== manifest.passageCount) {
    throw new IndexCorruptError(`passage count ${passages.length} differs from the manifest's ${manifest.passageCount}`);
  }
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  if (texts.size !== articles.length) throw bad('two articles share an id');
  const listed = new Map(manifest.articles.map((a) => [a.id, a]));
  if (listed.size !== articles.length || articles.some((a) => listed.get(a.id)?.hash !== a.hash || listed.get(a.id)?.file !== a.file)) {
    throw bad('its articles differ from the manifest');
  }
  const perArticle = new Map<string, number>();
  passages.forEach((p, i) => {
    const text = texts.get(p.articleId);
    if (text === undefined) throw bad(`passage ${i} names an unknown article`);
    const spans = [p, ...p.sentences];
    if (spans.some((s) => s.start > s.end || s.end > text.length)) throw bad(`passage ${i} reaches outside its article`);
    // Quotes are sentences: a longer one than the chunker makes would be an unbounded quote.
    if (p.sentences.some((s) => s.end - s.start > MAX_SENTENCE_CHARS)) throw bad(`passage ${i} holds an overlong sentence`);
    perArticle.set(p.articleId, (perArticle.get(p.articleId) ?? 0) + 1);
  });
  if (manifest.articles.some((a) => (perArticle.get(a.id) ?? 0) !== a.passages)) throw bad('passages per article differ from the manifest');
  return { articles, passages: passages as Passage[] };
}
