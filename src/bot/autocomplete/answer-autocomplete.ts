import { performance } from 'node:perf_hooks';
import type { AutocompleteInteraction } from 'discord.js';
import type { LogFields, Logger } from '../../logger.js';
import type { AutocompleteContext, AutocompleteHandler } from '../command.js';

/**
 * Runs a command's autocomplete handler for the router. It never fails the member: no handler
 * gets an empty list, and so does an error (logged). Its log line is at debug level, since a
 * member typing sends several a second, and it writes nothing to the question log.
 */
export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  handler: AutocompleteHandler | undefined,
  deps: Omit<AutocompleteContext, 'logger'>,
  baseLogger: Logger,
): Promise<void> {
  const started = performance.now();
  const fields: LogFields = { interactionId: interaction.id, userId: interaction.user.id, command: interaction.commandName };
  const logger = baseLogger.child(fields);
  try {
    if (handler) await handler(interaction, { ...deps, logger });
    else await interaction.respond([]);
    fields.outcome = 'ok';
  } catch (error) {
    fields.outcome = 'error';
    logger.error('autocomplete failed', { error });
    if (!interaction.responded)
      await interaction.respond([]).catch((e: unknown) => logger.warn('could not answer autocomplete', { error: e }));
  } finally {
    baseLogger.debug('autocomplete', { ...fields, latencyMs: Math.round(performance.now() - started) });
  }
}
