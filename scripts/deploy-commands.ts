import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commands } from '../commands/index.js';
import { loadBotConfig } from '../src/config.js';
import { redact } from '../src/logger.js';
import { ConfigError } from '../src/errors.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

/** What was registered, where. */
export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  commands: Array<{ name: string; type: number }>;
}

/**
 * `npm run deploy-commands`: registers every command in `commands/index.ts` with Discord, replacing
 * the previous set: in `DISCORD_GUILD_ID` when set (instant, for one server), otherwise globally
 * (every server the bot is in). Prints what it registered; never the token.
 */
export async function main(
  env?: NodeJS.ProcessEnv,
  print: (line: string) => void = (l) => process.stdout.write(l + '\n'),
): Promise<DeployResult> {
  const config = loadBotConfig(env);
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN);
  const body = commands.map((c) => c.data.toJSON());
  const guildId = config.DISCORD_GUILD_ID;
  const route = guildId
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, guildId)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);

  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  const result: DeployResult = {
    scope: guildId ? 'guild' : 'global',
    ...(guildId ? { guildId } : {}),
    commands: registered.map((c) => ({ name: c.name, type: c.type })),
  };
  print(
    guildId
      ? `Registered ${registered.length} commands in guild ${guildId}:`
      : `Registered ${registered.length} global commands (they can take up to an hour to appear):`,
  );
  for (const c of registered) print(`  ${c.type === 1 ? `/${c.name}` : `${c.name} (message menu)`}  id ${c.id}`);
  return result;
}

const USAGE = `Usage: npm run deploy-commands [-- --help]
Registers every command with Discord, replacing the previous set: in DISCORD_GUILD_ID when set
(instant), otherwise globally (up to an hour). Needs DISCORD_TOKEN and DISCORD_CLIENT_ID in .env.`;

/** The script's entry point: `--help`, or {@link main} with the token kept out of any failure message. */
export async function cli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  if (!parseCommandLine(argv, { usage: USAGE, options: {} })) return;
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(`deploy-commands failed: ${redact(text, [process.env.DISCORD_TOKEN ?? ''])}`);
  }
}

if (isMain(import.meta.url)) runMain(cli);
