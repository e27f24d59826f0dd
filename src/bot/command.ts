import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { LogFields, Logger } from '../logger.js';
import type { Answer } from '../types.js';
import type { BotEngine } from './bot-engine.js';
import type { CooldownLimiter } from './cooldowns.js';
import type { QuestionSuggester } from './autocomplete/suggester.js';
import type { AnswerRepository, ConversationRepository, QuestionCommand, QuestionLog, VoteRepository } from './stores/store.js';

/** What a command gets besides its interaction. One per interaction. */
export interface CommandContext {
  /** The engine current when the interaction arrived; kept for the whole interaction even if a reindex swaps in another. */
  engine: BotEngine;
  answers: AnswerRepository;
  feedback: VoteRepository;
  /** The question log, for reports (the router itself writes each question to it). */
  questions: QuestionLog;
  /** This member as the store knows them: a salted hash of the user id, never the id. */
  member: string;
  /** Marks this interaction as a question; the router logs it, with its outcome, when the interaction ends. */
  asked(question: string, command: QuestionCommand, options?: { followUp?: boolean }): void;
  /** What the engine answered (and the saved answer's id), for the question log. */
  answered(answer: Answer, answerId?: string): void;
  /** What follow-up questions follow. */
  conversations: ConversationRepository;
  /** Rate limit shared by everything that queries the engine. */
  cooldowns: CooldownLimiter;
  /** Bound to this interaction's id, command and user. */
  logger: Logger;
  /** Adds fields (answered, mode…) to this interaction's one log line. */
  note(fields: LogFields): void;
}

/**
 * What an autocomplete handler gets. Lighter than {@link CommandContext}: a member types several
 * characters a second, so no engine, no cooldown, no question-log line.
 */
export interface AutocompleteContext {
  /** Questions `/ask` may suggest, privacy rule applied (see QuestionSuggester). */
  suggestions: QuestionSuggester;
  /** The question log, for moderators' lists (hidden questions). */
  questions: QuestionLog;
  /** Bound to this interaction's id, command and user. */
  logger: Logger;
}

/** Answers an autocomplete interaction with `interaction.respond(choices)`: at most 25 choices, within 3 seconds. */
export type AutocompleteHandler = (interaction: AutocompleteInteraction, ctx: AutocompleteContext) => Promise<void>;

/** Handles a click on a button whose custom id is `<command>:<action>:<args…>`. */
export type ButtonHandler = (interaction: ButtonInteraction, args: string[], ctx: CommandContext) => Promise<void>;

/** Handles a submitted modal whose custom id is `<command>:<action>:<args…>`. */
export type ModalHandler = (interaction: ModalSubmitInteraction, args: string[], ctx: CommandContext) => Promise<void>;

interface CommandBase {
  /** Button handlers by action; the command's name is the custom id's first part. */
  buttons?: Record<string, ButtonHandler>;
  /** Modal handlers by action, routed like buttons. */
  modals?: Record<string, ModalHandler>;
}

/** A `/command`. `data` is a SlashCommandBuilder (anything that serialises to a chat-input command). */
export interface SlashCommand extends CommandBase {
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** Suggests values for the options built with `.setAutocomplete(true)`. */
  autocomplete?: AutocompleteHandler;
}

/** A message context-menu command ("Apps → …" on a message). `data` is a ContextMenuCommandBuilder. */
export interface MessageMenuCommand extends CommandBase {
  data: { readonly name: string | undefined; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void>;
}

/** Every command module exports `{ data, execute }` that `satisfies Command`. */
export type Command = SlashCommand | MessageMenuCommand;

/** The names of `commands`, which the metrics count questions by. */
export function commandNames(commands: readonly Command[]): string[] {
  return commands.flatMap((c) => (c.data.name ? [c.data.name] : []));
}
