import { ButtonStyle, ComponentType, time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { MessagePayload } from '../respond.js';
import { buildCustomId } from '../views/custom-id.js';
import { fitEmbeds } from '../views/fit-embed.js';
import { oneLine, safeText } from '../views/safe-text.js';
import { truncate } from '../views/truncate.js';
import type { InsightsReport } from './report.js';

/** Characters of the 6000 per message each section may use, so that all four always show. */
const BUDGET = { header: 400, unanswered: 1900, names: 700, downVoted: 1800, neverCited: 700 } as const;
const COLOUR = 0xeb459e;

/** The custom id of the "full report as CSV" button for a period of `days`. */
export const csvButtonId = (days: number) => buildCustomId('insights', 'csv', String(days));

/** `/insights`: a summary and the four sections, each within its share of Discord's limits, and the CSV button. */
export function insightsMessage(r: InsightsReport): MessagePayload {
  const o = r.outcomes;
  const asked = o.answered + o['not-covered'];
  const share = asked > 0 ? ` (${Math.round((100 * o['not-covered']) / asked)}% of those put to the articles)` : '';
  const header = r.logEnabled
    ? `${total(r)} questions since ${time(new Date(r.since), TimestampStyles.ShortDate)}: ${o.answered} answered, ${o['not-covered']} not covered${share}, ${o.refused} refused, ${o.error} failed.`
    : 'The question log is off (QUESTION_LOG_DAYS=0), so only votes are reported.';
  const when = (ms: number) => time(new Date(ms), TimestampStyles.RelativeTime);
  const quote = (text: string, max: number) => `“${safeText(truncate(oneLine(text), max))}”`;
  const embeds: APIEmbed[] = [
    { color: COLOUR, title: `Insights: the last ${r.days} day${r.days === 1 ? '' : 's'}`, description: within([header], BUDGET.header) },
    section(
      'Top unanswered questions',
      r.unanswered.map(
        (g) =>
          `**${g.count}×** ${quote(g.example, 140)} · last ${when(g.lastAsked)}${g.terms.length ? ` · ${safeText(g.terms.join(', '))}` : ''}`,
      ),
      BUDGET.unanswered,
      'None: every question put to the articles was answered.',
    ),
    section(
      'Names asked about that no article mentions',
      r.unknownNames.map((n) => `**${safeText(truncate(n.name, 80))}** ×${n.count} · last ${when(n.lastAsked)}`),
      BUDGET.names,
      'None.',
    ),
    section(
      'Answers voted 👎',
      r.downVoted.map(
        (d) =>
          `**${d.votes}×** ${quote(d.question, 120)}\n${d.quotes.map((q) => `> [${q.n}] ${q.quote ? quote(q.quote, 100) : safeText(q.source)}`).join('\n')}`,
      ),
      BUDGET.downVoted,
      'None.',
    ),
    section(
      'Articles never cited',
      r.neverCited.map((a) => `• ${safeText(truncate(oneLine(a.title), 90))} (${safeText(a.id)})`),
      BUDGET.neverCited,
      'None: every article was quoted.',
    ),
  ];
  return {
    embeds: fitEmbeds(embeds),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: csvButtonId(r.days), label: 'Full report (CSV)' },
        ],
      },
    ],
  };
}

function total(r: InsightsReport): number {
  return Object.values(r.outcomes).reduce((a, b) => a + b, 0);
}

function section(title: string, lines: string[], budget: number, empty: string): APIEmbed {
  return {
    color: COLOUR,
    title: lines.length ? `${title} (${lines.length})` : title,
    description: lines.length ? within(lines, budget - title.length - 8) : empty,
  };
}

/** Whole lines up to `max` characters, ending with "…and N more (see the CSV)" when some do not fit. */
function within(lines: string[], max: number): string {
  const kept: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const more = `…and ${lines.length - i} more (see the CSV)`;
    const text = truncate(line, Math.max(20, max - more.length - 1));
    if (size + text.length + 1 + (i < lines.length - 1 ? more.length : 0) > max) {
      kept.push(more);
      break;
    }
    kept.push(text);
    size += text.length + 1;
  }
  return kept.join('\n');
}
