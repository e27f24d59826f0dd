import { terms } from '../../text/terms.js';

/** Variants of one unanswered question, counted together. */
export interface QuestionGroup {
  /** The key terms the variants share (stemmed, as the index sees them). */
  terms: string[];
  /** The variant asked most often (the latest on a tie), to show for the group. */
  example: string;
  /** Up to five other wordings, most asked first. */
  variants: string[];
  count: number;
  /** Milliseconds since the epoch. */
  lastAsked: number;
}

/** Two questions belong together when at least this share of their key terms is common (Jaccard). */
const SIMILAR = 0.5;

interface Bucket {
  terms: string[];
  count: number;
  lastAsked: number;
  texts: Map<string, { count: number; last: number }>;
}

/**
 * Groups questions on their key terms, with the project's own text analysis (src/text/terms.ts),
 * so "When did Albania cut ties?" and "when did albania cut its ties" count as one. Identical term
 * sets are merged first (cheap, and most repeats are exact); then each set joins the largest group
 * whose terms it mostly shares, found through an index from term to groups rather than by comparing
 * every pair, which keeps 100,000 questions fast.
 */
export function groupQuestions(questions: ReadonlyArray<{ question: string; count?: number; lastAsked: number }>): QuestionGroup[] {
  const exact = new Map<string, Bucket>();
  for (const { question, count = 1, lastAsked: at } of questions) {
    const t = [...new Set(terms(question))].sort();
    const key = t.length > 0 ? t.join(' ') : `\u0000${question.trim().toLowerCase()}`;
    let bucket = exact.get(key);
    if (!bucket) exact.set(key, (bucket = { terms: t, count: 0, lastAsked: 0, texts: new Map() }));
    bucket.count += count;
    bucket.lastAsked = Math.max(bucket.lastAsked, at);
    const text = bucket.texts.get(question) ?? { count: 0, last: 0 };
    bucket.texts.set(question, { count: text.count + count, last: Math.max(text.last, at) });
  }

  const groups: Bucket[] = [];
  const byTerm = new Map<string, number[]>();
  for (const bucket of [...exact.values()].sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked)) {
    const target = bucket.terms.length > 0 ? closest(bucket.terms, groups, byTerm) : undefined;
    if (target === undefined) {
      groups.push({ ...bucket, texts: new Map(bucket.texts) });
      for (const t of bucket.terms) byTerm.set(t, [...(byTerm.get(t) ?? []), groups.length - 1]);
      continue;
    }
    const group = groups[target]!;
    group.count += bucket.count;
    group.lastAsked = Math.max(group.lastAsked, bucket.lastAsked);
    for (const [text, seen] of bucket.texts) {
      const had = group.texts.get(text);
      group.texts.set(text, had ? { count: had.count + seen.count, last: Math.max(had.last, seen.last) } : seen);
    }
  }
  return groups
    .sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked)
    .map((g) => {
      const texts = [...g.texts].sort(([, a], [, b]) => b.count - a.count || b.last - a.last).map(([text]) => text);
      return { terms: g.terms, example: texts[0]!, variants: texts.slice(1, 6), count: g.count, lastAsked: g.lastAsked };
    });
}

/** The index of the most similar group at or above {@link SIMILAR}, largest first on a tie. */
function closest(t: string[], groups: Bucket[], byTerm: Map<string, number[]>): number | undefined {
  const shared = new Map<number, number>();
  for (const term of t) for (const g of byTerm.get(term) ?? []) shared.set(g, (shared.get(g) ?? 0) + 1);
  let best: number | undefined;
  let bestScore = -1;
  for (const [g, common] of shared) {
    const score = common / (t.length + groups[g]!.terms.length - common);
    if (score < SIMILAR) continue;
    // Groups are created largest first, so a lower index wins a tie.
    if (score > bestScore || (score === bestScore && g < best!)) {
      best = g;
      bestScore = score;
    }
  }
  return best;
}
