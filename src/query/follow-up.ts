import type { QueryTerm } from '../index/bm25.js';
import { terms as termsOf } from '../text/terms.js';
import { personIn } from './lead-person.js';
import { expand, type AnalysedQuery } from './query.js';

/**
 * Follow-up questions. In a conversation "When did that happen?" and "What did he say about the
 * damage?" lack their subject: asked alone they are refused or answered with something unrelated.
 * When a follow-up has no subject of its own, the previous question's topic terms are carried
 * into it at a lower weight (the follow-up's own words still decide what is asked), and "he" or
 * "she" stands for the person the previous answer's lead quote named.
 */

/** The question a follow-up follows: its text, its answer's lead quote, and what it followed in turn. */
export interface PreviousQuestion {
  question: string;
  /** The previous answer's first quote (or just the person it names), to resolve "he" and "she". */
  leadQuote?: string;
  /** The person the lead quote named, when already known (a stored conversation keeps only that). */
  person?: string;
  previous?: PreviousQuestion;
}

/** A conversation is at most this many questions deep; older context is not carried. */
export const MAX_CHAIN = 5;
/** How much a carried topic term counts next to a word the follow-up itself uses. */
export const CARRIED_WEIGHT = 0.5;
/** A resolved pronoun is the follow-up's own subject, only not typed out. */
const PERSON_WEIGHT = 1;

const PRONOUN = /\b(?:he|she|him|his|her|hers|they|them|their|theirs|it|its|that|this|these|those|there|then)\b/i;
const PERSON_PRONOUN = /\b(?:he|she|him|his|her|hers)\b/i;
/** "And Iran?", "What about the embassy?": the previous question, about something else. */
const ELLIPTICAL = /^\W*(?:and|or|but|also|what about|how about|same for|what of)\b/i;

/** Whether `question` names a subject of its own: a name (capitalised past its first word). */
function namesASubject(question: string, query: AnalysedQuery): boolean {
  return query.names.length > 0 || /\s[("“']?\p{Lu}\p{L}{2,}/u.test(question.trim());
}

/** Whether `question` needs the previous question's subject to make sense. */
export function lacksSubject(question: string, query: AnalysedQuery): boolean {
  if (ELLIPTICAL.test(question)) return true;
  const topic = query.terms.filter((t) => !query.weak.has(t));
  if (topic.length === 0) return true;
  return PRONOUN.test(question) && !namesASubject(question, query);
}

/** A query whose carried terms were merged in: `weights` holds those below 1. */
export interface FollowUpQuery extends AnalysedQuery {
  /** The carried context in words, for the vector search; empty when nothing was carried. */
  context: string;
}

/** How to merge: `force` carries context into a question that names no subject even if it seems whole. */
export interface FollowUpOptions {
  depth?: number;
  force?: boolean;
}

/**
 * The follow-up `query` with what it lacks carried in from `previous` (itself resolved the same
 * way, at most MAX_CHAIN deep). `analyse` is the caller's analysis, with spelling correction.
 */
export function withFollowUp(
  question: string,
  query: AnalysedQuery,
  previous: PreviousQuestion | undefined,
  analyse: (question: string) => AnalysedQuery,
  { depth = 1, force = false }: FollowUpOptions = {},
): FollowUpQuery {
  const needed = lacksSubject(question, query) || (force && !namesASubject(question, query));
  if (!previous || depth >= MAX_CHAIN || !needed) return { ...query, context: '' };
  const before = withFollowUp(previous.question, analyse(previous.question), previous.previous, analyse, { depth: depth + 1 });
  const weights = new Map(query.weights ?? []);
  const alternatives = new Map(query.alternatives);
  const own = new Set(query.terms);
  const added: string[] = [];
  const add = (term: string, weight: number, alts: readonly QueryTerm[]) => {
    if (!term || own.has(term) || weights.has(term)) return;
    added.push(term);
    weights.set(term, weight);
    alternatives.set(term, [...alts]);
  };
  const person = PERSON_PRONOUN.test(question) ? (previous.person ?? personIn(previous.leadQuote)) : undefined;
  // A surname is how articles refer back to someone ("Rama said"); the first name rarely recurs.
  if (person) add(termsOf(person).at(-1) ?? '', PERSON_WEIGHT, []);
  // A follow-up that names something new ("and Iran?") asks the same about it, not about the old name.
  const replaced = new Set(namesASubject(question, query) ? before.names.map((n) => n.term) : []);
  for (const term of before.terms) {
    if (replaced.has(term)) continue;
    add(term, CARRIED_WEIGHT * (before.weights?.get(term) ?? 1), before.alternatives.get(term) ?? []);
  }
  const terms = [...query.terms, ...added];
  const scaled = new Map([...alternatives].map(([t, alts]) => [t, alts.map((a) => ({ ...a, weight: a.weight * (weights.get(t) ?? 1) }))]));
  const expanded = expand(query.terms, query.alternatives);
  for (const t of added) expanded.push({ term: t, weight: weights.get(t)! }, ...(scaled.get(t) ?? []).filter((a) => !a.loose));
  // An elliptical follow-up ("and Iran?") asks the same kind of thing as the question before it.
  const inherit = query.answerType === null && ELLIPTICAL.test(question);
  return {
    ...query,
    terms,
    alternatives,
    weights,
    expanded: dedupe(expanded),
    weak: new Set([...query.weak, ...[...before.weak].filter((t) => terms.includes(t))]),
    names: query.names.length || replaced.size ? query.names : before.names,
    ...(inherit ? { answerType: before.answerType, ...(before.counted ? { counted: before.counted } : {}) } : {}),
    context: [before.context, previous.question, person ?? ''].filter(Boolean).join(' '),
  };
}

/** Each term once, at its highest weight (BM25 would count a repeated term twice). */
function dedupe(query: QueryTerm[]): QueryTerm[] {
  const best = new Map<string, number>();
  for (const { term, weight } of query) best.set(term, Math.max(best.get(term) ?? 0, weight));
  return [...best].map(([term, weight]) => ({ term, weight }));
}
