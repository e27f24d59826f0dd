import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commands } from '../commands/index.js';
import { loadBotConfig } from '../src/config.js';
import { redact } from '../src/logger.js';
import { isMain } from './lib/run-main.js';

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

if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(`deploy-commands failed: ${redact(text, [process.env.DISCORD_TOKEN ?? ''])}\n`);
    process.exitCode = 1;
  });
}
