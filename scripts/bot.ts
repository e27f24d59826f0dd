import { commands } from '../commands/index.js';
import { runBot } from '../src/bot/main.js';
import { isMain } from './lib/run-main.js';

/**
 * `npm start`: the Discord bot serving every command in `commands/index.ts`. It lives here, not in
 * src/bot, because src/ never imports commands/: the command list is handed to the bot.
 */
if (isMain(import.meta.url)) runBot(commands);
