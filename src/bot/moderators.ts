import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import { UserFacingError } from '../errors.js';

/**
 * Who counts as a moderator: members with Manage Messages, the permission that lets them tidy a
 * channel. Moderator commands (`/sources`, `/insights`) declare it as their default permission, and
 * since a server can override defaults per command, each checks it again itself through here.
 */
export const MODERATOR_PERMISSION = PermissionFlagsBits.ManageMessages;

/** Whether the member behind an interaction may use moderator commands (never, outside a server). */
export function isModerator(interaction: Pick<BaseInteraction, 'memberPermissions'>): boolean {
  return interaction.memberPermissions?.has(MODERATOR_PERMISSION) ?? false;
}

/** Refuses anyone else, privately, naming the command and the permission it needs. */
export function requireModerator(interaction: Pick<BaseInteraction, 'memberPermissions'>, command: string): void {
  if (!isModerator(interaction)) {
    throw new UserFacingError(`\`/${command}\` is for moderators: it needs the Manage Messages permission.`, 'forbidden');
  }
}
