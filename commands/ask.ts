import {
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { answerMessage } from '../src/bot/views/answer-view.js';
import { articleLookup } from '../src/bot/bot-engine.js';
import { takeCooldown } from '../src/bot/cooldown-guard.js';
import { ExpiredAnswerError, QuestionError } from '../src/errors.js';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../src/question.js';
import { askForMember, keepAnswer } from '../src/bot/keep-answer.js';
import type { Vote } from '../src/bot/stores/store.js';
import { passagesMessages } from '../src/bot/views/passages-view.js';
import { notify, respond } from '../src/bot/respond.js';
import { keepConversation, openFollowUp, withFollowUpButton } from '../src/bot/follow-up.js';
import { answerFollowUp } from '../src/bot/follow-up-reply.js';
import type { AutocompleteContext, Command, CommandContext } from '../src/bot/command.js';

/** `/ask question:<text> [private:<bool>]`: answers with verbatim, numbered quotes from the articles. */
export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask about Albania cutting ties with Iran over the 2022 cyberattack; answers quote the articles')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, e.g. "When did Albania cut ties with Iran?"')
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Show the answer to you only (default: everyone in the channel sees it)'));

/** Checks the question and the cooldown, defers (so a slow model never misses Discord's 3 s), then edits in the answer. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true).trim();
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  ctx.asked(question, 'ask');
  if (!question) throw new QuestionError('Please type a question, e.g. `/ask question: Why did Albania cut ties with Iran?`', 'empty');
  // The engine's limit (Discord's client enforces it too): refused here, before the cooldown and the defer.
  checkQuestion(question);
  await takeCooldown(ctx.cooldowns, interaction.user.id);

  // Deferring first keeps within Discord's 3-second window however long the model takes.
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const answer = await askForMember(ctx, interaction.user.id, question);
  const record = await keepAnswer(ctx, answer);
  const message = answerMessage(answer, {
    answerId: record?.id,
    coverageHint: ctx.engine.coverageHint(),
    articles: articleLookup(ctx.engine),
  });
  // Every reply, "not covered" ones too, can be followed up.
  const conversationId = await keepConversation(ctx, answer, [], record?.id);
  await respond(interaction, withFollowUpButton(message, conversationId), { ephemeral });
}

/**
 * Suggestions as the member types `question`: questions at least three members asked and no
 * moderator hid, or the curated ones in questions.txt (see QuestionSuggester). No engine call.
 */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: AutocompleteContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(focused.name === 'question' ? await ctx.suggestions.suggest(focused.value) : []);
}

/** "Show passages": the full passages behind the citations, to the clicker only. */
async function showPassages(interaction: ButtonInteraction, [answerId]: string[], ctx: CommandContext): Promise<void> {
  const record = answerId ? await ctx.answers.get(answerId) : undefined;
  if (!record) throw new ExpiredAnswerError();
  ctx.note({ answerId });
  const messages = passagesMessages(record, (id) => ctx.engine.passage(id), articleLookup(ctx.engine));
  for (const message of messages) await respond(interaction, message, { ephemeral: true });
}

/** 👍 / 👎: one vote per member per answer, kept with the question and quotes it judged. */
async function vote(interaction: ButtonInteraction, [direction, answerId]: string[], ctx: CommandContext): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new ExpiredAnswerError();
  const record = answerId ? await ctx.answers.get(answerId) : undefined;
  if (!record) throw new ExpiredAnswerError();
  let result;
  try {
    result = await ctx.feedback.record({
      at: Date.now(),
      answerId: record.id,
      member: ctx.member,
      guildId: interaction.guildId,
      vote: direction,
      question: record.question,
      mode: record.mode,
      citations: record.citations.map(({ n, source, passageId, quote }) => ({ n, source, passageId, quote })),
    });
  } catch (error) {
    // Never "recorded" unless it was: the member hears it failed and may try again.
    ctx.logger.error('could not save a vote', { answerId, error });
    ctx.note({ answerId, vote: direction, recorded: false, saveFailed: true });
    await notify(interaction, `Sorry, your ${emoji(direction)} could not be saved just now. Please try again later.`);
    return;
  }
  ctx.note({ answerId, vote: direction, recorded: result.recorded });
  const content = result.recorded
    ? `Thanks! Your ${emoji(direction)} is recorded; it helps improve the answers.`
    : `You already gave this answer a ${emoji(result.existing)}; it's one vote per answer, so that vote stands. Thanks!`;
  await notify(interaction, content);
}

function emoji(v: Vote): string {
  return v === 'up' ? '👍' : '👎';
}

/** Button handlers by action: `ask:passages:<answerId>`, `ask:vote:<up|down>:<answerId>`, `ask:follow:<conversationId>`. */
export const buttons = { passages: showPassages, vote, follow: openFollowUp };

/** The follow-up modal `ask:follow:<conversationId>`. */
export const modals = { follow: answerFollowUp };

export default { data, execute, autocomplete, buttons, modals } satisfies Command;
