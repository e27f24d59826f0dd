import { readFileSync } from 'node:fs';
import { chatInputInteraction, startDiscordSimulator, type DiscordSimulator } from '../../harness/discord-simulator/index.js';
import { guildFixture } from '../../harness/discord-simulator/fixtures.js';
import { shardForGuild } from '../../harness/discord-simulator/sharding.js';
import { httpRequest } from '../../harness/http-get.js';
import { finalReply, visibleText } from '../../harness/interaction-reply.js';
import { spawnScript } from '../../harness/spawn-script.js';
import { startSupervisorProcess, type SupervisorProcess } from '../../harness/supervisor-process.js';

/** Four guilds, two on each of two shards ((id >> 22) % 2). */
const GUILDS = [1, 2, 3, 4].map((n) => guildFixture({ id: String((1_700_000_000_000n + BigInt(n)) << 22n), name: `g${n}` }));
const onShard = (id: number) => GUILDS.find((g) => shardForGuild(g.id, 2) === id)!;
const identifies = (sim: DiscordSimulator, shardId: number) =>
  sim.gateway.frames.items.filter((f) => f.direction === 'received' && f.op === 2 && (f.d as { shard?: number[] }).shard?.[0] === shardId);
/** Whether `pid` runs; a zombie (exited, not yet reaped: an orphan's new parent may never reap it) does not. */
const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

