import type { AnalysedQuery } from './query.js';
import { SYNONYM_WEIGHT } from './query.js';
import type { SentenceIndex } from './sentence-index.js';
import { synonymsOf } from './synonyms.js';
import type { Citation, Passage } from './types.js';

/** A retrieved passage, best first, with its vector similarity when there was a vector search. */
export interface PassageHit {
  doc: number;
  score: number;
  similarity?: number;
}

export interface ComposeInput {
  query: AnalysedQuery;
  hits: readonly PassageHit[];
  passages: readonly Passage[];
  sentences: SentenceIndex;
  meta: (articleId: string) => { title: string; outlet?: string; url?: string };
  /** Similarity at which a passage counts as relevant without shared words (calibrated models only). */
  minSimilarity?: number;
}

export interface Composed {
  answered: boolean;
  citations: Citation[];
}

/** Share of the question's term weight (idf) a quote must cover for the question to count as answered. */
export const MIN_COVERAGE = 0.4;
const MAX_CITATIONS = 5;
const PASSAGES_CONSIDERED = 8;
const SENTENCE_HITS_CONSIDERED = 15;
/** Terms found only in the neighbouring sentences count for this much (they give context, not the answer). */
const CONTEXT_WEIGHT = 0.3;
const PASSAGE_WEIGHT = 0.25;

interface Candidate {
  sentence: number;
  coverage: number;
  score: number;
  passage: number;
}

/** How much of the question (by idf weight) sentence `i` covers, with neighbours as weaker context. */
function coverage(query: AnalysedQuery, index: SentenceIndex, i: number): number {
  const own = index.sentences[i]!.termSet;
  const context = index.neighbours(i).map((n) => index.sentences[n]!.termSet);
  let total = 0;
  let covered = 0;
  for (const term of query.terms) {
    const idf = index.bm25.idf(term);
    total += idf;
    const match = (set: ReadonlySet<string>) =>
      set.has(term) ? 1 : [...synonymsOf(term)].some((s) => set.has(s)) ? SYNONYM_WEIGHT : 0;
    const best = Math.max(match(own), CONTEXT_WEIGHT * Math.max(0, ...context.map(match)));
    covered += best * idf;
  }
  return total > 0 ? covered / total : 0;
}

/**
 * Picks the sentences that answer the question, verbatim, and numbers them. A statement that
 * several articles carry is quoted once, citing the others in `also`. When no sentence covers
 * enough of the question, nothing is quoted: an unrelated quote is worse than no answer.
 */
export function composeAnswer(input: ComposeInput): Composed {
  const { query, hits, passages, sentences } = input;
  const best = hits[0]?.score ?? 0;
  const passageStrength = new Map<number, number>();
  for (const hit of hits.slice(0, PASSAGES_CONSIDERED)) passageStrength.set(hit.doc, best > 0 ? hit.score / best : 0);

  const pool = new Set<number>();
  for (const doc of passageStrength.keys()) for (const s of sentences.ofPassage(doc)) pool.add(s);
  for (const hit of sentences.bm25.search(query.expanded, SENTENCE_HITS_CONSIDERED)) pool.add(hit.doc);

  const candidates: Candidate[] = [...pool].map((s) => {
    const entry = sentences.sentences[s]!;
    const passage = entry.passages.reduce((a, b) => ((passageStrength.get(b) ?? 0) > (passageStrength.get(a) ?? 0) ? b : a));
    const cov = coverage(query, sentences, s);
    const shortPenalty = entry.terms.length < 4 ? 0.7 : 1;
    return { sentence: s, coverage: cov, passage, score: (cov + PASSAGE_WEIGHT * (passageStrength.get(passage) ?? 0)) * shortPenalty };
  });
  candidates.sort((a, b) => b.score - a.score || a.sentence - b.sentence);

  const top = candidates[0];
  const bestSimilarity = Math.max(0, ...hits.map((h) => h.similarity ?? 0));
  const semantic = input.minSimilarity !== undefined && bestSimilarity >= input.minSimilarity;
  if (!top || (top.coverage < MIN_COVERAGE && !semantic)) return { answered: false, citations: [] };

  const chosen: Array<Candidate & { also: Set<string> }> = [];
  for (const c of candidates) {
    if (chosen.length >= MAX_CITATIONS) break;
    if (chosen.length > 0 && (c.score < 0.5 * top.score || (c.coverage < 0.25 && !semantic))) continue;
    const entry = sentences.sentences[c.sentence]!;
    const twin = chosen.find((k) => sentences.sameStatementAt(k.sentence, c.sentence));
    if (twin) {
      if (entry.articleId !== sentences.sentences[twin.sentence]!.articleId) twin.also.add(entry.articleId);
      continue;
    }
    chosen.push({ ...c, also: new Set(sentences.alsoReportedBy(c.sentence)) });
  }

  const citations = chosen.map((c, i): Citation => {
    const entry = sentences.sentences[c.sentence]!;
    const meta = input.meta(entry.articleId);
    c.also.delete(entry.articleId);
    return {
      n: i + 1,
      source: entry.articleId,
      title: meta.title,
      quote: entry.text,
      score: Number(c.score.toFixed(4)),
      also: [...c.also].sort(),
      start: entry.start,
      end: entry.end,
      passageId: passages[c.passage]!.id,
      ...(meta.outlet ? { outlet: meta.outlet } : {}),
      ...(meta.url ? { url: meta.url } : {}),
    };
  });
  return { answered: true, citations };
}
