import { Client } from 'discord.js';
import { commands } from '../../../commands/index.js';
import { commandNames } from '../../../src/bot/command.js';
import { silentLogger } from '../../../src/logger.js';
import { createOps } from '../../../src/ops/ops.js';
import type { IndexStatus } from '../../../src/types.js';
import { freePort } from '../../../harness/bot-process.js';
import { parsePrometheus, sampleValue } from '../../../harness/prometheus-text.js';
import { httpRequest } from '../../../harness/http-get.js';

const STATUS: IndexStatus = {
  model: 'casefile/tiny-bert',
  mode: 'hybrid',
  builtAt: new Date().toISOString(),
  passages: 7,
  dimensions: 32,
  articles: [],
  skipped: [],
};
const engine = { current: () => ({ status: () => STATUS }) };

describe('createOps', () => {
  it('keeps the health endpoint off unless HEALTH_PORT is set, while still counting', async () => {
    const ops = createOps({ HEALTH_PORT: undefined }, silentLogger, commandNames(commands));
    const client = new Client({ intents: [] });
    expect(await ops.serve(client, engine)).toBeUndefined();
    ops.logger.info('interaction', { kind: 'command', command: 'ask', outcome: 'ok', answered: true, latencyMs: 12 });
    const samples = parsePrometheus(await ops.metrics.text());
    expect(sampleValue(samples, 'casefile_questions_total', { outcome: 'answered', command: 'ask' })).toBe(1);
    expect(sampleValue(samples, 'casefile_index_passages')).toBe(7);
    await ops.close();
    await client.destroy();
  });

  it('serves /healthz and /metrics on 127.0.0.1:HEALTH_PORT when set', async () => {
    const port = await freePort();
    const ops = createOps({ HEALTH_PORT: port }, silentLogger, commandNames(commands));
    const client = new Client({ intents: [] });
    const server = await ops.serve(client, engine);
    expect(server?.url).toBe(`http://127.0.0.1:${port}`);
    const health = await httpRequest(`${server!.url}/healthz`);
    // Not logged in: not ready, but the index part is there.
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ ready: false, index: { mode: 'hybrid', passages: 7 }, gateway: { status: 'Idle' } });
    expect((await httpRequest(`${server!.url}/metrics`)).body).toContain('casefile_process_resident_memory_bytes');
    await ops.close();
    await client.destroy();
  });
});
