import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MODERATOR_PERMISSION, requireModerator } from '../src/bot/moderators.js';
import { respond } from '../src/bot/respond.js';
import { sourcesMessage } from '../src/bot/views/sources-view.js';
import type { Command, CommandContext } from '../src/bot/command.js';

/** Passages shown for a debug query. */
const TOP_K = 5;

/** `/sources [query]` (moderators): the indexed articles and index status; with a query, the top passages and their scores. */
export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('Moderators: list the indexed articles and index status, or debug retrieval for a query')
  .addStringOption((o) => o.setName('query').setDescription('Show the top passages for this text with their scores').setMaxLength(300))
  .setDefaultMemberPermissions(MODERATOR_PERMISSION)
  .setContexts(InteractionContextType.Guild);

/** Refuses non-moderators, then shows the index status (and the retrieval debug for a query) ephemerally. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  requireModerator(interaction, 'sources');
  const query = interaction.options.getString('query')?.trim() || undefined;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const search = query ? { query, results: await ctx.engine.search(query, TOP_K) } : undefined;
  ctx.note({ query: query !== undefined, mode: ctx.engine.status().mode });
  await respond(interaction, sourcesMessage(ctx.engine.status(), search), { ephemeral: true });
}

export default { data, execute } satisfies Command;
