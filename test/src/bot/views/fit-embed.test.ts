import type { APIEmbed } from 'discord.js';
import { embedLength, fitEmbed, fitEmbeds } from '../../../../src/bot/views/fit-embed.js';
import { Limits } from '../../../../src/bot/views/limits.js';
import { ELLIPSIS } from '../../../../src/bot/views/truncate.js';
import { limitViolations } from '../../../helpers/discord-limits.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function oversized(): APIEmbed {
  return {
    title: words(100),
    description: words(1000),
    footer: { text: words(400) },
    author: { name: words(60) },
    fields: Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${words(60)}`, value: words(200) })),
  };
}

describe('fitEmbed', () => {
  test('leaves an embed that fits untouched', () => {
    const embed: APIEmbed = { title: 'Title', description: 'Some text', fields: [{ name: 'a', value: 'b' }] };
    expect(fitEmbed(embed)).toEqual(embed);
  });

  test('brings every part of an oversized embed within the limits, ending cut text with an ellipsis', () => {
    const fitted = fitEmbed(oversized());
    expect(limitViolations({ embeds: [fitted] })).toEqual([]);
    expect(fitted.title!.endsWith(ELLIPSIS)).toBe(true);
    expect(embedLength(fitted)).toBeLessThanOrEqual(Limits.embedTotal);
    expect(fitted.fields!.length).toBeLessThanOrEqual(Limits.embedFields);
  });

  test('fits a smaller budget by shortening the description before dropping fields', () => {
    const embed: APIEmbed = { title: 'T', description: words(300), fields: [{ name: 'keep', value: 'me' }] };
    const fitted = fitEmbed(embed, 500);
    expect(embedLength(fitted)).toBeLessThanOrEqual(500);
    expect(fitted.fields).toEqual([{ name: 'keep', value: 'me' }]);
    expect(fitted.description!.endsWith(ELLIPSIS)).toBe(true);
  });

  test('never sends an empty field name or value', () => {
    const fitted = fitEmbed({ fields: [{ name: '', value: '' }] });
    expect(fitted.fields![0]!.name.length).toBeGreaterThan(0);
    expect(fitted.fields![0]!.value.length).toBeGreaterThan(0);
  });
});

describe('fitEmbeds', () => {
  test('several embeds share the 6000 total and at most ten are kept', () => {
    const fitted = fitEmbeds(Array.from({ length: 12 }, oversized));
    expect(fitted.length).toBeLessThanOrEqual(Limits.embedsPerMessage);
    expect(limitViolations({ embeds: fitted })).toEqual([]);
  });
});
