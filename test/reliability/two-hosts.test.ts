import { buttonInteraction, startDiscordSimulator, type DiscordSimulator } from '../../harness/discord-simulator/index.js';
import { finalReply, visibleText } from '../../harness/interaction-reply.js';
import { otherUser } from '../../harness/other-user.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../harness/postgres.js';
import { spawnScript } from '../../harness/spawn-script.js';
import {
  buttonIds,
  callbacksOf,
  dispatchAsk,
  replyText,
  sendAsks,
  shardedGuilds,
  type PlannedAsk,
  type SentAsk,
  waitForDisconnect,
} from '../../harness/shard-traffic.js';
import { startSupervisorProcess, type SupervisorProcess } from '../../harness/supervisor-process.js';

/**
 * Issue 13's proof: one bot on two "machines" (two supervisors, each with its own folder, running 2
 * of 4 shards) sharing one PostgreSQL. 400 /ask across 40 guilds; shard 3 is SIGKILLed mid-way.
 */
const SHARDS = 4;
const VICTIM = 3; // on host B
const GUILDS = shardedGuilds(40, SHARDS);
const VICTIM_GUILDS = GUILDS.filter((_, n) => n % SHARDS === VICTIM);
const OTHER_GUILDS = GUILDS.filter((_, n) => n % SHARDS !== VICTIM);
// A name no article mentions, per shard, so the question log shows which shards' questions it holds.
const MARKERS = ['Kestrel', 'Osprey', 'Heron', 'Plover'];
const ANSWERABLE = [
  'How long did the Iranian diplomats have to leave?',
  'Who did Albania blame for the attack?',
  'When did the attack happen?',
];

const plan = (from: number, to: number, guilds = GUILDS): PlannedAsk[] =>
  [...Array(to - from).keys()].map((k) => {
    const i = from + k;
    const guild = guilds[i % guilds.length]!;
    const shard = GUILDS.indexOf(guild) % SHARDS;
    // One ask in ten names the marker of its shard (i = 36…39 of every 40 spread over all four shards).
    const question = Math.floor(i / 4) % 10 === 9 ? `What did ${MARKERS[shard]} say about the attack?` : ANSWERABLE[i % ANSWERABLE.length]!;
    return { guild, shard, user: 1000 + i, question };
  });

const run = postgresAvailable('the two-host sharding test') ? describe : describe.skip;

