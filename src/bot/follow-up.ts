import {
  ActionRowBuilder,
  ButtonStyle,
  ComponentType,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIButtonComponent,
  type ButtonInteraction,
} from 'discord.js';
import { UserFacingError } from '../errors.js';
import { personIn } from '../query/lead-person.js';
import { MAX_CHAIN, type PreviousQuestion } from '../query/follow-up.js';
import { MAX_QUESTION_LENGTH } from '../question.js';
import type { Answer } from '../types.js';
import type { CommandContext } from './command.js';
import type { MessagePayload } from './respond.js';
import type { Turn } from './stores/store.js';
import { buildCustomId } from './views/custom-id.js';
import { oneLine, safeText } from './views/safe-text.js';
import { truncate } from './views/truncate.js';

/** The text input of the follow-up modal. */
export const FOLLOW_UP_FIELD = 'question';

/** Custom id of a reply's *Ask a follow-up* button, and of the modal it opens (both handled by `/ask`). */
export const followUpId = (conversationId: string) => buildCustomId('ask', 'follow', conversationId);

/** A follow-up whose conversation expired (or never was): the member starts over. */
export class ExpiredConversationError extends UserFacingError {
  constructor() {
    super('This conversation has expired, so it can no longer be followed up. Please ask again with `/ask`.', 'expired');
  }
}

/**
 * Keeps the conversation that led to `answer` (the questions before it and its own) under the
 * answer's id, or a new one for a "not covered" reply, and returns that id; undefined when the
 * chain is as long as it may get or could not be saved, so no button is offered.
 */
export async function keepConversation(
  ctx: CommandContext,
  answer: Answer,
  before: Turn[],
  answerId?: string,
): Promise<string | undefined> {
  const person = personIn(answer.citations[0]?.quote);
  const chain = [...before, { question: answer.question, ...(person ? { person } : {}) }];
  if (chain.length >= MAX_CHAIN) return undefined;
  try {
    return (await ctx.conversations.add(chain, ctx.member, answerId)).id;
  } catch (error) {
    // The reply still goes out, without a follow-up button that would only fail.
    ctx.logger.error('could not save the conversation; sending the reply without a follow-up button', { error });
    return undefined;
  }
}

/** `message` with an *Ask a follow-up* button, beside the answer's other buttons when there is room. */
export function withFollowUpButton(message: MessagePayload, conversationId: string | undefined): MessagePayload {
  if (!conversationId) return message;
  const button: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: 'Ask a follow-up',
    custom_id: followUpId(conversationId),
  };
  const [first, ...rest] = message.components ?? [];
  if (first && first.components.length < 5)
    return { ...message, components: [{ ...first, components: [...first.components, button] }, ...rest] };
  return { ...message, components: [...(message.components ?? []), { type: ComponentType.ActionRow, components: [button] }] };
}

/** The stored chain as the engine takes it: the latest question first, each with what it followed. */
export function previousOf(chain: readonly Turn[]): PreviousQuestion | undefined {
  return chain.reduce<PreviousQuestion | undefined>(
    (previous, turn) => ({ question: turn.question, ...(turn.person ? { person: turn.person } : {}), ...(previous ? { previous } : {}) }),
    undefined,
  );
}

/** The *Ask a follow-up* button: checks the conversation is still there, then opens the modal. */
export async function openFollowUp(interaction: ButtonInteraction, [id]: string[], ctx: CommandContext): Promise<void> {
  const record = id ? await ctx.conversations.get(id) : undefined;
  if (!record) throw new ExpiredConversationError();
  ctx.note({ conversationId: id, depth: record.chain.length });
  const last = record.chain.at(-1)!.question;
  const input = new TextInputBuilder()
    .setCustomId(FOLLOW_UP_FIELD)
    .setLabel('Your follow-up question')
    .setStyle(TextInputStyle.Paragraph)
    .setPlaceholder(truncate(`e.g. "When did that happen?" (after: ${oneLine(last)})`, 100))
    .setMaxLength(MAX_QUESTION_LENGTH)
    .setRequired(true);
  const modal = new ModalBuilder()
    .setCustomId(followUpId(id!))
    .setTitle('Ask a follow-up')
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
  await interaction.showModal(modal);
}

/** "Follow-up to: <previous question>", the line a follow-up's reply opens with. */
export function followUpLine(previousQuestion: string): string {
  return `Follow-up to: “${safeText(truncate(oneLine(previousQuestion), 200))}”`;
}
