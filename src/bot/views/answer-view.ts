import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, ArticleMeta, Citation } from '../../types.js';
import { shownCitations } from '../../answer/reply.js';
import { buildCustomId } from './custom-id.js';
import { embedLength, fitEmbed } from './fit-embed.js';
import { Limits } from './limits.js';
import type { MessagePayload } from '../respond.js';
import { quoteMarkdown } from './quote-markdown.js';
import { oneLine, safeTruncate } from './safe-text.js';

/** Finds an article's title, outlet and link by id (from the engine's status). */
export type ArticleLookup = (id: string) => Pick<ArticleMeta, 'title' | 'outlet' | 'url' | 'date'> | undefined;

export interface AnswerViewOptions {
  /** The id buttons refer to; no buttons are shown without one. */
  answerId?: string;
  /** Whether to offer 👍/👎 (the context-menu check does not collect votes). */
  votes?: boolean;
  /** The embed's title; defaults to the question. */
  title?: string;
  /** One line of what the articles cover, shown when the answer is "not covered". */
  coverageHint: string;
  articles: ArticleLookup;
}

/** Colours: blurple for answers, grey for "not covered". */
const ANSWERED_COLOUR = 0x5865f2;
const NOT_COVERED_COLOUR = 0x99aab5;
/** Room for the quotes, leaving the rest of the 6000 for title, sources and footer. */
const QUOTES_BUDGET = 3000;
const MAX_QUOTE = 1000;

/** Custom ids of an answer's buttons (the `/ask` command handles them). */
export const answerButtonIds = {
  passages: (answerId: string) => buildCustomId('ask', 'passages', answerId),
  vote: (answerId: string, vote: 'up' | 'down') => buildCustomId('ask', 'vote', vote, answerId),
};

/** The reply to a question: the quotes with [n] markers, the cited articles, and the buttons. */
export function answerMessage(answer: Answer, options: AnswerViewOptions): MessagePayload {
  const title = options.title ?? safeTruncate(oneLine(answer.question), Limits.embedTitle);
  if (!answer.answered || answer.citations.length === 0) return { embeds: [notCoveredEmbed(answer, title, options.coverageHint)] };

  // The best quotes lead; the rest wait behind Show passages, so without that button all are shown.
  const shown = options.answerId ? shownCitations(answer.citations) : answer.citations;
  const hidden = answer.citations.length - shown.length;
  const more = hidden > 0 ? ` · ${hidden} more ${hidden === 1 ? 'quote' : 'quotes'} under Show passages` : '';
  const frame = fitEmbed({
    color: ANSWERED_COLOUR,
    title,
    fields: sourceFields(shown, options.articles),
    footer: { text: `Verbatim quotes from the article collection · ${answer.mode} search${more}` },
  });
  // The quotes get what the title, sources and footer leave, so the embed is never cut mid-markdown.
  const budget = Math.min(QUOTES_BUDGET, Limits.embedTotal - embedLength(frame));
  const embed: APIEmbed = { ...frame, description: quoteLines(shown, budget) };
  return { embeds: [embed], components: options.answerId ? [answerButtons(options.answerId, options.votes ?? true)] : [] };
}

/** `> “quote” [n]`, one per citation, the answer in bold, each shortened so all of them fit `budget`. */
function quoteLines(citations: Citation[], budget: number): string {
  const each = Math.max(0, Math.min(MAX_QUOTE, Math.floor(budget / citations.length) - 12));
  return citations.map((c) => `> ${quoteMarkdown(c.quote, c.highlights, each)} [${c.n}]`).join('\n\n');
}

/** One field per cited article, in order of first citation: `[1] [3] Title` → outlet, link, who else reported it. */
function sourceFields(citations: Citation[], articles: ArticleLookup): APIEmbedField[] {
  const bySource = new Map<string, { numbers: number[]; citation: Citation; also: Set<string> }>();
  for (const c of citations) {
    const entry = bySource.get(c.source) ?? { numbers: [], citation: c, also: new Set<string>() };
    entry.numbers.push(c.n);
    for (const id of c.also) entry.also.add(id);
    bySource.set(c.source, entry);
  }
  return [...bySource.values()].map(({ numbers, citation, also }) => {
    const meta = articles(citation.source);
    const outlet = citation.outlet ?? meta?.outlet;
    const url = citation.url ?? meta?.url;
    const parts = [outlet && safeTruncate(oneLine(outlet), 100), meta?.date && safeTruncate(oneLine(meta.date), 60), url].filter(Boolean);
    const others = [...also].filter((id) => id !== citation.source).map((id) => safeTruncate(oneLine(articles(id)?.title ?? id), 120));
    const lines = [parts.join(' · ') || 'From the article collection'];
    if (others.length > 0) lines.push(`Also reported by: ${others.join('; ')}`);
    return {
      name: `${numbers.map((n) => `[${n}]`).join(' ')} ${safeTruncate(oneLine(citation.title), 200)}`,
      value: lines.join('\n'),
    };
  });
}

function notCoveredEmbed(answer: Answer, title: string, coverageHint: string): APIEmbed {
  // The engine's message already says why (and usually what the articles cover); say it once.
  const reason = oneLine(answer.message) || "The articles don't cover that, so I have nothing to quote.";
  const hint = oneLine(coverageHint);
  const lines = [safeTruncate(reason, 1500)];
  if (hint && !reason.includes(hint)) lines.push(safeTruncate(hint, 1500));
  lines.push('Try asking about something they report, or use `/help` to see what they are.');
  return fitEmbed({ color: NOT_COVERED_COLOUR, title, description: lines.join('\n\n') });
}

function answerButtons(answerId: string, votes: boolean): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = [
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Show passages', custom_id: answerButtonIds.passages(answerId) },
  ];
  if (votes) {
    buttons.push(
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👍' }, custom_id: answerButtonIds.vote(answerId, 'up') },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        emoji: { name: '👎' },
        custom_id: answerButtonIds.vote(answerId, 'down'),
      },
    );
  }
  return { type: ComponentType.ActionRow, components: buttons };
}
