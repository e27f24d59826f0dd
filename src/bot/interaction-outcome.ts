/**
 * What the router records about one interaction and tells the member when it fails: the fields
 * that name the interaction on its one log line, and the mapping of a failure to an outcome slug
 * and an ephemeral reply (see src/errors.ts for the error model).
 */
import type { RepliableInteraction } from 'discord.js';
import type { LogFields, Logger } from '../logger.js';
import { APOLOGY } from './errors.js';
import { UserFacingError } from '../errors.js';
import { notify } from './respond.js';

/** The kind and command of an interaction, for its log line; buttons and modals name their command first in the custom id. */
export function describeInteraction(interaction: RepliableInteraction): LogFields {
  if (interaction.isCommand()) return { kind: 'command', command: interaction.commandName };
  if (interaction.isMessageComponent())
    return { kind: 'button', command: interaction.customId.split(':')[0], customId: interaction.customId };
  if (interaction.isModalSubmit()) return { kind: 'modal', command: interaction.customId.split(':')[0], customId: interaction.customId };
  return { kind: 'other', command: undefined };
}

/**
 * Records a failure in `fields.outcome` and tells the member. A UserFacingError is an expected
 * refusal: its reason is the outcome and its message is shown as is. Anything else is a bug: it is
 * logged with the interaction's fields and the member gets only the generic {@link APOLOGY}. A reply
 * that cannot be sent is logged, not thrown: the interaction has already failed.
 */
export async function reportFailure(interaction: RepliableInteraction, error: unknown, fields: LogFields, logger: Logger): Promise<void> {
  if (error instanceof UserFacingError) {
    fields.outcome = error.reason;
  } else {
    fields.outcome = 'error';
    logger.error('interaction failed', { ...fields, error });
  }
  try {
    await notify(interaction, error instanceof UserFacingError ? error.message : APOLOGY);
  } catch (replyError) {
    // The interaction may have expired (token older than 15 minutes) or the connection dropped.
    logger.warn('could not tell the user about a failure', { error: replyError });
  }
}