run('two machines, one bot: 4 shards on two supervisors sharing PostgreSQL', () => {
  let pg: TestPostgres;
  let sim: DiscordSimulator;
  let hostA: SupervisorProcess;
  let hostB: SupervisorProcess;
  let databaseUrl: string;
  const asks: SentAsk[] = [];
  beforeAll(async () => {
    pg = await startPostgres();
    databaseUrl = await pg.createDatabase();
    // No 3 s deadline here: this test is about delivery and shared state; the load test covers latency.
    sim = await startDiscordSimulator({ shards: SHARDS, guilds: GUILDS, interactionDeadlineMs: Infinity });
    const env = { DATABASE_URL: databaseUrl, ASK_COOLDOWN_SECONDS: '600' };
    hostA = await startSupervisorProcess(sim, { env: { ...env, SHARD_IDS: '0,1' } }); // SHARD_COUNT auto
    hostB = await startSupervisorProcess(sim, { env: { ...env, SHARD_COUNT: '4', SHARD_IDS: '2,3' } });
    await Promise.all([
      hostA.waitForLog('all shards ready', {}, { timeoutMs: 300_000 }),
      hostB.waitForLog('all shards ready', {}, { timeoutMs: 300_000 }),
    ]);
  }, 400_000);
  afterAll(async () => {
    await hostA?.dispose();
    await hostB?.dispose();
    await sim?.close();
    await pg?.stop();
  });

  test('400 asks with shard 3 SIGKILLed in the middle: respawned, reconnected, every delivered ask answered exactly once', async () => {
    expect(sim.gateway.shards).toEqual([0, 1, 2, 3].map((id) => [id, SHARDS]));
    asks.push(...(await sendAsks(sim, plan(0, 200))));
    // The kill lands while the other shards have asks in flight; shard 3 has none (all its asks so
    // far are answered), so nothing it was given dies with it.
    const others = sendAsks(sim, plan(200, 220, OTHER_GUILDS));
    const victim = hostB.shardPid(VICTIM);
    const connected = sim.gateway.openConnections;
    process.kill(victim, 'SIGKILL');
    await waitForDisconnect(sim, connected);
    // Shard 3 is down now: these are not delivered (its session has no socket).
    const down = plan(220, 224, VICTIM_GUILDS).map((a) => dispatchAsk(sim, a));
    asks.push(...down, ...(await others), ...(await sendAsks(sim, plan(224, 400))));
    expect(asks).toHaveLength(400);

    expect(await hostB.waitForLog('shard respawned', { shardId: VICTIM })).toMatchObject({ respawns: 1 });
    const died = await hostB.waitForLog('shard process died', { shardId: VICTIM });
    const back = await hostB.waitForLog('shard ready', { shardId: VICTIM, respawns: 1 }, { timeoutMs: 300_000 });
    const respawnMs = Date.parse(String(back.time)) - Date.parse(String(died.time));
    expect(died).toMatchObject({ signal: 'SIGKILL', respawning: true });
    expect(hostB.shardPid(VICTIM)).not.toBe(victim);
    expect(hostA.logs('shard process died')).toHaveLength(0);
    // Neither machine's supervisor or shards print the database password or the token.
    for (const secret of [new URL(databaseUrl).password, sim.token])
      for (const host of [hostA, hostB]) expect(host.run.output()).not.toContain(secret);

    const delivered = asks.filter((a) => a.delivered);
    const undelivered = asks.filter((a) => !a.delivered);
    for (const a of delivered) expect([a.question, callbacksOf(a)]).toEqual([a.question, 1]);
    for (const a of delivered) expect(replyText(a)).not.toBe('');
    expect(undelivered.length).toBeGreaterThanOrEqual(down.length);
    for (const a of undelivered) expect([a.shard, callbacksOf(a)]).toEqual([VICTIM, 0]);
    for (const shard of [0, 1, 2, 3]) expect(delivered.filter((a) => a.shard === shard).length).toBeGreaterThan(40);
    process.stderr.write(
      `two hosts: ${delivered.length} of 400 asks delivered and answered once; ${undelivered.length} sent to shard 3 while it was down; death to ready again ${respawnMs} ms\n`,
    );

    // The respawned shard answers again, in every guild of its own.
    const again = await sendAsks(sim, plan(400, 410, VICTIM_GUILDS));
    for (const a of again) expect([a.delivered, callbacksOf(a), replyText(a) !== '']).toEqual([true, 1, true]);
  }, 600_000);

  test('buttons on answers given before the kill work afterwards, on their own shard and from the other machine', async () => {
    for (const shard of [0, 1, 2, 3]) {
      const before = asks.find((a) => a.shard === shard && buttonIds(a).some((id) => id.startsWith('ask:passages:')))!;
      const [passages, up] = ['ask:passages:', 'ask:vote:up:'].map((p) => buttonIds(before).find((id) => id.startsWith(p))!);
      const elsewhere = GUILDS[(shard + 2) % SHARDS]!; // a guild of the other machine
      for (const [n, guild] of [before.guild, elsewhere].entries()) {
        const press = (customId: string) =>
          sim.dispatchInteraction(buttonInteraction({ ...otherUser(5000 + shard * 2 + n), guild, customId }));
        expect(visibleText((await finalReply(press(passages!), 120_000)).message)).toMatch(/\[1\]/);
        expect(visibleText((await finalReply(press(up!), 120_000)).message)).toContain('is recorded');
      }
    }
  }, 300_000);

  test("a member's cooldown holds across shards and machines", async () => {
    const [first, second] = [GUILDS[0]!, GUILDS[VICTIM]!]; // shard 0 on host A, shard 3 on host B
    const ask = (guild: typeof first) => dispatchAsk(sim, { guild, shard: 0, user: 9000, question: ANSWERABLE[0]! });
    const answered = ask(first);
    expect(visibleText((await finalReply(answered.handle, 120_000)).message)).toContain('24 hours');
    const refused = ask(second);
    expect(visibleText((await finalReply(refused.handle, 120_000)).message)).toContain("You're asking a little fast");
  }, 300_000);

  test('npm run insights, on the same DATABASE_URL, sees the questions of all four shards', async () => {
    const result = await spawnScript(
      'scripts/insights.ts',
      { DATABASE_URL: databaseUrl, ARTICLES_DIR: hostA.root + '/articles', DATA_DIR: hostA.root + '/data' },
      { args: ['--days', '1', '--format', 'json'] },
    ).done;
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { unknownNames: Array<{ name: string; count: number }> };
    const markers = (shard: number) => asks.filter((a) => a.delivered && a.shard === shard && a.question.includes(MARKERS[shard]!)).length;
    for (const [shard, name] of MARKERS.entries()) {
      expect(markers(shard)).toBeGreaterThan(0);
      expect(report.unknownNames).toContainEqual(expect.objectContaining({ name, count: markers(shard) }));
    }
  }, 120_000);
});
