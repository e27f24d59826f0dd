import { distance } from 'fastest-levenshtein';
import { words } from './terms.js';

/**
 * A set of words, as written (lower-cased), with how often each occurs: what a misspelled question
 * word is corrected to (the articles' words first, then the English word list's). Kept by length so
 * a look-up only compares words that could be within the edit budget.
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) for (const word of words(text)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    for (const word of this.counts.keys()) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /**
   * The word closest to `word` by edit distance within `budget` edits; ties go to a word
   * with the same first letter (typos rarely hit it), then to the more frequent word.
   */
  closest(word: string, budget: number): string | undefined {
    let best: { word: string; rank: [number, number, number] } | undefined;
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const d = editDistance(word, candidate);
        if (d > budget) continue;
        const rank: [number, number, number] = [d, candidate[0] === word[0] ? 0 : 1, -this.count(candidate)];
        if (!best || compare(rank, best.rank) < 0) best = { word: candidate, rank };
      }
    }
    return best?.word;
  }
}

/**
 * Levenshtein distance, except that swapping two neighbouring letters ("airprot") is one edit, not
 * two: it is the most common typing slip.
 */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && isAdjacentSwap(a, b) ? 1 : d;
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

const compare = (a: readonly number[], b: readonly number[]) => a.reduce((r, v, i) => r || v - b[i]!, 0);

/** Edits a word of this length may be off by: none for short words, where one letter makes another word. */
export function editBudget(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}
