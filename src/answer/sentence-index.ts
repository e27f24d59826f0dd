import { Bm25Index } from '../index/bm25.js';
import { terms } from '../text/terms.js';
import type { Passage } from '../types.js';

/** One distinct sentence of the corpus: overlapping passages share sentences, stored once. */
export interface SentenceEntry {
  articleId: string;
  start: number;
  end: number;
  text: string;
  terms: string[];
  /** Distinct terms, for statement matching. */
  termSet: ReadonlySet<string>;
  /** Indexes of the passages that contain it. */
  passages: number[];
}

/** Minimum distinct terms for a sentence to count as a statement worth matching across articles. */
const MIN_STATEMENT_TERMS = 4;
/** Share of the shorter sentence's word pairs the other must hold to be the same statement. */
const MIN_SHINGLE_CONTAINMENT = 0.6;

const shingleCache = new WeakMap<SentenceEntry, ReadonlySet<string>>();

/**
 * Pairs of consecutive terms (stemmed, stopwords left out so "has ordered" and "ordered", "a" and
 * "the" compare equal), computed once per sentence.
 */
function shinglesOf(sentence: SentenceEntry): ReadonlySet<string> {
  let shingles = shingleCache.get(sentence);
  if (!shingles) {
    const t = sentence.terms;
    shingles = new Set(t.slice(1).map((term, i) => `${t[i]} ${term}`));
    shingleCache.set(sentence, shingles);
  }
  return shingles;
}

/**
 * Every sentence of the corpus with a BM25 index over them. Quotes are chosen at this
 * granularity, and it finds the other articles that carry the same statement (wire copy).
 */
export class SentenceIndex {
  readonly sentences: SentenceEntry[] = [];
  readonly bm25: Bm25Index;
  private readonly byKey = new Map<string, number>();
  private readonly byPassage: number[][] = [];
  /** Sentence indexes in article order, to find neighbours. */
  private readonly order = new Map<number, { prev?: number; next?: number }>();

  constructor(passages: readonly Passage[], textOf: (articleId: string) => string) {
    passages.forEach((passage, p) => {
      const text = textOf(passage.articleId);
      this.byPassage[p] = [];
      for (const span of passage.sentences) {
        const key = `${passage.articleId}:${span.start}`;
        const known = this.byKey.get(key);
        if (known !== undefined) {
          this.sentences[known]!.passages.push(p);
          this.byPassage[p]!.push(known);
          continue;
        }
        this.byPassage[p]!.push(this.sentences.length);
        const sentence = text.slice(span.start, span.end);
        const t = terms(sentence);
        this.byKey.set(key, this.sentences.length);
        this.sentences.push({ articleId: passage.articleId, ...span, text: sentence, terms: t, termSet: new Set(t), passages: [p] });
      }
    });
    this.bm25 = new Bm25Index(this.sentences.map((s) => s.terms));
    const sorted = this.sentences
      .map((_, i) => i)
      .sort((a, b) => {
        const x = this.sentences[a]!;
        const y = this.sentences[b]!;
        return x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : x.start - y.start;
      });
    sorted.forEach((i, k) => {
      const prev = sorted[k - 1];
      const next = sorted[k + 1];
      const same = (j: number | undefined) => j !== undefined && this.sentences[j]!.articleId === this.sentences[i]!.articleId;
      this.order.set(i, { ...(same(prev) ? { prev } : {}), ...(same(next) ? { next } : {}) });
    });
  }

  /** Sentences of passage `p`, in order. */
  ofPassage(p: number): readonly number[] {
    return this.byPassage[p] ?? [];
  }

  /** The sentences just before and after sentence `i` in its article. */
  neighbours(i: number): number[] {
    const { prev, next } = this.order.get(i) ?? {};
    return [prev, next].filter((n): n is number => n !== undefined);
  }

  /** {@link sameStatement} by sentence index. */
  sameStatementAt(i: number, j: number): boolean {
    return SentenceIndex.sameStatement(this.sentences[i]!, this.sentences[j]!);
  }

  /**
   * Whether two sentences state the same thing: their wording nearly matches. Most pairs of
   * consecutive terms of the shorter one (after folding case, tense and plurals) appear in the longer, so wire
   * copy with a word changed or a clause added counts, while two sentences that merely share
   * vocabulary ("The US strongly condemned the cyberattack" and "We strongly condemn the malicious
   * cyber attack against Albania's critical infrastructure") are two statements, by two speakers.
   */
  static sameStatement(a: SentenceEntry, b: SentenceEntry): boolean {
    if (a.termSet.size < MIN_STATEMENT_TERMS || b.termSet.size < MIN_STATEMENT_TERMS) return false;
    const [x, y] = [shinglesOf(a), shinglesOf(b)];
    const [shorter, longer] = x.size <= y.size ? [x, y] : [y, x];
    let shared = 0;
    for (const s of shorter) if (longer.has(s)) shared++;
    return shared / shorter.size >= MIN_SHINGLE_CONTAINMENT;
  }

  /**
   * Whether two sentences share most of their vocabulary (the shorter's terms mostly in the longer):
   * a second quote like that adds little to a reply, even when it is another speaker's statement.
   */
  static sayMuchTheSame(a: SentenceEntry, b: SentenceEntry): boolean {
    if (a.termSet.size < MIN_STATEMENT_TERMS || b.termSet.size < MIN_STATEMENT_TERMS) return false;
    let shared = 0;
    for (const t of a.termSet) if (b.termSet.has(t)) shared++;
    const containment = shared / Math.min(a.termSet.size, b.termSet.size);
    const jaccard = shared / (a.termSet.size + b.termSet.size - shared);
    return containment >= 0.6 && jaccard >= 0.3;
  }

  /** Ids of other articles that carry the statement of sentence `i`. */
  alsoReportedBy(i: number): string[] {
    // A sentence's twins never change while the index is open, and the same quotes are cited again
    // and again: found once (a search over every sentence), then remembered (one entry per sentence at most).
    let found = this.twins.get(i);
    if (!found) {
      found = this.findAlsoReportedBy(i);
      this.twins.set(i, found);
    }
    return [...found];
  }

  private readonly twins = new Map<number, readonly string[]>();

  private findAlsoReportedBy(i: number): string[] {
    const sentence = this.sentences[i]!;
    const candidates = this.bm25.search(
      [...sentence.termSet].map((term) => ({ term, weight: 1 })),
      50,
    );
    const ids = new Set<string>();
    for (const { doc } of candidates) {
      const other = this.sentences[doc]!;
      if (other.articleId !== sentence.articleId && SentenceIndex.sameStatement(sentence, other)) ids.add(other.articleId);
    }
    return [...ids].sort();
  }
}
