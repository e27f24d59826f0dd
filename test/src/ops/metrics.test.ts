import { createLogger } from '../../../src/logger.js';
import { tapInteractions } from '../../../src/ops/interaction-tap.js';
import { BotMetrics } from '../../../src/ops/metrics.js';
import { parsePrometheus, sampleValue } from '../../../harness/prometheus-text.js';

const BUILT = '2024-01-01T00:00:00.000Z';

function metrics(mode = 'hybrid') {
  return new BotMetrics({
    commands: ['ask', 'sources', 'help', 'Check against sources'],
    index: () => ({ passages: 42, builtAt: BUILT, mode, model: mode === 'hybrid' ? 'casefile/tiny-bert' : null }),
    now: () => Date.parse(BUILT) + 90_000,
  });
}

async function samples(m: BotMetrics) {
  return parsePrometheus(await m.text());
}

describe('BotMetrics', () => {
  it('counts questions answered, not covered, refused and failed, from interaction log fields', async () => {
    const m = metrics();
    m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'ok', answered: true, latencyMs: 120 });
    m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'ok', answered: true, latencyMs: 80 });
    m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'ok', answered: false, latencyMs: 60 });
    m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'cooldown', latencyMs: 2 });
    m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'too-long', latencyMs: 1 });
    m.observeInteraction({ kind: 'command', command: 'Check against sources', outcome: 'error', latencyMs: 5 });
    m.observeInteraction({ kind: 'command', command: 'help', outcome: 'ok', latencyMs: 3 });
    const s = await samples(m);
    expect(sampleValue(s, 'casefile_questions_total', { outcome: 'answered', command: 'ask' })).toBe(2);
    expect(sampleValue(s, 'casefile_questions_total', { outcome: 'not_covered', command: 'ask' })).toBe(1);
    expect(sampleValue(s, 'casefile_questions_total', { outcome: 'refused', command: 'ask' })).toBe(2);
    expect(sampleValue(s, 'casefile_questions_total', { outcome: 'error', command: 'Check against sources' })).toBe(1);
    expect(sampleValue(s, 'casefile_question_refusals_total', { reason: 'cooldown' })).toBe(1);
    expect(sampleValue(s, 'casefile_question_refusals_total', { reason: 'too-long' })).toBe(1);
    // /help is not a question, but its latency is measured.
    expect(sampleValue(s, 'casefile_interaction_duration_seconds_count', { command: 'help', kind: 'command' })).toBe(1);
  });

  it('has a latency histogram with cumulative buckets in seconds', async () => {
    const m = metrics();
    for (const latencyMs of [10, 200, 200, 2500, 4000])
      m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'ok', answered: true, latencyMs });
    const s = await samples(m);
    const bucket = (le: string) => sampleValue(s, 'casefile_interaction_duration_seconds_bucket', { command: 'ask', kind: 'command', le });
    expect(bucket('0.025')).toBe(1);
    expect(bucket('0.25')).toBe(3);
    expect(bucket('3')).toBe(4);
    expect(bucket('+Inf')).toBe(5);
    expect(sampleValue(s, 'casefile_interaction_duration_seconds_sum', { command: 'ask', kind: 'command' })).toBeCloseTo(6.91, 5);
  });

  it('counts recorded votes only, by direction, starting from zero', async () => {
    const m = metrics();
    let s = await samples(m);
    expect(sampleValue(s, 'casefile_feedback_total', { vote: 'up' })).toBe(0);
    expect(sampleValue(s, 'casefile_feedback_total', { vote: 'down' })).toBe(0);
    m.observeInteraction({ kind: 'button', command: 'ask', outcome: 'ok', vote: 'up', recorded: true });
    m.observeInteraction({ kind: 'button', command: 'ask', outcome: 'ok', vote: 'up', recorded: false });
    m.observeInteraction({ kind: 'button', command: 'ask', outcome: 'ok', vote: 'down', recorded: true });
    s = await samples(m);
    expect(sampleValue(s, 'casefile_feedback_total', { vote: 'up' })).toBe(1);
    expect(sampleValue(s, 'casefile_feedback_total', { vote: 'down' })).toBe(1);
    // Button clicks are not questions.
    expect(sampleValue(s, 'casefile_questions_total', { outcome: 'answered', command: 'ask' })).toBe(0);
  });

  it('reports the index in use: passages, age and mode, read at scrape time', async () => {
    const s = await samples(metrics('keyword'));
    expect(sampleValue(s, 'casefile_index_passages')).toBe(42);
    expect(sampleValue(s, 'casefile_index_age_seconds')).toBe(90);
    expect(sampleValue(s, 'casefile_index_info', { mode: 'keyword', model: 'none' })).toBe(1);
  });

  it('keeps label values bounded whatever a hostile custom id or reason says', async () => {
    const m = metrics();
    m.observeInteraction({ kind: 'button', command: '../../etc/passwd', outcome: 'expired', latencyMs: 1 });
    m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'X'.repeat(500), latencyMs: 1 });
    const s = await samples(m);
    expect(sampleValue(s, 'casefile_interaction_duration_seconds_count', { command: 'other', kind: 'button' })).toBe(1);
    expect(sampleValue(s, 'casefile_question_refusals_total', { reason: 'other' })).toBe(1);
    expect(s.some((x) => Object.values(x.labels).some((v) => v.includes('passwd')))).toBe(false);
  });

  it('gives each instance its own registry, so several bots can coexist', async () => {
    const a = metrics();
    const b = new BotMetrics({ processMetrics: true });
    a.observeInteraction({ kind: 'command', command: 'ask', outcome: 'ok', answered: true });
    expect(sampleValue(await samples(b), 'casefile_questions_total', { outcome: 'answered', command: 'ask' })).toBe(0);
    expect(sampleValue(await samples(a), 'casefile_questions_total', { outcome: 'answered', command: 'ask' })).toBe(1);
    expect((await samples(b)).some((x) => x.name === 'casefile_process_resident_memory_bytes')).toBe(true);
  });
});

