import ask from './ask.js';
import checkAgainstSources from './check-against-sources.js';
import type { Command } from '../src/bot/command.js';
import help from './help.js';
import insights from './insights.js';
import sources from './sources.js';

/** Every command the bot serves and the deploy script registers, in the order Discord lists them. */
export const commands: readonly Command[] = [ask, sources, insights, help, checkAgainstSources];
