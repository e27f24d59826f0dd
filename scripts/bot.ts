import { commands } from '../commands/index.js';
import { runBot } from '../src/bot/main.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const USAGE = `Usage: npm start [-- --help]
Runs the Discord bot with every command in commands/index.ts until SIGINT or SIGTERM, then finishes
the answers in progress. Settings come from .env (see .env.example); DISCORD_TOKEN and
DISCORD_CLIENT_ID are required. Register the commands first with npm run deploy-commands.`;

/**
 * `npm start`: the Discord bot serving every command in `commands/index.ts`. It lives here, not in
 * src/bot, because src/ never imports commands/: the command list is handed to the bot. Returns
 * at once for `--help`; otherwise the bot runs until a signal stops the process.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  if (!parseCommandLine(argv, { usage: USAGE, options: {} })) return;
  runBot(commands);
}

if (isMain(import.meta.url)) runMain(main);
