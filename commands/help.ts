import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { fitEmbed } from '../src/bot/views/fit-embed.js';
import { respond } from '../src/bot/respond.js';
import { oneLine, safeText } from '../src/bot/views/safe-text.js';
import { truncate } from '../src/bot/views/truncate.js';
import type { Command, CommandContext } from '../src/bot/command.js';

/** `/help`: what the bot knows and how to ask it. */
export const data = new SlashCommandBuilder().setName('help').setDescription('What this bot knows and how to ask it');

const ABOUT =
  'I answer questions about **Albania cutting diplomatic ties with Iran** (7 September 2022) over the ' +
  '**cyberattack on Albanian government systems** (15 July 2022). I answer only with **verbatim quotes** ' +
  'from a small set of news articles, each with a numbered citation [n]. When the articles do not say ' +
  'something, I tell you so instead of guessing.';

const HOW_TO_ASK = [
  '`/ask question: Why did Albania cut ties with Iran?` answers in the channel.',
  'Add `private: True` to see the answer yourself only.',
  'Under an answer, **Show passages** shows the full text around each quote; 👍 / 👎 tell us whether it helped.',
  'To check a claim in a message: right-click it (or long-press) → **Apps** → **Check against sources**.',
].join('\n');

/** Replies ephemerally with what the bot knows, its articles, and how to ask. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const { articles } = ctx.engine.status();
  const list = articles.map((a) => `• ${safeText(oneLine(a.title))}${a.outlet ? ` (${safeText(a.outlet)})` : ''}`).join('\n');
  const embed = fitEmbed({
    color: 0x5865f2,
    title: 'About this bot',
    description: `${ABOUT}\n\n${safeText(ctx.engine.coverageHint())}`,
    fields: [
      { name: 'How to ask', value: HOW_TO_ASK },
      { name: `The articles (${articles.length})`, value: truncate(list, 1024) || 'No articles are indexed yet.' },
    ],
  });
  await respond(interaction, { embeds: [embed] }, { ephemeral: true });
}

export default { data, execute } satisfies Command;
