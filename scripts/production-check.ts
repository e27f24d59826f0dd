import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../harness/bot-process.js';
import { chatInputInteraction, startDiscordSimulator } from '../harness/discord-simulator/index.js';
import { finalReply } from '../harness/interaction-reply.js';
import { PROJECT_DIR } from '../harness/spawn-script.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../harness/tiny-model.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';
import { readmeBlock } from './production/readme-block.js';
import { runLine, signalGroup, waitForOutput } from './production/run-line.js';

const HELP = `Usage: npm run production-check -- [--keep]

Carries out the README's "Running in production" commands word for word in a fresh
clone of this checkout's HEAD (uncommitted changes are not in it): install without dev
dependencies, build, register the commands, start, all against a local Discord
simulator; then checks the health probe, asks one question, and stops the bot with
SIGTERM, which must exit 0. --keep leaves the clone in place.`;

const QUESTION = 'How long did the Iranian diplomats have to leave?';

/** `npm run production-check` (and `.ci/run`): proves the README's production path end to end. */
export async function main(argv = process.argv.slice(2), print = (l: string) => process.stdout.write(l + '\n')): Promise<void> {
  const parsed = parseCommandLine(argv, { usage: HELP, options: { keep: { type: 'boolean' } } });
  if (!parsed) return;
  const { values } = parsed;
  const readme = await readFile(path.join(PROJECT_DIR, 'README.md'), 'utf8');
  const steps = readmeBlock(readme, 'production-path');
  const probe = readmeBlock(readme, 'production-health');
  const { scripts } = JSON.parse(await readFile(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  // Supervisors run the README's last line; people type npm start. They must be the same command.
  if (scripts.start !== steps.at(-1)!.line)
    throw new Error(`npm start is "${scripts.start}", the README's start line "${steps.at(-1)!.line}"`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-production-'));
  const clone = path.join(work, 'casefile');
  const sim = await startDiscordSimulator();
  try {
    print(`== fresh clone of HEAD in ${clone}`);
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', PROJECT_DIR, clone], { stdio: 'inherit' });
    // What an operator puts in .env; variables set here win over the copied .env.example.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: sim.token,
      DISCORD_CLIENT_ID: sim.applicationId,
      DISCORD_GUILD_ID: sim.guild.id,
      DISCORD_API_BASE: sim.apiBase,
      MODELS_DIR: TINY_MODEL_ROOT, // no internet here: the test model stands in for the real one
      MODEL_ID: TINY_MODEL_ID,
      MODEL_DOWNLOAD: 'false',
      HEALTH_PORT: String(await freePort()),
      LOG_FORMAT: 'json',
    };
    for (const step of steps.slice(0, -1)) {
      print(`== README line ${step.readmeLine}: ${step.line}`);
      const code = await runLine(step.line, clone, env, print).done;
      if (code !== 0) throw new Error(`"${step.line}" exited ${code}`);
    }
    if (existsSync(path.join(clone, 'node_modules', 'jest'))) throw new Error('dev dependencies were installed (node_modules/jest exists)');
    const registered = sim.commands.guild(sim.guild.id).map((c) => c.name);
    if (!registered.includes('ask')) throw new Error(`deploy-commands did not register /ask (got ${registered.join(', ')})`);

    const start = steps.at(-1)!;
    print(`== README line ${start.readmeLine}: ${start.line}`);
    const started = performance.now();
    const bot = runLine(start.line, clone, env, print, true);
    try {
      await waitForOutput(bot, /"msg":"bot ready"/, 60_000);
      print(`== ready ${Math.round(performance.now() - started)} ms after "${start.line}" was spawned`);
      for (const step of probe) {
        print(`== README line ${step.readmeLine}: ${step.line}`);
        const code = await runLine(step.line, clone, env, print).done;
        if (code !== 0) throw new Error(`"${step.line}" exited ${code}`);
      }
      const reply = await finalReply(
        sim.dispatchInteraction(chatInputInteraction({ name: 'ask', options: { question: QUESTION } })),
        30_000,
      );
      const text = JSON.stringify(reply.message.embeds ?? []);
      if (!text.includes('24 hours')) throw new Error(`the answer lacks the "24 hours" quote: ${text.slice(0, 500)}`);
      print('== /ask answered with the "24 hours" quote; stopping with SIGTERM');
      signalGroup(bot, 'SIGTERM');
      const code = await bot.done;
      if (code !== 0 || !/"msg":"bot stopped"/.test(bot.output())) throw new Error(`the bot did not stop cleanly (exit ${code})`);
      print('== production path OK: stopped cleanly, exit 0');
    } finally {
      signalGroup(bot, 'SIGKILL');
    }
  } finally {
    await sim.close();
    if (values.keep) print(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) runMain(() => main());
