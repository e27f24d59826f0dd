import { terms } from '../text/terms.js';

/**
 * The kind of answer a question asks for. A "when" question is answered by a sentence with a date
 * in it, a "how many" question by one with a number; when several sentences cover the question's
 * words equally, the one holding that kind of answer should come first.
 */
export type AnswerType = 'time' | 'quantity' | 'duration' | 'person' | 'reason' | null;

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** Months that are never another word; "may" is also the modal verb ("Iran may retaliate"). */
const PLAIN_MONTHS = MONTHS.replace('may|', '');
/** Exact counts. "Some" and "several" say there is a number without giving it. */
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|millions';

/** The month May, told from the modal by what stands next to it: a day, a year or a preposition. */
const MAY = /\b(?:(?:in|on|since|until|by|from|of|early|late|mid-?)\s+May|May\s+\d{1,4}|\d{1,2}(?:st|nd|rd|th)?\s+May)\b/;
/** Clock times and parts of the day or year: "at 10:30", "9 am", "noon", "last summer". */
const CLOCK_OR_SEASON =
  /\b(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\d{1,2}:\d{2}|noon|midday|midnight|dawn|spring|summer|autumn|winter|(?:in|last|this|next) fall)\b/i;
const TIME_WORDS = new RegExp(
  `\\b(?:${PLAIN_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|(?:19|20)\\d\\d|last (?:week|month|year))\\b`,
  'i',
);

/** Two capitalised words in a row, not at the very start: a name ("Edi Rama", "Nasser Kanaani"). */
export const PERSON_NAME = /\S\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u;

const PATTERNS = {
  time: { test: (text) => TIME_WORDS.test(text) || MAY.test(text) || CLOCK_OR_SEASON.test(text) },
  quantity: new RegExp(`\\b(?:\\d[\\d,.]*|${NUMBER_WORDS})\\b`, 'i'),
  duration: /\b(?:\d+|one|two|three|several|few|24|48|72)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i,
  person: PERSON_NAME,
  // English connectives of cause and purpose: what a "why" question is answered by.
  reason:
    /\b(?:because|due to|owing to|as a result|in order to|so that|so as to|to make sure|to ensure|to prevent|to avoid|in response to|in retaliation|as a precaution|as an? (?:\w+ )?measure|the reason|motive|aimed at|designed to|intended to|in protest|for (?:security|safety) reasons)\b/i,
} satisfies Record<Exclude<AnswerType, null>, { test(text: string): boolean }>;

/** What kind of answer `question` expects, from its opening words. */
export function answerTypeOf(question: string): AnswerType {
  const q = question.trim().toLowerCase();
  if (/^(?:when|(?:on |in |at |by )?(?:what|which) (?:date|day|year|month|time))\b/.test(q)) return 'time';
  // Keyword-style queries put it last: "cyberattack date", "embassy closed when".
  if (/\b(?:when|date)\W*$/.test(q)) return 'time';
  if (/^how long\b|\bhow (?:many|much) (?:time|hours|days|weeks)\b/.test(q)) return 'duration';
  if (/^how (?:many|much)\b|\bnumber of\b/.test(q)) return 'quantity';
  if (/^(?:who|whom|whose)\b/.test(q)) return 'person';
  if (/^(?:why|how come|for what reason|what (?:was|is|were) the (?:reason|motive|purpose))\b/.test(q)) return 'reason';
  return null;
}

/**
 * The words of a question that only say what kind of answer it wants ("date" in "What date did
 * the attack happen?"): the answer type stands for them, and no article sentence repeats them.
 */
export function frameTerms(question: string): string[] {
  const q = question.trim();
  const noun = /^(?:on |in |at )?(?:what|which) (date|day|year|month|time)\b/i.exec(q)?.[1] ?? /\b(date)\W*$/i.exec(q)?.[1];
  return noun ? terms(noun) : [];
}

/**
 * What a "how many" question counts, as a term: "diplomats" in "How many Iranian diplomats were
 * expelled?" — the first plural among the next three words, else the first word after "how many".
 */
export function countedTerm(question: string): string | undefined {
  const after = /\bhow many\s+(.*)$/i.exec(question)?.[1];
  if (!after) return undefined;
  const next = after
    .split(/\s+/)
    .slice(0, 3)
    .filter((w) => terms(w).length > 0);
  const word = next.find((w) => /[^s]s\W*$/i.test(w)) ?? next[0];
  return word ? terms(word)[0] : undefined;
}

/** A calendar date: a day with its month ("15 July", "July 15"), or a year. */
const PRECISE_TIME = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})|(?:${MONTHS}) \\d{1,2}\\b|(?:19|20)\\d\\d)\\b`, 'i');

/**
 * The expressions behind each answer type's test, to find where in a sentence the answer stands
 * (a quote's highlights). Time adds calendar dates so that "15 July" is one match.
 */
export const ANSWER_EXPRESSIONS: Record<Exclude<AnswerType, null>, readonly RegExp[]> = {
  time: [TIME_WORDS, MAY, CLOCK_OR_SEASON, PRECISE_TIME],
  quantity: [PATTERNS.quantity],
  duration: [PATTERNS.duration],
  person: [PATTERNS.person],
  reason: [PATTERNS.reason],
};

/**
 * How well `sentence` holds the kind of answer `type` asks for: 1 fully, 0.5 for a vague time
 * ("in July", "last month", "on Wednesday") when a date could answer, 0 not at all.
 */
export function answerTypeStrength(sentence: string, type: AnswerType, counted?: string): number {
  if (!hasAnswerType(sentence, type, counted)) return 0;
  return type === 'time' && !PRECISE_TIME.test(sentence) ? 0.5 : 1;
}

/**
 * Whether `sentence` contains the kind of answer `type` asks for. With `counted`, a quantity must
 * count that thing ("four Iranian diplomats"), so "on July 15" doesn't answer "how many diplomats".
 */
export function hasAnswerType(sentence: string, type: AnswerType, counted?: string): boolean {
  if (type === null || !PATTERNS[type].test(sentence)) return false;
  if (type !== 'quantity' || counted === undefined) return true;
  const number = new RegExp(`^(?:\\d[\\d,.]*|${NUMBER_WORDS})$`, 'i');
  const words = sentence.split(/\s+/);
  return words.some(
    (w, i) =>
      number.test(w.replace(/[^\p{L}\p{N},.]/gu, '').replace(/[,.]$/, '')) &&
      words.slice(i + 1, i + 4).some((n) => terms(n)[0] === counted),
  );
}
