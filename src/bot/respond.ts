import { MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type RepliableInteraction } from 'discord.js';

/** No reply of this bot ever pings anyone, whatever text it echoes. */
export const NO_MENTIONS = { parse: [] as [] };

/** What the bot sends: plain data, so views can be unit-tested without a client. */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
}

/**
 * Sends `payload` as the interaction's response, whatever state the interaction is in (fresh,
 * deferred, or already answered), always with mentions disabled.
 *
 * A deferral fixes whether the response is ephemeral. When an ephemeral message is wanted after a
 * public deferral (an error, usually), the public "thinking…" placeholder is deleted and the
 * message goes out as an ephemeral follow-up instead, so errors stay private.
 */
export async function respond(interaction: RepliableInteraction, payload: MessagePayload, options: { ephemeral: boolean }): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  const body = { ...payload, allowedMentions: NO_MENTIONS };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...body, flags });
    return;
  }
  if (interaction.deferred && !interaction.replied) {
    const placeholderIsEphemeral = interaction.ephemeral ?? false;
    if (placeholderIsEphemeral || !options.ephemeral) {
      await interaction.editReply(body);
      return;
    }
    await interaction.deleteReply().catch(() => undefined);
  }
  await interaction.followUp({ ...body, flags });
}

/** Sends a short ephemeral notice (refusals, errors, stale buttons). */
export function notify(interaction: RepliableInteraction, content: string): Promise<void> {
  return respond(interaction, { content }, { ephemeral: true });
}
