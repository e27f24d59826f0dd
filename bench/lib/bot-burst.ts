import { startBotProcess } from '../../harness/bot-process.js';
import { startDiscordSimulator } from '../../harness/discord-simulator/index.js';
import type { BenchModel } from './bench-models.js';
import { medianRun, summarizeRun, type RunSummary } from './concurrency-stats.js';
import { askOverDiscord, discordTimings, replyProblems } from './discord-burst.js';

/** The bot's figures for one model: all questions at once vs one at a time (median round). */
export interface BotMeasurement {
  concurrent: RunSummary;
  sequential: RunSummary;
  rounds: number;
  /** Every round's summaries, for the report. */
  all: Array<{ concurrent: RunSummary; sequential: RunSummary }>;
}

export interface BotBurstOptions {
  questions: readonly string[];
  rounds: number;
  /** Asks answered one at a time before timing: JIT, sockets and the model's first runs. */
  warmup: number;
  /**
   * How late the bot may defer before the simulator refuses the answer (10062); default Discord's
   * 3 s, so an ask a real server would lose makes the run throw. `Infinity` checks replies only.
   */
  interactionDeadlineMs?: number;
  log(message: string): void;
}

/**
 * Runs the real bot (`scripts/bot.ts`, its own process and event loop, as in production and the
 * load test) against the local Discord simulator with `model`, and times `/ask` for every
 * question, all at once and then one at a time, `rounds` times. Throws if any interaction is not
 * answered exactly once with the answer to its own question: figures from a bot that drops or
 * crosses answers would be meaningless.
 */
export async function measureBot(model: BenchModel, o: BotBurstOptions): Promise<BotMeasurement> {
  const sim = await startDiscordSimulator(o.interactionDeadlineMs === undefined ? {} : { interactionDeadlineMs: o.interactionDeadlineMs });
  try {
    const env = { MODELS_DIR: model.modelsDir, MODEL_ID: model.modelId, ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'info' };
    const bot = await startBotProcess(sim, { env, timeoutMs: 30 * 60_000 });
    try {
      const ready = await bot.waitForLog('engine ready');
      // In keyword mode the model would never run, and the figures would say nothing about its cost.
      if (ready.mode !== 'hybrid')
        throw new Error(`bot opened in ${String(ready.mode)} mode with ${model.modelId}: ${String(ready.modeReason ?? '')}`);
      const check = (asks: Awaited<ReturnType<typeof askOverDiscord>>, what: string) => {
        const problems = replyProblems(asks);
        if (problems.length) throw new Error(`${what}: ${problems.length} bad replies, e.g. ${problems.slice(0, 3).join('; ')}`);
        // The simulator's log only grows; later waits scan it, so keep it short between runs.
        sim.clearRecords();
      };
      check(await askOverDiscord(sim, o.questions.slice(0, o.warmup), 'sequential'), 'warm-up');
      const all: BotMeasurement['all'] = [];
      for (let round = 1; round <= o.rounds; round++) {
        o.log(`round ${round}/${o.rounds}: ${o.questions.length} asks at once`);
        const concurrent = await askOverDiscord(sim, o.questions, 'concurrent');
        check(concurrent, 'concurrent asks');
        o.log(`round ${round}/${o.rounds}: ${o.questions.length} asks one at a time`);
        const sequential = await askOverDiscord(sim, o.questions, 'sequential');
        check(sequential, 'sequential asks');
        all.push({ concurrent: summarizeRun(discordTimings(concurrent)), sequential: summarizeRun(discordTimings(sequential)) });
      }
      return {
        concurrent: medianRun(all.map((r) => r.concurrent)),
        sequential: medianRun(all.map((r) => r.sequential)),
        rounds: o.rounds,
        all,
      };
    } finally {
      await bot.dispose();
    }
  } finally {
    await sim.close();
  }
}
