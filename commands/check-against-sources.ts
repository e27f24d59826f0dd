import { ApplicationCommandType, ContextMenuCommandBuilder, MessageFlags, type MessageContextMenuCommandInteraction } from 'discord.js';
import { answerMessage } from '../src/bot/views/answer-view.js';
import { articleLookup } from '../src/bot/bot-engine.js';
import { takeCooldown } from '../src/bot/cooldown-guard.js';
import { UserFacingError } from '../src/errors.js';
import { askForMember, keepAnswer } from '../src/bot/keep-answer.js';
import { MAX_QUESTION_LENGTH } from '../src/question.js';
import { respond } from '../src/bot/respond.js';
import { oneLine, safeTruncate } from '../src/bot/views/safe-text.js';
import { truncate } from '../src/bot/views/truncate.js';
import type { Command, CommandContext } from '../src/bot/command.js';

/** Message menu "Check against sources": what the articles say about a message's claim, to the clicker only. */
export const data = new ContextMenuCommandBuilder().setName('Check against sources').setType(ApplicationCommandType.Message);

/** Asks the engine about the target message's text and shows the result ephemerally. */
export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void> {
  const text = oneLine(interaction.targetMessage.content ?? '');
  ctx.asked(truncate(text, MAX_QUESTION_LENGTH), 'check');
  if (!text) throw new UserFacingError("That message has no text to check (I don't read embeds or attachments).", 'empty');
  await takeCooldown(ctx.cooldowns, interaction.user.id);

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const answer = await askForMember(ctx, interaction.user.id, truncate(text, MAX_QUESTION_LENGTH));
  const record = await keepAnswer(ctx, answer);
  const message = answerMessage(answer, {
    answerId: record?.id,
    votes: false,
    title: `What the sources say about “${safeTruncate(text, 200)}”`,
    coverageHint: ctx.engine.coverageHint(),
    articles: articleLookup(ctx.engine),
  });
  await respond(interaction, message, { ephemeral: true });
}

export default { data, execute } satisfies Command;
