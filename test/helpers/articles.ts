import { createHash } from 'node:crypto';
import type { Article } from '../../src/types.js';

/** Builds an in-memory article whose whole text (after the headline line) is one kept block per paragraph. */
export function makeArticle(id: string, title: string, paragraphs: string[]): Article {
  const text = [title, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
  const blocks = paragraphs.map((p) => {
    const start = text.indexOf(p);
    return { start, end: start + p.length };
  });
  return { id, title, file: `${id}.txt`, text, blocks, hash: createHash('sha256').update(text).digest('hex') };
}
