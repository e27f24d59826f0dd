import type { AnalysedQuery } from '../query/query.js';
import type { SentenceIndex } from './sentence-index.js';

/**
 * How much of a question a sentence covers: each question term weighed by its rarity, matched in
 * the sentence itself or (for less) in the sentences beside it, by the term or one of its
 * alternatives at that alternative's weight.
 */

/** Terms found only in the neighbouring sentences count for this much (they give context, not the answer). */
const CONTEXT_WEIGHT = 0.3;
/** Weight of an everyday word relative to its rarity (see WEAK_WORDS). */
const WEAK_WEIGHT = 0.35;

/** How a sentence covers the question. */
export interface Coverage {
  /** Share of the question's idf weight the sentence (and, weakly, its neighbours) covers: what ranks it. */
  share: number;
  /** The same without loosely related words: what decides whether the question is answered. */
  firmShare: number;
  /** Question terms other than everyday words that the sentence itself contains. */
  strongMatches: number;
  /** Question terms other than everyday words that neither the sentence nor its neighbours touch. */
  missing: number;
}

/**
 * A term's weight: its rarity in the corpus. A word the corpus never uses but whose synonym it does
 * ("permanently" / "irretrievably") is weighed like that synonym, not as an unknown, topic-defining word.
 */
export function corpusWeight(query: AnalysedQuery, index: SentenceIndex, term: string): number {
  const bm25 = index.bm25;
  let idf = bm25.idf(term);
  if (bm25.docFrequency(term) === 0) {
    const known = (query.alternatives.get(term) ?? []).filter((a) => !a.loose && bm25.docFrequency(a.term) > 0);
    if (known.length) idf = Math.min(...known.map((a) => bm25.idf(a.term)));
  }
  return idf * (query.weak.has(term) ? WEAK_WEIGHT : 1) * (query.weights?.get(term) ?? 1);
}

/** One question term as coverage scores it, worked out once per question rather than once per sentence. */
export interface TermPlan {
  term: string;
  weight: number;
  weak: boolean;
  /** Firm alternatives (synonym, demonym, spelling) and, separately, loose ones (WordNet relations). */
  firm: ReadonlyArray<readonly [string, number]>;
  loose: ReadonlyArray<readonly [string, number]>;
}

/**
 * Each question term with its alternatives sorted into firm and loose, weighed by `weightOf`
 * (coverage: rarity in the corpus, see {@link corpusWeight}; highlights: 1, less for everyday words).
 */
export function termPlans(query: AnalysedQuery, weightOf: (term: string) => number): TermPlan[] {
  return query.terms.map((term) => {
    const alts = query.alternatives.get(term) ?? [];
    return {
      term,
      weight: weightOf(term),
      weak: query.weak.has(term),
      firm: alts.filter((a) => !a.loose).map((a) => [a.term, a.weight] as const),
      loose: alts.filter((a) => a.loose).map((a) => [a.term, a.weight] as const),
    };
  });
}

/** How well a set of terms matches one question term: 1 for the term itself, else its best alternative's weight. */
export function matchIn(set: ReadonlySet<string>, plan: TermPlan, loose: boolean): number {
  if (set.has(plan.term)) return 1;
  let best = 0;
  for (const [t, w] of plan.firm) if (w > best && set.has(t)) best = w;
  if (loose) for (const [t, w] of plan.loose) if (w > best && set.has(t)) best = w;
  return best;
}

/**
 * How sentence `i` covers the question planned in `plans`; `useLoose` lets WordNet's looser
 * relations count towards `share` (keyword mode's ranking), never towards `firmShare`.
 */
export function coverage(plans: readonly TermPlan[], index: SentenceIndex, i: number, useLoose: boolean): Coverage {
  const own = index.sentences[i]!.termSet;
  const context = index.neighbours(i).map((n) => index.sentences[n]!.termSet);
  const best = (inSentence: number, plan: TermPlan, loose: boolean) => {
    let found = inSentence;
    for (const c of context) found = Math.max(found, CONTEXT_WEIGHT * matchIn(c, plan, loose));
    return found;
  };
  let total = 0;
  let covered = 0;
  let firm = 0;
  let strongMatches = 0;
  let missing = 0;
  for (const plan of plans) {
    total += plan.weight;
    const firmInSentence = matchIn(own, plan, false);
    if (firmInSentence >= 0.9 && !plan.weak) strongMatches++;
    const firmMatch = best(firmInSentence, plan, false);
    if (firmMatch === 0 && !plan.weak) missing++;
    // Loose words are matched again only when they rank (keyword mode): otherwise the firm match is the match.
    covered += (useLoose ? best(matchIn(own, plan, true), plan, true) : firmMatch) * plan.weight;
    firm += firmMatch * plan.weight;
  }
  return { share: total > 0 ? covered / total : 0, firmShare: total > 0 ? firm / total : 0, strongMatches, missing };
}
