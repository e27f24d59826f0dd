import type { APIEmbed, APIEmbedField } from 'discord.js';
import { Limits } from './limits.js';
import { truncate } from './truncate.js';

/** Characters of an embed that count towards Discord's 6000-per-message total. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/**
 * Returns a copy of `embed` within every per-embed limit, then shrinks it further (description
 * first, then trailing fields) until it fits `budget` characters, which defaults to the whole
 * per-message total.
 */
export function fitEmbed(embed: APIEmbed, budget: number = Limits.embedTotal): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, Limits.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, Limits.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, Limits.embedFooter) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, Limits.embedAuthorName) };
  if (out.fields) out.fields = out.fields.slice(0, Limits.embedFields).map(fitField);

  let excess = embedLength(out) - budget;
  if (excess > 0 && out.description) {
    out.description = truncate(out.description, Math.max(0, out.description.length - excess));
    excess = embedLength(out) - budget;
  }
  while (excess > 0 && out.fields && out.fields.length > 0) {
    out.fields = out.fields.slice(0, -1);
    excess = embedLength(out) - budget;
  }
  if (excess > 0 && out.footer) delete out.footer;
  if (excess > 0 && out.author) delete out.author;
  excess = embedLength(out) - budget;
  if (excess > 0 && out.title) out.title = truncate(out.title, Math.max(0, out.title.length - excess));
  return out;
}

/**
 * Fits several embeds into one message: at most ten, sharing the 6000 total in order, so earlier
 * embeds keep their text and later ones shrink or are left out.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const out: APIEmbed[] = [];
  let left: number = Limits.embedTotal;
  for (const embed of embeds.slice(0, Limits.embedsPerMessage)) {
    if (left <= 0) break;
    const fitted = fitEmbed(embed, left);
    out.push(fitted);
    left -= embedLength(fitted);
  }
  return out;
}

function fitField(field: APIEmbedField): APIEmbedField {
  // Discord rejects empty names and values, so an emptied one becomes a zero-width space.
  return {
    ...field,
    name: truncate(field.name, Limits.embedFieldName) || '\u200b',
    value: truncate(field.value, Limits.embedFieldValue) || '\u200b',
  };
}
