import { Client } from 'discord.js';
import { botHealth, indexHealth, type Health } from '../../../src/ops/health-status.js';
import { startHealthServer, type HealthServer } from '../../../src/ops/health-server.js';
import { BotMetrics } from '../../../src/ops/metrics.js';
import type { IndexStatus } from '../../../src/types.js';
import { parsePrometheus, sampleValue } from '../../../harness/prometheus-text.js';
import { httpRequest } from '../../../harness/http-get.js';

const STATUS: IndexStatus = {
  model: null,
  mode: 'keyword',
  modeReason: 'model files missing',
  builtAt: new Date(Date.now() - 3_600_000).toISOString(),
  passages: 12,
  dimensions: 0,
  articles: [{ id: 'a', title: 'A', file: 'a.txt', passages: 12 }],
  skipped: [],
};

describe('health server', () => {
  let server: HealthServer;
  let health: Health;
  const metrics = new BotMetrics({ index: () => ({ passages: 12, builtAt: STATUS.builtAt, mode: 'keyword', model: null }) });

  beforeAll(async () => {
    server = await startHealthServer({ port: 0, metrics, health: () => health });
  });
  afterAll(() => server.close());

  it('binds to loopback only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers /healthz with 200 and the index and gateway status when ready', async () => {
    health = { ready: true, index: indexHealth(STATUS), gateway: { status: 'Ready', ping: 42 } };
    const res = await httpRequest(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as Health;
    expect(body).toEqual({
      ready: true,
      index: {
        mode: 'keyword',
        modeReason: 'model files missing',
        model: null,
        passages: 12,
        articles: 1,
        builtAt: STATUS.builtAt,
        ageSeconds: expect.any(Number),
      },
      gateway: { status: 'Ready', ping: 42 },
    });
    expect(body.index!.ageSeconds).toBeGreaterThanOrEqual(3600);
    expect(body.index!.ageSeconds).toBeLessThan(3600 + 600);
  });

  it('answers /healthz with 503 when not ready, so a supervisor can tell', async () => {
    health = { ready: false, index: null, gateway: { status: 'Reconnecting', ping: -1 } };
    const res = await httpRequest(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ ready: false, gateway: { status: 'Reconnecting' } });
  });

  it('serves Prometheus text on /metrics', async () => {
    metrics.observeInteraction({ kind: 'command', command: 'ask', outcome: 'ok', answered: true, latencyMs: 300 });
    const res = await httpRequest(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const s = parsePrometheus(res.body);
    expect(sampleValue(s, 'casefile_questions_total', { outcome: 'answered', command: 'ask' })).toBe(1);
    expect(sampleValue(s, 'casefile_index_passages')).toBe(12);
    expect(res.body).toContain('# TYPE casefile_interaction_duration_seconds histogram');
  });

  it('refuses other paths and methods', async () => {
    expect((await httpRequest(`${server.url}/`)).status).toBe(404);
    expect((await httpRequest(`${server.url}/../../etc/passwd`)).status).toBe(404);
    expect((await httpRequest(`${server.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('reports a failing health source as 500 and keeps serving', async () => {
    const broken = await startHealthServer({
      port: 0,
      metrics,
      health: () => {
        throw new Error('boom');
      },
    });
    try {
      expect((await httpRequest(`${broken.url}/healthz`)).status).toBe(500);
      expect((await httpRequest(`${broken.url}/metrics`)).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});

describe('botHealth', () => {
  it('reports a client that has not logged in as not ready, with its gateway status', async () => {
    const client = new Client({ intents: [] });
    try {
      const h = botHealth(client, () => STATUS);
      expect(h.ready).toBe(false);
      expect(h.gateway.status).toBe('Idle');
      expect(h.index).toMatchObject({ mode: 'keyword', passages: 12 });
      expect(
        botHealth(client, () => {
          throw new Error('no engine yet');
        }).index,
      ).toBeNull();
    } finally {
      await client.destroy();
    }
  });
});
