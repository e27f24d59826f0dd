import { createHash } from 'node:crypto';
import { mulberry32 } from '../../harness/seeded-random.js';
import { isStopword } from '../../src/text/terms.js';

/**
 * Typing slips made to order: the question's typo class is a fixed list, and a fixed list can be
 * tuned to. A slip here is one letter wrong in one word of a question the engine already answers
 * (two letters swapped, one dropped, one doubled, a vowel replaced), the kinds members make in
 * Discord. Which word, which slip and where is drawn from a hash of the question's id, so every run
 * asks the same slips and a change to the engine is the only thing that moves the figure.
 */

/** The kinds of slip, each one edit (a swap counts as one, as the spelling correction counts it). */
export const SLIP_KINDS = ['swap', 'drop', 'double', 'vowel'] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

/** Words a slip may hit: letters only, at least five of them (shorter ones turn into other words), not stopwords. */
const ELIGIBLE = /^\p{L}{5,}$/u;
const VOWELS = 'aeiou';

/** A seeded stream of numbers in [0, 1): the repository's generator, seeded from a hash of `seed`. */
function random(seed: string): () => number {
  return mulberry32(createHash('sha256').update(seed).digest().readUInt32LE(0));
}

/** `word` with one slip of `kind` at `at` (1 ≤ at ≤ length − 2: first and last letters are rarely mistyped). */
export function slip(word: string, kind: SlipKind, at: number): string {
  const [before, letter, next, after] = [word.slice(0, at), word[at]!, word[at + 1]!, word.slice(at + 2)];
  if (kind === 'swap') return before + next + letter + after;
  if (kind === 'drop') return before + next + after;
  if (kind === 'double') return before + letter + letter + next + after;
  const other = [...VOWELS].filter((v) => v !== letter.toLowerCase());
  return before + other[at % other.length]! + next + after;
}

/**
 * Up to `count` variants of `question`, each with one slip in one eligible word, distinct and
 * different from the question; none when no word is eligible. Deterministic for a `seed`.
 */
export function slippedVariants(question: string, seed: string, count = 3): string[] {
  const tokens = question.split(' ');
  const eligible = tokens.flatMap((t, i) => (ELIGIBLE.test(t) && !isStopword(t.toLowerCase()) ? [i] : []));
  if (eligible.length === 0) return [];
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const variants = new Set<string>();
  // Bounded: a few draws per wanted variant, since a slip may repeat one already drawn.
  for (let draw = 0; draw < count * 4 && variants.size < count; draw++) {
    const i = pick(eligible);
    const word = tokens[i]!;
    const slipped = slip(word, pick(SLIP_KINDS), 1 + Math.floor(next() * (word.length - 2)));
    if (slipped === word) continue;
    variants.add(tokens.map((t, j) => (j === i ? slipped : t)).join(' '));
  }
  return [...variants];
}
