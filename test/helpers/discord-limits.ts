import type { APIEmbed } from 'discord.js';
import { Limits } from '../../src/bot/views/limits.js';

/** Every way a message payload (as sent over REST, snake_case) breaks one of Discord's limits; empty when it is valid. */
export function limitViolations(payload: { content?: string | null; embeds?: APIEmbed[]; components?: readonly unknown[] }): string[] {
  const problems: string[] = [];
  if ((payload.content?.length ?? 0) > Limits.content) problems.push(`content is ${payload.content!.length}`);
  const embeds = payload.embeds ?? [];
  if (embeds.length > Limits.embedsPerMessage) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const check = (what: string, text: string | undefined, max: number) => {
      total += text?.length ?? 0;
      if ((text?.length ?? 0) > max) problems.push(`embed ${i} ${what} is ${text!.length} > ${max}`);
    };
    check('title', e.title, Limits.embedTitle);
    check('description', e.description, Limits.embedDescription);
    check('footer', e.footer?.text, Limits.embedFooter);
    check('author', e.author?.name, Limits.embedAuthorName);
    if ((e.fields?.length ?? 0) > Limits.embedFields) problems.push(`embed ${i} has ${e.fields!.length} fields`);
    for (const f of e.fields ?? []) {
      check('field name', f.name, Limits.embedFieldName);
      check('field value', f.value, Limits.embedFieldValue);
      if (!f.name || !f.value) problems.push(`embed ${i} has an empty field`);
    }
  }
  if (total > Limits.embedTotal) problems.push(`embeds total ${total} > ${Limits.embedTotal}`);
  type Row = { components?: Array<{ custom_id?: string; label?: string }> };
  for (const row of (payload.components ?? []) as Row[]) {
    for (const c of row.components ?? []) {
      if (c.custom_id !== undefined && c.custom_id.length > Limits.customId)
        problems.push(`custom_id ${c.custom_id} is ${c.custom_id.length}`);
      if (c.label !== undefined && c.label.length > Limits.buttonLabel) problems.push(`label is ${c.label.length}`);
    }
  }
  return problems;
}
