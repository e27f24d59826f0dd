import type { AnalysedQuery } from '../query/query.js';
import { ANSWER_EXPRESSIONS } from '../query/question-type.js';
import { terms } from '../text/terms.js';
import { matchIn, termPlans, type TermPlan } from './coverage.js';
import type { TextSpan } from '../types.js';

/** A span must begin and end on a word character (or a currency / percent sign) so markdown bold renders. */
const EDGE = /[\p{L}\p{N}$€£¥%]/u;
/** What may sit between two typed matches that read as one: "15 July" + "2022", "$10" + "million". */
const JOINER = /^[\s,]{1,3}$/;
/** Clause boundaries: a comma, semicolon or colon (perhaps closing a quotation) before a space, and dashes (a hyphen only between spaces). */
const CLAUSE_BREAK = /[,;:]["”’']?(?=\s)|[—–]|\s-\s/g;
/** Everyday words count for less when picking the clause that matches the question. */
const WEAK_TERM_WEIGHT = 0.5;

/**
 * The parts of a verbatim quote to show in bold: the date, duration, number, amount or name the
 * question asks for, the reason from its "because" (or like) to the end of that clause, or else the one clause that matches the question's words best. Spans are
 * offsets into `quote`, sorted, non-overlapping and never empty; the quote itself is not touched.
 * A span starts and ends on a word, or on a quotation mark that pairs with one inside it.
 * A quote of a single clause gets no clause highlight: bolding all of it would point at nothing.
 */
export function highlights(quote: string, query: AnalysedQuery): TextSpan[] {
  const typed = answerSpans(quote, query);
  if (typed.length > 0) return typed;
  const clause = bestClause(quote, query);
  return clause ? [clause] : [];
}

/** Matches of the pattern of the question's answer type, tidied and merged, minus the question's own words. */
function answerSpans(quote: string, query: AnalysedQuery): TextSpan[] {
  const type = query.answerType;
  if (type === null) return [];
  const found: TextSpan[] = [];
  for (const pattern of ANSWER_EXPRESSIONS[type]) {
    for (const m of quote.matchAll(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'))) {
      let start = m.index;
      let end = start + m[0].length;
      if (type === 'person') ({ start, end } = wholeName(quote, start + /^\S\s+/u.exec(m[0])![0].length, end));
      if (type === 'reason') end = clauseEnd(quote, end);
      if (type === 'quantity' && /[$€£¥]/u.test(quote.charAt(start - 1))) start--;
      if (type === 'quantity' && quote.charAt(end) === '%') end++;
      if (type === 'quantity' && query.counted !== undefined && !countsThing(quote, end, query.counted)) continue;
      found.push({ start, end });
    }
  }
  // A span made only of the question's own words ("Who is Edi Rama?") restates it rather than answering it.
  const asked = new Set(query.terms);
  const answers = merge(
    found.map((s) => trim(quote, s)).filter((s): s is TextSpan => s !== undefined),
    quote,
  );
  return answers.filter((s) => {
    const words = terms(quote.slice(s.start, s.end));
    return words.length === 0 || !words.every((w) => asked.has(w));
  });
}

/**
 * A name match widened to all its capitalised words: the person pattern starts one character early
 * (so a sentence's first word is not taken for a name) and stops after two words, which would show
 * "Minister Edi" of "Prime Minister Edi Rama". A capitalised stopword ("The") is not part of a name.
 */
function wholeName(quote: string, start: number, end: number): TextSpan {
  const before = /(?:\p{Lu}\p{Ll}+\s+)+$/u.exec(quote.slice(0, start))?.[0] ?? '';
  let lead = before.length;
  for (const word of before.split(/(?<=\s)(?=\S)/u)) {
    if (terms(word).length > 0) break;
    lead -= word.length;
  }
  return { start: start - lead, end: end + /^(?:\s+\p{Lu}\p{Ll}+)*/u.exec(quote.slice(end))![0].length };
}

/** Where the clause holding `from` ends: at the next clause break, else at the end of the quote. */
function clauseEnd(quote: string, from: number): number {
  const next = quote.slice(from).search(new RegExp(CLAUSE_BREAK.source, 'u'));
  return next < 0 ? quote.length : from + next;
}

/** Whether one of the three words after a number is the thing a "how many" question counts. */
function countsThing(quote: string, end: number, counted: string): boolean {
  return quote
    .slice(end)
    .trim()
    .split(/\s+/)
    .slice(0, 3)
    .some((w) => terms(w)[0] === counted);
}

/** The clause sharing the most (weighted) terms with the question, when the quote has more than one. */
function bestClause(quote: string, query: AnalysedQuery): TextSpan | undefined {
  const clauses: TextSpan[] = [];
  let at = 0;
  for (const m of quote.matchAll(CLAUSE_BREAK)) {
    clauses.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  clauses.push({ start: at, end: quote.length });
  const spans = clauses.map((c) => trim(quote, c)).filter((s): s is TextSpan => s !== undefined);
  if (spans.length < 2) return undefined;
  const plans = termPlans(query, (term) => (query.weak.has(term) ? WEAK_TERM_WEIGHT : 1));
  let best: { span: TextSpan; score: number } | undefined;
  for (const span of spans) {
    const score = matchScore(new Set(terms(quote.slice(span.start, span.end))), plans);
    if (score > (best?.score ?? 0)) best = { span, score };
  }
  return best?.span;
}

/** How much of the question a set of terms covers: each term's weight, times its best match (loose relations included). */
function matchScore(words: ReadonlySet<string>, plans: readonly TermPlan[]): number {
  let score = 0;
  for (const plan of plans) score += matchIn(words, plan, true) * plan.weight;
  return score;
}

/**
 * Narrows a span to start and end on a word character; undefined when nothing is left. A quotation
 * mark just outside that pairs with one inside is taken in, so the bold never splits a quotation.
 */
function trim(quote: string, span: TextSpan): TextSpan | undefined {
  let { start, end } = span;
  while (start < end && !EDGE.test(quote.charAt(start))) start++;
  while (end > start && !EDGE.test(quote.charAt(end - 1))) end--;
  if (end <= start) return undefined;
  const count = (mark: string) => quote.slice(start, end).split(mark).length - 1;
  const [opens, closes] = [count('“'), count('”')];
  if (opens > closes && quote.charAt(end) === '”') end++;
  if (closes > opens && quote.charAt(start - 1) === '“') start--;
  if (count('"') % 2 === 1 && quote.charAt(end) === '"') end++;
  else if (count('"') % 2 === 1 && quote.charAt(start - 1) === '"') start--;
  return { start, end };
}

/** Sorts spans and joins those that overlap, touch, or are only a space or comma apart. */
function merge(spans: TextSpan[], quote: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out[out.length - 1];
    if (last && (span.start <= last.end || JOINER.test(quote.slice(last.end, span.start)))) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}
