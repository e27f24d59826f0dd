import { readFile } from 'node:fs/promises';
import { startBotProcess, type BotProcess } from '../harness/bot-process.js';
import {
  buttonInteraction,
  chatInputInteraction,
  DEFAULT_IDS,
  startDiscordSimulator,
  type DiscordSimulator,
} from '../harness/discord-simulator/index.js';
import { finalReply } from '../harness/interaction-reply.js';
import { parsePrometheus, sampleValue } from '../harness/prometheus-text.js';
import { isMain, runMain } from './lib/run-main.js';
import { parseSoakArgs, type SoakOptions } from './soak/options.js';
import { formatSummary, mb, percentile, slopeMbPer1000, type MemorySample, type SoakSummary } from './soak/summary.js';
import { httpGetText } from '../harness/http-get.js';

/**
 * `npm run soak`: the real bot process (`scripts/bot.ts`) answers thousands of `/ask`s from the
 * local Discord simulator while its memory is read from its own /metrics endpoint. Memory is
 * sampled with no ask in flight, after a warm-up, then every `--sample-every` asks; the verdict
 * compares the end with the warmed-up baseline. The bot keeps up to 5,000 recent answers for their
 * buttons by design, so part of any growth is that bounded cache filling up.
 */

/** The median of three readings: one reading can catch the heap mid-collection. */
async function sampleMemory(healthUrl: string, asks: number): Promise<MemorySample> {
  const readings: Array<{ rss: number; heap: number }> = [];
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const samples = parsePrometheus(await httpGetText(`${healthUrl}/metrics`, 10_000));
    readings.push({
      rss: sampleValue(samples, 'casefile_process_resident_memory_bytes') ?? NaN,
      heap: sampleValue(samples, 'casefile_nodejs_heap_size_used_bytes') ?? NaN,
    });
  }
  readings.sort((a, b) => a.rss - b.rss);
  return { asks, rssBytes: readings[1]!.rss, heapUsedBytes: readings[1]!.heap };
}

async function questionPool(): Promise<string[]> {
  const q = JSON.parse(await readFile(new URL('../test/fixtures/questions.json', import.meta.url), 'utf8')) as {
    answerable: Array<{ question: string }>;
    offTopic: Array<{ question: string } | string>;
  };
  return [...q.answerable.map((x) => x.question), ...q.offTopic.map((x) => (typeof x === 'string' ? x : x.question))];
}

const userId = (n: number) => (BigInt(DEFAULT_IDS.user) + 1000n + BigInt(n)).toString();

interface Tally {
  answered: number;
  notCovered: number;
  failed: number;
  initial: number[];
  answer: number[];
}

/** Runs asks `from`..`to` with `concurrency` in flight; every 10th answered one also gets a 👍. */
async function runAsks(sim: DiscordSimulator, o: SoakOptions, pool: string[], from: number, to: number, tally: Tally): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next < to) {
      const i = next++;
      const user = { id: userId(i % o.users), username: `soak${i % o.users}` };
      const handle = sim.dispatchInteraction(chatInputInteraction({ user, name: 'ask', options: { question: pool[i % pool.length]! } }));
      try {
        const reply = await finalReply(handle, 15_000);
        if (reply.callback.status >= 300) throw new Error(`callback ${reply.callback.status}`);
        tally.initial.push(reply.callback.receivedAt - handle.dispatchedAt);
        tally.answer.push(reply.messages.at(-1)!.receivedAt - handle.dispatchedAt);
        const vote = reply.message.components?.[0]?.components.find((c) => c.custom_id?.startsWith('ask:vote:up:'))?.custom_id;
        if (vote) tally.answered++;
        else tally.notCovered++;
        if (vote && i % 10 === 0) await finalReply(sim.dispatchInteraction(buttonInteraction({ user, customId: vote })), 15_000);
      } catch {
        tally.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
}

/** Runs the soak and sets the exit code from its verdict; undefined for `--help`. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<SoakSummary | undefined> {
  const o = parseSoakArgs(argv);
  if (!o) return undefined;
  const pool = await questionPool();
  const sim = await startDiscordSimulator();
  let bot: BotProcess | undefined;
  try {
    const env: Record<string, string> = {
      LOG_LEVEL: 'info',
      ...(o.modelsDir ? { MODELS_DIR: o.modelsDir } : {}),
      ...(o.modelId ? { MODEL_ID: o.modelId } : {}),
    };
    bot = await startBotProcess(sim, { health: true, env, timeoutMs: 6 * 3600_000 });
    const healthUrl = bot.healthUrl!;
    const tally: Tally = { answered: 0, notCovered: 0, failed: 0, initial: [], answer: [] };
    const samples: MemorySample[] = [];
    const started = performance.now();
    const boundaries = [o.warmup];
    while (boundaries.at(-1)! < o.asks) boundaries.push(Math.min(o.asks, boundaries.at(-1)! + o.sampleEvery));
    let done = 0;
    for (const boundary of boundaries) {
      await runAsks(sim, o, pool, done, boundary, tally);
      done = boundary;
      // The simulator's own records are not the bot's memory, but would slow its lookups.
      sim.clearRecords();
      samples.push(await sampleMemory(healthUrl, done));
      process.stderr.write(
        `  ${done}/${o.asks} asks · RSS ${mb(samples.at(-1)!.rssBytes)} MB · heap ${mb(samples.at(-1)!.heapUsedBytes)} MB\n`,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const base = samples[0]!;
    const end = samples.at(-1)!;
    const summary: SoakSummary = {
      asks: o.asks,
      seconds,
      answered: tally.answered,
      notCovered: tally.notCovered,
      failed: tally.failed,
      latencyMs: {
        initialMedian: percentile(tally.initial, 0.5),
        initialP95: percentile(tally.initial, 0.95),
        answerMedian: percentile(tally.answer, 0.5),
        answerP95: percentile(tally.answer, 0.95),
        answerMax: percentile(tally.answer, 1),
      },
      rss: {
        warmupMb: mb(base.rssBytes),
        endMb: mb(end.rssBytes),
        maxMb: mb(Math.max(...samples.map((s) => s.rssBytes))),
        ratio: end.rssBytes / base.rssBytes,
        slopeMbPer1000: slopeMbPer1000(samples),
      },
      heapUsed: { warmupMb: mb(base.heapUsedBytes), endMb: mb(end.heapUsedBytes) },
      samples,
    };
    process.stdout.write(formatSummary(summary) + '\n');
    if (summary.failed > 0 || summary.rss.ratio > o.maxGrowth) {
      process.stderr.write(
        `soak FAILED: ${summary.failed} failed asks; RSS end/warm-up ${summary.rss.ratio.toFixed(3)} (limit ${o.maxGrowth})\n`,
      );
      process.exitCode = 1;
    }
    bot.run.child.kill('SIGTERM');
    const exit = await bot.run.done;
    if (exit.code !== 0) {
      process.stderr.write(`bot exited with ${exit.code ?? exit.signal} on SIGTERM\n`);
      process.exitCode = 1;
    }
    return summary;
  } finally {
    await bot?.dispose();
    await sim.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
