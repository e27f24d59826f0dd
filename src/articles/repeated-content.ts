import { isTweetSignature } from './boilerplate.js';
import { comparisonKey, tokens, type Line } from '../text/lines.js';
import type { TextSpan } from '../types.js';

/** Records a span left out of the body. */
export type DropRepeat = (span: TextSpan, reason: 'tweet' | 'duplicate') => void;

/** How many lines above a tweet signature may belong to the tweet. */
const MAX_TWEET_LINES = 8;

/**
 * Removes embedded tweets: a signature line ("— Name (@handle) Month D, YYYY") and the tweet text
 * directly above it. A line above is tweet text when it mentions a handle or hashtag, or when
 * most of its words were already used earlier in the article — articles quote a tweet before
 * embedding it, so the embed repeats them. The first line that is neither ends the tweet.
 */
export function removeTweets(body: Line[], drop: DropRepeat): Line[] {
  const signatureAt = body.flatMap((line, i) => (isTweetSignature(line.text) ? [i] : []));
  if (signatureAt.length === 0) return body;
  // The first line each word occurs in, so "already used" is one lookup per word.
  const firstSeen = new Map<string, number>();
  body.forEach((line, i) => tokens(line.text).forEach((w) => firstSeen.has(w) || firstSeen.set(w, i)));
  const removed = new Set<number>(signatureAt);
  for (const at of signatureAt) {
    drop(body[at]!, 'tweet');
    for (let j = at - 1; j >= 0 && j >= at - MAX_TWEET_LINES && !removed.has(j); j--) {
      const line = body[j]!;
      const words = tokens(line.text);
      const usedBefore = words.filter((w) => (firstSeen.get(w) ?? j) < j).length;
      const tweetLike =
        /(^|\s)[@#]\w/.test(line.text) || /pic\.twitter\.com/.test(line.text) || (words.length >= 3 && usedBefore / words.length >= 0.7);
      if (!tweetLike) break;
      removed.add(j);
      drop(line, 'tweet');
    }
  }
  return body.filter((_, i) => !removed.has(i));
}

/**
 * Removes repeated paragraphs. A paragraph printed twice is a photo caption or standfirst (once
 * under the image, once as text). We keep its last copy, which is where the body text sits
 * (captions come first, next to the image) — unless its words also appear inside a longer
 * paragraph, in which case every copy is redundant and all are dropped: that is a caption right
 * under the headline repeating a sentence the article tells later. A paragraph that repeats the
 * headline (`alreadySaid`) is dropped too.
 */
export function removeDuplicates(units: Line[], drop: DropRepeat, alreadySaid: string[] = []): Line[] {
  const keys = units.map((u) => comparisonKey(u.text.replace(/[‘’]/g, "'")));
  const lastIndex = new Map<string, number>();
  keys.forEach((key, i) => lastIndex.set(key, i));
  const seen = new Set<string>();
  const repeated = new Set(keys.filter((key) => key && (seen.has(key) || !seen.add(key))));
  const distinct = [...lastIndex.keys()];
  const redundant = new Set(
    [...repeated].filter((key) => distinct.some((other) => other.length > key.length && ` ${other} `.includes(` ${key} `))),
  );
  const said = new Set(alreadySaid.map((t) => comparisonKey(t.replace(/[‘’]/g, "'"))));
  return units.filter((unit, i) => {
    const key = keys[i]!;
    const keep = !said.has(key) && (!repeated.has(key) || (lastIndex.get(key) === i && !redundant.has(key)));
    if (!keep) drop(unit, 'duplicate');
    return keep;
  });
}
