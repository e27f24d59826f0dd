import type { APIEmbed } from 'discord.js';
import type { Passage } from '../../types.js';
import type { AnswerRecord } from '../stores/store.js';
import type { ArticleLookup } from './answer-view.js';
import { embedLength, fitEmbed } from './fit-embed.js';
import { Limits } from './limits.js';
import type { MessagePayload } from '../respond.js';
import { oneLine, safeText } from './safe-text.js';

const PASSAGE_COLOUR = 0x5865f2;
const GONE_COLOUR = 0x99aab5;

/**
 * The full passages behind an answer's citations, the quoted words in bold, packed into as few
 * messages as Discord's limits allow (10 embeds and 6000 characters each). A passage the index no
 * longer has in the same words (it was rebuilt since) is said to be gone rather than shown wrong.
 */
export function passagesMessages(
  record: AnswerRecord,
  passage: (id: string) => Passage | undefined,
  articles: ArticleLookup,
): MessagePayload[] {
  const groups = new Map<string, AnswerRecord['citations']>();
  for (const c of record.citations) groups.set(c.passageId, [...(groups.get(c.passageId) ?? []), c]);

  const embeds = [...groups.entries()].map(([id, citations]) => passageEmbed(passage(id), citations, articles));
  return pack(embeds).map((batch) => ({ embeds: batch }));
}

function passageEmbed(found: Passage | undefined, citations: AnswerRecord['citations'], articles: ArticleLookup): APIEmbed {
  const first = citations[0]!;
  const title = `${citations.map((c) => `[${c.n}]`).join(' ')} ${safeText(oneLine(first.title))}`;
  const text = found ? oneLine(found.text) : '';
  const quotes = citations.map((c) => oneLine(c.quote));
  if (!found || !quotes.every((q) => text.includes(q))) {
    return fitEmbed({
      color: GONE_COLOUR,
      title,
      description:
        'This passage is no longer in the index in the same words (the articles were re-indexed since this answer). Ask again to see the current passages.',
    });
  }
  const url = articles(first.source)?.url;
  return fitEmbed(
    { color: PASSAGE_COLOUR, title, ...(url ? { url } : {}), description: highlight(text, quotes) },
    Limits.embedTitle + Limits.embedDescription,
  );
}

/** Escapes the passage and wraps each quoted stretch in bold. */
function highlight(text: string, quotes: string[]): string {
  const marks: Array<[number, number]> = [];
  for (const q of quotes) {
    const start = text.indexOf(q);
    if (start >= 0 && q) marks.push([start, start + q.length]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue; // overlapping quotes: the first one's bold covers it
    out += safeText(text.slice(at, start)) + '**' + safeText(text.slice(start, end)) + '**';
    at = end;
  }
  return out + safeText(text.slice(at));
}

/** Groups embeds into messages without breaking the per-message limits. */
function pack(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.length > 0 && (size + length > Limits.embedTotal || current.length === Limits.embedsPerMessage)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
