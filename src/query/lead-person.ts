import { PERSON_NAME } from './question-type.js';

/**
 * The person a quote names, so that "he" or "she" in a follow-up can stand for them. There is no
 * gazetteer of people at hand, so a person is a run of capitalised words (the answer-type pattern
 * for a person) whose last two are not words of titles or institutions: "Prime Minister Edi Rama"
 * → "Edi Rama", while "United States" and "Foreign Ministry" name nobody.
 */

/** Words of titles, offices and places that run together with names but are not one. */
const NOT_A_NAME = new Set(
  `prime minister ministers president vice foreign affairs ministry interior defence defense secretary general
  spokesperson spokesman spokeswoman council national security united states kingdom nations department agency
  office government republic islamic revolutionary guard guards corps cabinet union house white parliament
  police court supreme embassy state federal bureau european iran iranian albania albanian microsoft mandiant
  homeland justice north south east west new the a an in on at of for and but after before monday tuesday
  wednesday thursday friday saturday sunday january february march april may june july august september
  october november december`.split(/\s+/),
);

/** Verbs that follow or precede a speaker: a run next to one is the person quoted. */
const SPEECH = /^(?:said|says|told|added|wrote|stated|announced|according|declared|noted|stressed)\b/i;

/** Capitalised runs of two or more words, each with the text that follows it. */
function capitalisedRuns(text: string): Array<{ words: string[]; after: string; before: string }> {
  const runs: Array<{ words: string[]; after: string; before: string }> = [];
  const run = /(?:\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?\s+)+\p{Lu}\p{Ll}+/gu;
  for (const m of text.matchAll(run)) {
    // The pattern of a person in an answer: not the sentence's first word, which is capitalised anyway.
    const words = m[0].split(/\s+/);
    const start = m.index === 0 ? 1 : 0;
    if (words.length - start < 2) continue;
    const trimmed = words.slice(start);
    if (!PERSON_NAME.test(`. ${trimmed.join(' ')}`)) continue;
    runs.push({ words: trimmed, after: text.slice(m.index + m[0].length).replace(/^[\s,]+/, ''), before: text.slice(0, m.index) });
  }
  return runs;
}

/**
 * The person `quote` names, as their last two capitalised words ("Edi Rama"), or undefined.
 * A name next to "said" or "told" wins over one that is only mentioned.
 */
export function personIn(quote: string | undefined): string | undefined {
  if (!quote) return undefined;
  const people = capitalisedRuns(quote)
    .map((r) => ({ ...r, words: r.words.filter((w, i) => i >= r.words.length - 2 || !NOT_A_NAME.has(w.toLowerCase())) }))
    .map((r) => ({ ...r, name: r.words.slice(-2) }))
    .filter((r) => r.name.length === 2 && r.name.every((w) => !NOT_A_NAME.has(w.toLowerCase())));
  const speaker = people.find((p) => SPEECH.test(p.after) || /\b(?:said|says|told)\s*,?\s*$/i.test(p.before));
  return (speaker ?? people[0])?.name.join(' ');
}
