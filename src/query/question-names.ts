import { terms } from '../text/terms.js';

/** Letters only, starting with a capital: "Germany", "Microsoft", "Iran's". */
const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;
/** Sentence ends inside a question: the word after one is capitalised for grammar, not as a name. */
const SENTENCE_END = /[.!?:;"“”]$/;

/** A name in a question: one of its index terms, and the name as the user wrote it. */
export interface QuestionName {
  term: string;
  text: string;
}

/**
 * The terms of the names a question mentions: runs of capitalised words that are not capitalised
 * just for starting a sentence ("Did Microsoft investigate?" → "microsoft"; "United States" →
 * one term). A question in title case or capitals has no telling capitals, so it gets none.
 */
export function nameTerms(question: string): QuestionName[] {
  const tokens = question.split(/\s+/).filter(Boolean);
  const startsSentence = (i: number) => i === 0 || SENTENCE_END.test(tokens[i - 1]!);
  const inner = tokens.filter((t, i) => !startsSentence(i) && /\p{L}/u.test(t));
  const capitalised = inner.filter((t) => /^\p{Lu}/u.test(t.replace(/^[("“‘']+/, '')));
  if (inner.length < 2 || capitalised.length > inner.length / 2) return [];
  const runs: string[][] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const [i, token] of tokens.entries()) {
    const lead = token.replace(/^[("“‘']+/, '');
    const bare = lead.replace(/[)"”’',.!?:;]+$/, '');
    if (!startsSentence(i) && bare.length >= 3 && CAPITALISED.test(bare)) run.push(bare);
    else flush();
    // Punctuation after a word ends the name: "Germany, France" are two.
    if (bare !== lead) flush();
  }
  flush();
  const seen = new Set<string>();
  return runs.flatMap((r) => {
    const text = r.join(' ').replace(/['’]s?$/, '');
    return terms(text)
      .filter((term) => !seen.has(term) && seen.add(term))
      .map((term) => ({ term, text }));
  });
}