it('casefile_unanswered_ratio is the share of questions not covered over the sliding window', async () => {
  let now = Date.parse(BUILT);
  const m = new BotMetrics({ commands: ['ask', 'Check against sources'], unansweredWindowMs: 3_600_000, now: () => now });
  expect(sampleValue(await samples(m), 'casefile_unanswered_ratio')).toBe(0);
  const ask = (answered: boolean) => m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'ok', answered, latencyMs: 1 });
  ask(false);
  ask(false);
  ask(false);
  m.observeInteraction({ kind: 'command', command: 'ask', outcome: 'cooldown', latencyMs: 1 });
  now += 30 * 60_000;
  ask(true);
  expect(sampleValue(await samples(m), 'casefile_unanswered_ratio')).toBe(0.75);
  // An hour after the first three they have left the window; only the answered one remains.
  now += 31 * 60_000;
  expect(sampleValue(await samples(m), 'casefile_unanswered_ratio')).toBe(0);
  ask(false);
  expect(sampleValue(await samples(m), 'casefile_unanswered_ratio')).toBe(0.5);
});

describe('tapInteractions', () => {
  it('passes every line through and feeds interaction lines to the metrics', async () => {
    const lines: string[] = [];
    const m = metrics();
    const logger = tapInteractions(createLogger({ format: 'json', write: (l) => lines.push(l) }), m);
    logger.info('interaction', { kind: 'command', command: 'ask', outcome: 'ok', answered: true, latencyMs: 5 });
    logger.info('bot ready');
    logger.child({ x: 1 }).warn('something');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2]!)).toMatchObject({ msg: 'something', x: 1 });
    expect(sampleValue(await samples(m), 'casefile_questions_total', { outcome: 'answered', command: 'ask' })).toBe(1);
  });
});
