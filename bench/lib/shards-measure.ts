import { readFileSync } from 'node:fs';
import { startDiscordSimulator } from '../../harness/discord-simulator/index.js';
import { httpGetText } from '../../harness/http-get.js';
import { parsePrometheus, sampleValue } from '../../harness/prometheus-text.js';
import { callbacksOf, sendAsks, shardedGuilds, type PlannedAsk } from '../../harness/shard-traffic.js';
import { startSupervisorProcess, type SupervisorProcess } from '../../harness/supervisor-process.js';
import type { BenchModel } from './bench-models.js';
import { median } from './stats.js';

/** One shard count's figures: medians over the rounds of one run. */
export interface ShardRun {
  shards: number;
  asks: number;
  rounds: number;
  /** Answers per second of the whole bot (every shard process of the machine). */
  answersPerSecond: number;
  /** The same divided by the shard processes: what one process delivers when the machine is shared. */
  perShardPerSecond: number;
  /** Resident memory of each shard process, MB: ready and idle, and after the rounds of asks. */
  rssIdleMb: number;
  rssLoadedMb: number;
  /** The supervisor process itself, MB (Linux /proc; null elsewhere). */
  supervisorRssMb: number | null;
}

const GUILDS = 40;
const IN_FLIGHT = 16;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function shardRss(host: SupervisorProcess, shards: number): Promise<number[]> {
  const out: number[] = [];
  for (let id = 0; id < shards; id++) {
    const metrics = parsePrometheus(await httpGetText(`http://127.0.0.1:${host.healthPort + id}/metrics`));
    out.push(mb(sampleValue(metrics, 'casefile_process_resident_memory_bytes') ?? NaN));
  }
  return out;
}

function processRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Runs the built supervisor (`dist/scripts/supervisor.js`, as `npm run start:sharded` does) with
 * `shards` shard processes on this machine against the local Discord simulator, warms every guild
 * up, then sends `asks` /ask over 40 guilds, `IN_FLIGHT` at a time, `rounds` times. Throws unless
 * every ask is answered exactly once: a throughput of lost answers would mean nothing.
 */
export async function measureShards(
  model: BenchModel,
  shards: number,
  o: { asks: number; rounds: number; log(message: string): void },
): Promise<ShardRun> {
  const guilds = shardedGuilds(GUILDS, shards);
  const sim = await startDiscordSimulator({ shards, guilds, interactionDeadlineMs: Infinity });
  const env = { MODELS_DIR: model.modelsDir, MODEL_ID: model.modelId, SHARD_COUNT: String(shards) };
  const host = await startSupervisorProcess(sim, { built: true, env });
  try {
    await host.waitForLog('all shards ready', {}, { timeoutMs: 15 * 60_000 });
    const plan = (n: number, offset: number): PlannedAsk[] =>
      [...Array(n).keys()].map((i) => ({
        guild: guilds[i % GUILDS]!,
        shard: i % shards,
        user: offset + i,
        question: QUESTIONS[i % QUESTIONS.length]!,
      }));
    await sendAsks(sim, plan(GUILDS, 0), IN_FLIGHT);
    const rssIdle = await shardRss(host, shards);
    const rates: number[] = [];
    for (let round = 1; round <= o.rounds; round++) {
      sim.clearRecords(); // delivery checks scan the frame log: keep it to this round
      o.log(`${shards} shard(s): round ${round}/${o.rounds}: ${o.asks} asks, ${IN_FLIGHT} in flight`);
      const started = performance.now();
      const sent = await sendAsks(sim, plan(o.asks, round * 10_000), IN_FLIGHT);
      const seconds = (performance.now() - started) / 1000;
      const bad = sent.filter((a) => !a.delivered || callbacksOf(a) !== 1);
      if (bad.length) throw new Error(`${bad.length} of ${o.asks} asks not answered exactly once with ${shards} shard(s)`);
      rates.push(o.asks / seconds);
    }
    const rssLoaded = await shardRss(host, shards);
    const answersPerSecond = Math.round(median(rates) * 10) / 10;
    return {
      shards,
      asks: o.asks,
      rounds: o.rounds,
      answersPerSecond,
      perShardPerSecond: Math.round((answersPerSecond / shards) * 10) / 10,
      rssIdleMb: median(rssIdle),
      rssLoadedMb: median(rssLoaded),
      supervisorRssMb: processRssMb(host.run.child.pid),
    };
  } finally {
    host.run.child.kill('SIGTERM');
    await host.run.done;
    await host.dispose();
    await sim.close();
  }
}

const QUESTIONS = [
  'How long did the Iranian diplomats have to leave?',
  'Who did Albania blame for the attack?',
  'When did the attack happen?',
  'What did Edi Rama say?',
  'Did NATO respond to the cyberattack?',
];
