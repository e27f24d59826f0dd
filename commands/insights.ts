import {
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { reportCsv } from '../src/bot/insights/csv.js';
import { insightsMessage } from '../src/bot/insights/insights-view.js';
import { DEFAULT_INSIGHTS_DAYS, loadReport } from '../src/bot/insights/load-report.js';
import { NO_MENTIONS, respond } from '../src/bot/respond.js';
import type { AutocompleteContext, Command, CommandContext } from '../src/bot/command.js';
import { hiddenChoices, moderateSuggestion } from '../src/bot/autocomplete/moderation.js';
import { Limits } from '../src/bot/views/limits.js';
import { isModerator, MODERATOR_PERMISSION, requireModerator } from '../src/bot/moderators.js';

const MAX_DAYS = 365;

/**
 * `/insights [days]` (moderators): what members asked that the articles could not answer, and what
 * to add next. `hide:` / `unhide:` take a question out of `/ask`'s suggestions or put it back.
 */
export const data = new SlashCommandBuilder()
  .setName('insights')
  .setDescription('Moderators: unanswered questions, unknown names, 👎 answers and uncited articles')
  .addIntegerOption((o) =>
    o.setName('days').setDescription(`Look back this many days (default ${DEFAULT_INSIGHTS_DAYS})`).setMinValue(1).setMaxValue(MAX_DAYS),
  )
  .addStringOption((o) =>
    o
      .setName('hide')
      .setDescription('Stop suggesting this question (and its close variants) in /ask')
      .setMaxLength(Limits.choiceValue)
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('unhide').setDescription('Suggest a hidden question again').setMaxLength(Limits.choiceValue).setAutocomplete(true),
  )
  .setDefaultMemberPermissions(MODERATOR_PERMISSION)
  .setContexts(InteractionContextType.Guild);

/** Replies privately with the summary and four sections, and a button for the full CSV; or hides or unhides a suggestion. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  requireModerator(interaction, 'insights');
  const hide = interaction.options.getString('hide');
  const unhide = interaction.options.getString('unhide');
  if (hide !== null || unhide !== null) {
    const lines = [
      ...(hide !== null ? [await moderateSuggestion(ctx.questions, 'hide', hide)] : []),
      ...(unhide !== null ? [await moderateSuggestion(ctx.questions, 'unhide', unhide)] : []),
    ];
    ctx.note({ ...(hide !== null ? { hide: true } : {}), ...(unhide !== null ? { unhide: true } : {}) });
    await respond(interaction, { content: lines.join('\n') }, { ephemeral: true });
    return;
  }
  const days = interaction.options.getInteger('days') ?? DEFAULT_INSIGHTS_DAYS;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const report = await loadReport(ctx.questions, ctx.engine.status().articles, days);
  ctx.note({ days, unanswered: report.unanswered.length });
  await respond(interaction, insightsMessage(report), { ephemeral: true });
}

/** "Full report (CSV)": the same period again, every item, as an attached file. */
async function csv(interaction: ButtonInteraction, [rawDays]: string[], ctx: CommandContext): Promise<void> {
  requireModerator(interaction, 'insights');
  const days = Number(rawDays);
  // The custom id is the bot's own, but a click is still input: a forged one gets the default period.
  const period = Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? days : DEFAULT_INSIGHTS_DAYS;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const report = await loadReport(ctx.questions, ctx.engine.status().articles, period);
  const name = `casefile-insights-${new Date(report.until).toISOString().slice(0, 10)}-${period}d.csv`;
  ctx.note({ days: period });
  await interaction.editReply({
    content: `The full report for the last ${period} day${period === 1 ? '' : 's'}.`,
    files: [{ attachment: Buffer.from(reportCsv(report), 'utf8'), name }],
    allowedMentions: NO_MENTIONS,
  });
}

export const buttons = { csv };

/** `hide:` offers what `/ask` suggests now, `unhide:` the hidden questions; moderators only, others get nothing. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: AutocompleteContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (!isModerator(interaction)) return interaction.respond([]);
  if (focused.name === 'hide') return interaction.respond(await ctx.suggestions.suggest(focused.value));
  if (focused.name === 'unhide') return interaction.respond(await hiddenChoices(ctx.questions, focused.value));
  return interaction.respond([]);
}

export default { data, execute, autocomplete, buttons } satisfies Command;
