import { time, TimestampStyles, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { IndexStatus, ScoredPassage } from '../../types.js';
import { fitEmbed, fitEmbeds } from './fit-embed.js';
import { Limits } from './limits.js';
import type { MessagePayload } from '../respond.js';
import { oneLine, safeText, safeTruncate } from './safe-text.js';
import { truncate } from './truncate.js';

const STATUS_COLOUR = 0x57f287;
const DEBUG_COLOUR = 0xfee75c;
const EXCERPT = 300;

/** `/sources`: every indexed article with its passage count, and how the index was built. */
export function statusEmbed(status: IndexStatus): APIEmbed {
  const lines = status.articles.map((a) => {
    const source = [a.outlet, a.date]
      .filter(Boolean)
      .map((s) => safeText(s!))
      .join(', ');
    return `• **${safeText(oneLine(a.title))}**${source ? ` — ${source}` : ''} · ${a.passages} passage${a.passages === 1 ? '' : 's'}`;
  });
  const mode = `${status.mode}${status.modeReason ? ` (${safeText(status.modeReason)})` : ''}`;
  const built = Date.parse(status.builtAt);
  const fields: APIEmbedField[] = [
    { name: 'Model', value: status.model ? safeText(status.model) : 'none (keyword search only)', inline: true },
    { name: 'Mode', value: mode, inline: true },
    {
      name: 'Built',
      value: Number.isNaN(built) ? safeText(status.builtAt || 'unknown') : time(new Date(built), TimestampStyles.LongDateShortTime),
      inline: true,
    },
    { name: 'Passages', value: String(status.passages), inline: true },
    { name: 'Dimensions', value: String(status.dimensions), inline: true },
    { name: 'Articles', value: String(status.articles.length), inline: true },
    ...(status.meaningOnly ? [{ name: 'Answers on meaning alone', value: meaningOnlyText(status.meaningOnly) }] : []),
    {
      name: `Skipped articles (${status.skipped.length})`,
      value:
        listWithin(
          status.skipped.map((s) => `• ${safeText(s.file)}: ${safeText(oneLine(s.reason))}`),
          Limits.embedFieldValue,
        ) || 'None',
    },
  ];
  return fitEmbed({
    color: STATUS_COLOUR,
    title: 'Indexed articles',
    description: listWithin(lines, 3000) || 'No articles are indexed.',
    fields,
  });
}

/** Whether the calibration lets a passage answer without sharing the question's words, and why. */
export function meaningOnlyText(m: NonNullable<IndexStatus['meaningOnly']>): string {
  if (m.threshold === null) {
    return `Off: this model does not tell the ${m.offTopicProbes} off-topic probe questions from the articles' own topics, so an answer needs the question's words.`;
  }
  const share = m.quantile >= 1 ? 'any' : `${Math.round(m.quantile * 100)}% of the`;
  return `On above similarity ${m.threshold.toFixed(2)}, higher than ${share} ${m.offTopicProbes} off-topic probe questions reach.`;
}

/** `/sources query:…`: the top passages for a query with each score, to see why retrieval picks what it picks. */
export function searchEmbed(query: string, results: ScoredPassage[]): APIEmbed {
  const fields = results.slice(0, Limits.embedFields).map((r, i) => ({
    name: `#${i + 1} ${safeText(oneLine(r.passage.title))} (${safeText(r.passage.id)})`,
    value: `fused ${fmt(r.score)} · bm25 ${fmt(r.bm25)} · vector ${fmt(r.vector)}\n${safeTruncate(oneLine(r.passage.text), EXCERPT)}`,
  }));
  return fitEmbed({
    color: DEBUG_COLOUR,
    title: truncate(`Top passages for “${safeText(oneLine(query))}”`, Limits.embedTitle),
    description:
      results.length === 0
        ? 'No passage matched.'
        : 'Fused is the rank-fusion score used for ordering; — means that search did not return the passage.',
    fields,
  });
}

/** The whole `/sources` reply: status first, then (with a query) the debug embed, within the per-message total. */
export function sourcesMessage(status: IndexStatus, search?: { query: string; results: ScoredPassage[] }): MessagePayload {
  const embeds = [statusEmbed(status)];
  if (search) embeds.push(searchEmbed(search.query, search.results));
  return { embeds: fitEmbeds(embeds) };
}

function fmt(n: number | undefined): string {
  return n === undefined ? '—' : n.toFixed(4);
}

/** Joins whole lines up to `max` characters, ending with "…and N more" when some do not fit. */
function listWithin(lines: string[], max: number): string {
  const kept: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const text = truncate(line, max - 40);
    const left = lines.length - i - 1;
    const reserve = left > 0 ? `\n…and ${left} more`.length : 0;
    if (size + text.length + 1 + reserve > max) {
      kept.push(`…and ${lines.length - i} more`);
      break;
    }
    kept.push(text);
    size += text.length + 1;
  }
  return kept.join('\n');
}
