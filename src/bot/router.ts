import { performance } from 'node:perf_hooks';
import type { AutocompleteInteraction, Interaction } from 'discord.js';
import type { Command, CommandContext } from './command.js';
import type { LogFields, Logger } from '../logger.js';
import type { BotEngine } from './bot-engine.js';
import type { CooldownLimiter } from './cooldowns.js';
import { UserFacingError } from '../errors.js';
import { questionEntry, type QuestionDraft } from './question-entry.js';
import type { AnswerRepository, ConversationRepository, QuestionLog, VoteRepository } from './stores/store.js';
import type { QuestionSuggester } from './autocomplete/suggester.js';
import { answerAutocomplete } from './autocomplete/answer-autocomplete.js';
import { CommandTable } from './command-table.js';
import { InFlight } from './in-flight.js';
import { describeInteraction, reportFailure } from './interaction-outcome.js';

/** What the router serves, and what each interaction's CommandContext is built from. */
export interface RouterDeps {
  commands: readonly Command[];
  /** Asked once per interaction, so a swap mid-answer does not change the engine under it. */
  engine: () => BotEngine;
  answers: AnswerRepository;
  feedback: VoteRepository;
  questions: QuestionLog;
  /** Turns a user id into the member key the store keeps (a salted hash). */
  member: (userId: string) => string;
  conversations: ConversationRepository;
  cooldowns: CooldownLimiter;
  /** What `/ask` suggests as members type. */
  suggestions: QuestionSuggester;
  logger: Logger;
}

/**
 * Sends each interaction to its command or button handler (see CommandTable), turns failures into
 * ephemeral replies (see reportFailure), writes one log line per interaction and one question-log
 * entry per question. `handle` never rejects, so one bad interaction cannot take the bot down.
 */
export class InteractionRouter {
  private readonly commands: CommandTable;
  private readonly inFlight = new InFlight();
  private accepting = true;

  constructor(private readonly deps: RouterDeps) {
    this.commands = new CommandTable(deps.commands);
  }

  /** Handles one interaction. Never rejects. */
  handle(interaction: Interaction): Promise<void> {
    const work = this.run(interaction).catch((error: unknown) =>
      this.deps.logger.error('interaction handler crashed', { interactionId: interaction.id, error }),
    );
    this.inFlight.track(work);
    return work;
  }

  /** From now on new interactions get a short "restarting" note instead of an answer. */
  stopAccepting(): void {
    this.accepting = false;
  }

  /** Waits for interactions in progress; true if they all finished within `timeoutMs`. */
  drain(timeoutMs: number): Promise<boolean> {
    return this.inFlight.drain(timeoutMs);
  }

  /** Names of the commands served. */
  get commandNames(): string[] {
    return this.commands.names;
  }

  /** Interactions being handled right now. */
  get pending(): number {
    return this.inFlight.size;
  }

  private async run(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return this.autocomplete(interaction);
    if (!interaction.isRepliable()) return;
    const started = performance.now();
    const fields: LogFields = {
      interactionId: interaction.id,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      ...describeInteraction(interaction),
    };
    const logger = this.deps.logger.child({ interactionId: interaction.id, command: fields.command, userId: interaction.user.id });
    let draft: QuestionDraft | undefined;
    const member = this.deps.member(interaction.user.id);
    const ctx: CommandContext = {
      engine: this.deps.engine(),
      answers: this.deps.answers,
      feedback: this.deps.feedback,
      questions: this.deps.questions,
      member,
      conversations: this.deps.conversations,
      cooldowns: this.deps.cooldowns,
      logger,
      note: (more) => Object.assign(fields, more),
      asked: (question, command, options) => (draft = { question, command, ...(options?.followUp ? { followUp: true } : {}) }),
      answered: (answer, answerId) => draft && Object.assign(draft, { answer, answerId }),
    };
    try {
      if (!this.accepting) throw new UserFacingError('I am restarting; please try again in a few seconds.', 'shutting-down');
      await this.commands.dispatch(interaction, ctx);
      fields.outcome = 'ok';
    } catch (error) {
      await reportFailure(interaction, error, fields, logger);
    } finally {
      fields.latencyMs = Math.round(performance.now() - started);
      this.deps.logger.info('interaction', fields);
      if (draft) await this.logQuestion(questionEntry(draft, fields, member, Date.now()), logger);
    }
  }

  /** Sends an autocomplete interaction to its command (see answerAutocomplete); a shutdown gets no choices. */
  private autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const handler = this.accepting ? this.commands.slashCommand(interaction.commandName)?.autocomplete : undefined;
    return answerAutocomplete(
      interaction,
      handler,
      { suggestions: this.deps.suggestions, questions: this.deps.questions },
      this.deps.logger,
    );
  }

  /** The question log is for maintainers: failing to write it never changes what the member got. */
  private async logQuestion(entry: Parameters<QuestionLog['add']>[0], logger: Logger): Promise<void> {
    try {
      await this.deps.questions.add(entry);
    } catch (error) {
      logger.error('could not write the question log', { error });
    }
  }
}
