import { editBudget, editDistance } from '../../text/vocabulary.js';
import { MAX_QUESTION_LENGTH } from '../../question.js';
import { englishWords } from '../../text/dictionary.js';
import { lemma } from '../../text/lemmas.js';
import { isStopword, stem, words } from '../../text/terms.js';
import { questionKey } from '../stores/question-key.js';
import type { QuestionSuggestion } from '../stores/store.js';
import { Limits } from '../views/limits.js';

/** One autocomplete choice: what Discord shows (`name`) and what the option then holds (`value`). */
export interface Choice {
  name: string;
  value: string;
}

/** How much a word typed with a slip ("atack", "albnia") counts against one typed right. */
const SPELLING_MATCH = 0.75;
/** From this length a real word one letter from another is taken for a variant spelling, as in the engine. */
const LONG_WORD = 8;

interface Analysed {
  /** Every word, lower-cased, as the engine splits text. */
  words: string[];
  /** Key terms: stemmed, stopwords dropped. */
  terms: Set<string>;
  /** The words behind the key terms, to match a misspelling against. */
  content: string[];
}

interface Candidate {
  question: string;
  key: string;
  /** From the question log (ranked before curated questions of the same match). */
  fromLog: boolean;
  /** Asks plus 👍 minus 👎 (log); 0 for curated questions, which keep their file order. */
  popularity: number;
  order: number;
}

/** What was typed, analysed once per key press. */
interface Typed {
  /** Key words typed in full. */
  pieces: string[];
  /** The word still being typed, if any. */
  partial: string | undefined;
}

const analyses = new Map<string, Analysed>();
/** The analysis the engine applies to questions (src/text), memoised: the same candidates come back at every key press. */
function analyse(text: string): Analysed {
  let a = analyses.get(text);
  if (a) return a;
  const all = words(text);
  const content = all.filter((w) => !isStopword(lemma(w)));
  a = { words: all, content, terms: new Set(content.map((w) => stem(lemma(w)))) };
  // Bounded: the log's wordings change as members ask, and nothing else clears this.
  if (analyses.size >= 10_000) analyses.clear();
  analyses.set(text, a);
  return a;
}

/**
 * How well a candidate completes what was typed, from 0 (not at all) to 1. Every typed key term
 * must be in it (or a word one slip away, by the engine's spelling budget), and the word being
 * typed must begin one of its words; stopwords typed in full do not filter, as they do not in search.
 */
export function matchScore(typed: string, candidate: string): number {
  return matchTyped(analyseTyped(typed), candidate);
}

function analyseTyped(typed: string): Typed {
  const text = typed.slice(0, MAX_QUESTION_LENGTH);
  const all = words(text);
  // The last word is still being typed unless a space or punctuation follows it.
  const partial = /[\p{L}\p{N}]$/u.test(text) ? all.pop() : undefined;
  return { pieces: all.filter((w) => !isStopword(lemma(w))), partial };
}

function matchTyped({ pieces, partial }: Typed, candidate: string): number {
  if (pieces.length === 0 && !partial) return 1;
  const c = analyse(candidate);
  let total = 0;
  for (const word of pieces) {
    const score = c.terms.has(stem(lemma(word))) ? 1 : c.content.some((w) => misspelt(word, w)) ? SPELLING_MATCH : 0;
    if (score === 0) return 0;
    total += score;
  }
  if (partial) {
    const score = c.words.some((w) => w.startsWith(partial))
      ? 1
      : c.words.some((w) => slip(partial, w.slice(0, partial.length)))
        ? SPELLING_MATCH
        : 0;
    if (score === 0) return 0;
    total += score;
  }
  return total / (pieces.length + (partial ? 1 : 0));
}

/**
 * A typed word taken for `word`, by the engine's rule (src/query/spelling.ts): a real English word
 * is a different word ("Iraq" is not "Iran") unless it is long and one letter off, a variant spelling.
 */
function misspelt(typed: string, word: string): boolean {
  if (!slip(typed, word)) return false;
  return !englishWords().has(typed) || (typed.length >= LONG_WORD && editDistance(typed, word) <= 1);
}

/** Within the engine's edit budget for a word of this length (none below four letters). */
function slip(typed: string, word: string): boolean {
  const budget = editBudget(typed);
  return budget > 0 && Math.abs(typed.length - word.length) <= budget && editDistance(typed, word) <= budget;
}

/**
 * The choices for what was typed: the log's questions (already past the privacy threshold and not
 * hidden) and the curated ones (minus hidden ones), best match first, then most asked and best
 * voted, curated after the log on a tie; close variants once, at most 25, each within Discord's
 * 100 characters (a longer question is left out rather than cut into another question).
 */
export function rankSuggestions(
  typed: string,
  log: readonly QuestionSuggestion[],
  curated: readonly string[],
  hidden: ReadonlySet<string>,
): Choice[] {
  const candidates: Candidate[] = [
    ...log.map((s, i) => ({ question: s.question, key: s.key, fromLog: true, popularity: s.asks + s.upVotes - s.downVotes, order: i })),
    ...curated.map((q, i) => ({ question: q, key: questionKey(q), fromLog: false, popularity: 0, order: i })),
  ].map((c) => ({ ...c, question: c.question.replace(/\s+/g, ' ').trim() }));
  const what = analyseTyped(typed);
  const scored = candidates
    .filter((c) => c.question.length > 0 && c.question.length <= Limits.choiceValue && !hidden.has(c.key))
    .map((c) => ({ c, score: matchTyped(what, c.question) }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) => b.score - a.score || Number(b.c.fromLog) - Number(a.c.fromLog) || b.c.popularity - a.c.popularity || a.c.order - b.c.order,
    );
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const { c } of scored) {
    const id = c.key || c.question.toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ name: c.question, value: c.question });
    if (out.length === Limits.autocompleteChoices) break;
  }
  return out;
}
