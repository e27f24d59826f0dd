import type { AnalysedQuery } from '../query/query.js';
import { answerTypeStrength, hasAnswerType } from '../query/question-type.js';
import type { PassageHit } from '../retrieval/retriever.js';
import { SentenceIndex } from './sentence-index.js';
import { corpusWeight, coverage, termPlans, type Coverage } from './coverage.js';
import { highlights } from './highlights.js';
import { mentionedIn } from '../query/spelling.js';
import type { Citation, Passage } from '../types.js';

export interface ComposeInput {
  query: AnalysedQuery;
  hits: readonly PassageHit[];
  passages: readonly Passage[];
  sentences: SentenceIndex;
  meta: (articleId: string) => { title: string; outlet?: string; url?: string };
  /** Similarity at which a passage counts as relevant without shared words (calibrated models only). */
  minSimilarity?: number;
  /** Hybrid mode: cosine similarity of sentence i (SentenceIndex numbering) to the question. */
  sentenceSimilarity?: (sentenceIndex: number) => number;
}

export interface Composed {
  answered: boolean;
  citations: Citation[];
  /** When not answered because the question names something no article mentions: that name. */
  unmentioned?: string;
}

/** Share of the question's term weight (idf) a quote must cover for the question to count as answered. */
export const MIN_COVERAGE = 0.4;
/** A lower share suffices when the quote matches at least two of the question's topic words. */
const SECONDARY_COVERAGE = 0.3;
const MAX_CITATIONS = 5;
/** A further quote must score this share of the best one: below it, it is filler, not an answer. (0.6 gained nothing on dev and lost typos on test.) */
const MIN_RELATIVE_SCORE = 0.5;
const PASSAGES_CONSIDERED = 8;
const SENTENCE_HITS_CONSIDERED = 15;
const PASSAGE_WEIGHT = 0.25;
/** Bonus for holding the kind of answer asked for (a date for "when"). Ranks; never decides coverage. */
const ANSWER_TYPE_BONUS = 0.15;
/** Weight of a sentence's similarity to the question (hybrid mode). Ranks; never decides coverage. */
const SENTENCE_SIMILARITY_WEIGHT = 0.3;

interface Candidate {
  sentence: number;
  coverage: Coverage;
  score: number;
  passage: number;
}

/**
 * A name in the question that no article uses, in any spelling the query knows or a near one
 * ("Microsoft", "Germany"): the articles say nothing about it, so words around it would only match the topic.
 */
function unmentionedName(query: AnalysedQuery, index: SentenceIndex): string | undefined {
  // A name of several words stands or falls with its last, the head in English: "President Biden"
  // is not mentioned by "President", "Mujahedin-e-Khalq" is by "Khalq".
  const heads = new Map(query.names.map((n) => [n.text, n.term]));
  return [...heads].find(([, head]) => !mentionedIn(index.bm25, head, query.alternatives))?.[0];
}

/** Whether a sentence covers enough of a question with `topicTerms` terms that aren't everyday words. */
function covers(c: Coverage, topicTerms: number): boolean {
  // A question about two things ("the president of the United States") is not answered by a
  // sentence about one of them, however rare that one is.
  if (topicTerms === 2 && c.missing > 0) return false;
  return c.firmShare >= MIN_COVERAGE || (c.firmShare >= SECONDARY_COVERAGE && c.strongMatches >= 2);
}

/**
 * Picks the sentences that answer the question, verbatim, and numbers them. A statement that
 * several articles carry is quoted once, citing the others in `also`. When no sentence covers
 * enough of the question, nothing is quoted: an unrelated quote is worse than no answer.
 */
export function composeAnswer(input: ComposeInput): Composed {
  const { query, hits, passages, sentences } = input;
  const unmentioned = unmentionedName(query, sentences);
  if (unmentioned) return { answered: false, citations: [], unmentioned };
  const best = hits[0]?.score ?? 0;
  const passageStrength = new Map<number, number>();
  for (const hit of hits.slice(0, PASSAGES_CONSIDERED)) passageStrength.set(hit.doc, best > 0 ? hit.score / best : 0);

  const pool = new Set<number>();
  for (const doc of passageStrength.keys()) for (const s of sentences.ofPassage(doc)) pool.add(s);
  for (const hit of sentences.bm25.search(query.expanded, SENTENCE_HITS_CONSIDERED)) pool.add(hit.doc);

  // With a model, sentence similarity bridges the question's words to the quote's; WordNet's looser
  // relations (keyword mode's bridge) would only add noise to it.
  const looseRanks = !input.sentenceSimilarity;
  const meaning = (s: number) => SENTENCE_SIMILARITY_WEIGHT * Math.max(0, Math.min(1, input.sentenceSimilarity?.(s) ?? 0));
  const plans = termPlans(query, (term) => corpusWeight(query, sentences, term));
  const candidates: Candidate[] = [...pool].map((s) => {
    const entry = sentences.sentences[s]!;
    const passage = entry.passages.reduce((a, b) => ((passageStrength.get(b) ?? 0) > (passageStrength.get(a) ?? 0) ? b : a));
    const cov = coverage(plans, sentences, s, looseRanks);
    const shortPenalty = entry.terms.length < 4 ? 0.7 : 1;
    const typeBonus = ANSWER_TYPE_BONUS * answerTypeStrength(entry.text, query.answerType, query.counted);
    return {
      sentence: s,
      coverage: cov,
      passage,
      score: (cov.share + PASSAGE_WEIGHT * (passageStrength.get(passage) ?? 0) + typeBonus + meaning(s)) * shortPenalty,
    };
  });
  candidates.sort((a, b) => b.score - a.score || a.sentence - b.sentence);

  const top = candidates[0];
  const bestSimilarity = Math.max(0, ...hits.map((h) => h.similarity ?? 0));
  const semantic = input.minSimilarity !== undefined && bestSimilarity >= input.minSimilarity;
  const topicTerms = query.terms.filter((t) => !query.weak.has(t)).length;
  if (!top || (!candidates.some((c) => covers(c.coverage, topicTerms)) && !semantic)) return { answered: false, citations: [] };

  // A "when" / "how long" / "how many" question whose best quote holds a date, duration or number
  // is answered by such quotes only: the same words without one are context, not an answer.
  const typed =
    (query.answerType === 'time' || query.answerType === 'quantity' || query.answerType === 'duration') &&
    hasAnswerType(sentences.sentences[top.sentence]!.text, query.answerType, query.counted);
  const chosen: Array<Candidate & { also: Set<string> }> = [];
  for (const c of candidates) {
    if (chosen.length >= MAX_CITATIONS) break;
    if (chosen.length > 0 && (c.score < MIN_RELATIVE_SCORE * top.score || (c.coverage.share < 0.25 && !semantic))) continue;
    if (chosen.length > 0 && typed && !hasAnswerType(sentences.sentences[c.sentence]!.text, query.answerType, query.counted)) continue;
    const entry = sentences.sentences[c.sentence]!;
    const twin = chosen.find((k) => sentences.sameStatementAt(k.sentence, c.sentence));
    if (twin) {
      if (entry.articleId !== sentences.sentences[twin.sentence]!.articleId) twin.also.add(entry.articleId);
      continue;
    }
    // Another speaker's statement in nearly the same words would only repeat the quote above it.
    if (chosen.some((k) => SentenceIndex.sayMuchTheSame(sentences.sentences[k.sentence]!, entry))) continue;
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
      highlights: highlights(entry.text, query),
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
