import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { QuestionError } from '../errors.js';
import { checkQuestion } from '../question.js';
import { articleLookup } from './bot-engine.js';
import type { CommandContext } from './command.js';
import { takeCooldown } from './cooldown-guard.js';
import { askForMember, keepAnswer } from './keep-answer.js';
import { ExpiredConversationError, FOLLOW_UP_FIELD, followUpLine, keepConversation, previousOf, withFollowUpButton } from './follow-up.js';
import { respond } from './respond.js';
import { answerMessage } from './views/answer-view.js';

/**
 * The follow-up modal, submitted: answers the question as a follow-up of the conversation the
 * button belonged to, in a new reply that says what it follows. The conversation is read again
 * here, not trusted from the click, since it may have expired while the member was typing.
 */
export async function answerFollowUp(interaction: ModalSubmitInteraction, [id]: string[], ctx: CommandContext): Promise<void> {
  const record = id ? await ctx.conversations.get(id) : undefined;
  if (!record) throw new ExpiredConversationError();
  const question = interaction.fields.getTextInputValue(FOLLOW_UP_FIELD).trim();
  // Logged as a follow-up: it is not suggested to others on its own.
  ctx.asked(question, 'ask', { followUp: true });
  if (!question) throw new QuestionError('Please type a follow-up question, e.g. “When did that happen?”', 'empty');
  checkQuestion(question);
  await takeCooldown(ctx.cooldowns, interaction.user.id);
  // A follow-up to a private answer stays private: its "Follow-up to:" line repeats that question.
  const ephemeral = interaction.message?.flags.has(MessageFlags.Ephemeral) ?? false;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const answer = await askForMember(ctx, interaction.user.id, question, { previous: previousOf(record.chain)! });
  ctx.note({ followUpOf: id, depth: record.chain.length });
  const kept = await keepAnswer(ctx, answer);
  const conversationId = await keepConversation(ctx, answer, record.chain, kept?.id);
  const message = answerMessage(answer, {
    answerId: kept?.id,
    coverageHint: ctx.engine.coverageHint(),
    articles: articleLookup(ctx.engine),
  });
  const content = followUpLine(record.chain.at(-1)!.question);
  await respond(interaction, { ...withFollowUpButton(message, conversationId), content }, { ephemeral });
}