/** Resolves once `pid` has exited (an orphan is reaped by init a moment after it closes its output). */
async function gone(pid: number, timeoutMs = 30_000) {
  for (const until = Date.now() + timeoutMs; alive(pid);) {
    if (Date.now() > until) throw new Error(`process ${pid} still running`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function ask(sim: DiscordSimulator, shardId: number, question = 'How long did the Iranian diplomats have to leave?') {
  const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask', options: { question }, guild: onShard(shardId) }));
  return visibleText((await finalReply(handle, 60_000)).message);
}

test('--help prints the usage and starts nothing', async () => {
  const result = await spawnScript('scripts/supervisor.ts', {}, { args: ['--help'] }).done;
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Usage: npm run start:sharded/);
  expect(result.stdout).toContain('SHARD_IDS');
});

test('a shard id outside SHARD_COUNT is a configuration error naming the keys, before any shard starts', async () => {
  const sim = await startDiscordSimulator();
  const env = { DISCORD_TOKEN: sim.token, DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_BASE: sim.apiBase };
  const result = await spawnScript('scripts/supervisor.ts', { ...env, SHARD_COUNT: '2', SHARD_IDS: '0,2' }).done;
  await sim.close();
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('SHARD_IDS names shard 2, but there are 2 shards');
  expect(result.stdout + result.stderr).not.toContain(sim.token);
  expect(sim.gateway.frames.items).toHaveLength(0);
});

describe('the supervisor runs one process per shard (real ShardingManager, real processes)', () => {
  let sim: DiscordSimulator;
  let host: SupervisorProcess;
  beforeAll(async () => {
    sim = await startDiscordSimulator({ shards: 2, guilds: GUILDS });
    host = await startSupervisorProcess(sim); // SHARD_COUNT unset: auto
    await host.waitForLog('all shards ready');
  }, 180_000);
  afterAll(async () => {
    await host?.dispose();
    await sim?.close();
  });

  test('SHARD_COUNT auto asks the configured API for GET /gateway/bot and spawns its 2 shards', async () => {
    expect(sim.requestsTo('gatewayBot').length).toBeGreaterThan(0);
    expect(host.logs('starting shards')[0]).toMatchObject({ totalShards: 2, shardIds: [0, 1], source: 'GET /gateway/bot' });
    expect(sim.gateway.shards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(host.shardPid(0)).not.toBe(host.shardPid(1));
    // Each shard's lines name it: the processes of one machine share one log.
    // (Waited for: a shard reports ready over IPC a moment before its own log line reaches the pipe.)
    for (const shard of [0, 1]) await host.waitForLog('bot ready', { shard });
  });

  test('each shard serves /healthz on HEALTH_PORT + its id, and answers its own guilds', async () => {
    for (const id of [0, 1]) {
      expect((await httpRequest(`http://127.0.0.1:${host.healthPort + id}/healthz`)).status).toBe(200);
      expect(await ask(sim, id)).toContain('24 hours');
    }
    // The probe a supervisor's health check runs: every shard of the machine, or it fails.
    const probe = (shards: string) =>
      spawnScript('scripts/healthcheck.ts', { HEALTH_PORT: String(host.healthPort) }, { args: ['--shards', shards] }).done;
    const ok = await probe('0,1');
    expect([ok.code, ok.stdout.match(/^healthcheck shard \d: 200/gm)]).toEqual([
      0,
      ['healthcheck shard 0: 200', 'healthcheck shard 1: 200'],
    ]);
    expect((await probe('0,1,2')).code).toBe(1); // no shard 2 here
  }, 120_000);

  test('a SIGKILLed shard is respawned, counted, reconnects and answers again', async () => {
    const victim = host.shardPid(1);
    process.kill(victim, 'SIGKILL');
    // Its first death after a healthy run: back at once.
    expect(await host.waitForLog('shard process died', { shardId: 1 })).toMatchObject({
      signal: 'SIGKILL',
      respawning: true,
      respawnInMs: 0,
    });
    expect(await host.waitForLog('shard respawned', { shardId: 1 })).toMatchObject({ respawns: 1 });
    await host.waitForLog('shard ready', { shardId: 1, respawns: 1 });
    expect(identifies(sim, 1)).toHaveLength(2);
    expect(host.shardPid(1)).not.toBe(victim);
    expect(await ask(sim, 1)).toContain('24 hours');
    expect(identifies(sim, 0)).toHaveLength(1); // the other shard never noticed
  }, 180_000);

  test('a shard that dies again soon after its respawn waits before the next one, longer each time', async () => {
    for (const [respawns, respawnInMs] of [
      [2, 1_000],
      [3, 2_000],
    ] as const) {
      const victim = host.shardPid(1);
      process.kill(victim, 'SIGKILL');
      expect(await host.waitForLog('shard process died', { shardId: 1, pid: victim })).toMatchObject({ respawnInMs });
      await host.waitForLog('shard ready', { shardId: 1, respawns });
    }
    expect(await ask(sim, 1)).toContain('24 hours');
    expect(identifies(sim, 0)).toHaveLength(1);
  }, 240_000);

  test('SIGTERM stops every shard cleanly and exits 0; the token is never printed', async () => {
    const pids = [host.shardPid(0), host.shardPid(1)];
    host.run.child.kill('SIGTERM');
    const result = await host.run.done;
    expect(result.code).toBe(0);
    expect(host.logs('shard stopped').map((r) => [r.shardId, r.code])).toEqual(
      expect.arrayContaining([
        [0, 0],
        [1, 0],
      ]),
    );
    expect(host.logs('shard process died').map((r) => r.signal)).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL']); // only the kills above
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(result.stdout + result.stderr).not.toContain(sim.token);
  }, 120_000);

  test('SHARD_IDS runs a subset; shards whose supervisor is SIGKILLed stop by themselves', async () => {
    const before = [identifies(sim, 0).length, identifies(sim, 1).length];
    const subset = await startSupervisorProcess(sim, { env: { SHARD_COUNT: '2', SHARD_IDS: '1' }, root: host.root });
    try {
      await subset.waitForLog('all shards ready');
      expect(subset.logs('shard spawned').map((r) => r.shardId)).toEqual([1]);
      expect([identifies(sim, 0).length, identifies(sim, 1).length]).toEqual([before[0], before[1]! + 1]);
      const shard = subset.shardPid(1);
      subset.run.child.kill('SIGKILL');
      // The shard holds the supervisor's stderr open: the run ends only once the orphan has exited.
      await subset.run.done;
      expect(subset.logs('shutting down: finishing answers in progress', { shard: 1 })[0]).toMatchObject({ signal: 'supervisor gone' });
      await gone(shard);
    } finally {
      await subset.dispose();
    }
  }, 180_000);
});
