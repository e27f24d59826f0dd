import type { TextSpan } from '../../src/types.js';

/**
 * Checks that `blocks` are usable slices of `text`: in bounds, in order, not overlapping, not
 * empty and without surrounding whitespace. Throws naming the first bad block.
 */
export function expectCleanSlices(text: string, blocks: TextSpan[]): void {
  let previousEnd = 0;
  blocks.forEach((b, i) => {
    const slice = text.slice(b.start, b.end);
    const problem =
      !Number.isInteger(b.start) || !Number.isInteger(b.end)
        ? 'non-integer offsets'
        : b.start < previousEnd
          ? 'overlaps or precedes the previous block'
          : b.end > text.length
            ? 'runs past the end of the text'
            : slice.trim() === ''
              ? 'is empty'
              : slice !== slice.trim()
                ? 'has surrounding whitespace'
                : undefined;
    if (problem) throw new Error(`block ${i} [${b.start}, ${b.end}) ${problem}: ${JSON.stringify(slice)}`);
    previousEnd = b.end;
  });
}

/** The kept text of each block. */
export function blockTexts(text: string, blocks: TextSpan[]): string[] {
  return blocks.map((b) => text.slice(b.start, b.end));
}

/** Whether the first occurrence of `phrase` in `text` lies wholly inside a kept block. */
export function isKept(text: string, blocks: TextSpan[], phrase: string, from = 0): boolean {
  const at = text.indexOf(phrase, from);
  if (at === -1) throw new Error(`phrase not in text: ${JSON.stringify(phrase)}`);
  return blocks.some((b) => b.start <= at && at + phrase.length <= b.end);
}

/** Offsets of every occurrence of `phrase` in `text`. */
export function occurrences(text: string, phrase: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) found.push(at);
  return found;
}
