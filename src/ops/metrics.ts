import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LogFields } from '../logger.js';
import { REFUSAL_REASONS } from '../errors.js';
import { SlidingRatio } from './sliding-ratio.js';

/** What the index gauges read at scrape time. */
export interface IndexFacts {
  passages: number;
  /** ISO time the index was built. */
  builtAt: string;
  mode: string;
  model: string | null;
}

export interface BotMetricsOptions {
  /** Command names that may appear as label values; anything else is reported as `other`. */
  commands?: readonly string[];
  /** Reads the index in use at scrape time (it changes when a reindex is swapped in). */
  index?: () => IndexFacts;
  /** Adds Node's process metrics (memory, CPU, event loop lag) with the `casefile_` prefix. */
  processMetrics?: boolean;
  /** The window of `casefile_unanswered_ratio`; default one hour. */
  unansweredWindowMs?: number;
  now?: () => number;
}

/** Commands whose interactions are questions put to the engine. */
const QUESTION_COMMANDS = new Set(['ask', 'Check against sources']);

/** Seconds; Discord's 3 s window for the first response is the interesting edge. */
const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];

/**
 * The bot's Prometheus metrics, in a registry of their own rather than prom-client's global one,
 * so that several bots (in tests) never share or double-register counters.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly commands: Set<string>;
  private readonly questions: Counter<'outcome' | 'command'>;
  private readonly refusals: Counter<'reason'>;
  private readonly latency: Histogram<'command' | 'kind'>;
  private readonly feedback: Counter<'vote'>;
  private readonly unanswered: SlidingRatio;

  constructor(options: BotMetricsOptions = {}) {
    this.commands = new Set(options.commands ?? QUESTION_COMMANDS);
    const registers = [this.registry];
    this.questions = new Counter({
      name: 'casefile_questions_total',
      help: 'Questions put to the bot, by outcome: answered (with quotes), not_covered, refused (cooldown, invalid question…), error',
      labelNames: ['outcome', 'command'],
      registers,
    });
    this.refusals = new Counter({
      name: 'casefile_question_refusals_total',
      help: 'Questions refused before reaching the engine, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.latency = new Histogram({
      name: 'casefile_interaction_duration_seconds',
      help: 'Time from receiving an interaction to the end of its handling (reply sent)',
      labelNames: ['command', 'kind'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.feedback = new Counter({ name: 'casefile_feedback_total', help: 'Votes recorded on answers', labelNames: ['vote'], registers });
    // Zero series exist from the start so dashboards and rate() see them before the first event.
    for (const vote of ['up', 'down']) this.feedback.inc({ vote }, 0);
    for (const outcome of ['answered', 'not_covered', 'refused', 'error']) this.questions.inc({ outcome, command: 'ask' }, 0);
    const unanswered = (this.unanswered = new SlidingRatio(options.unansweredWindowMs ?? 3_600_000, 60, options.now ?? Date.now));
    // A counter's rate cannot say "most questions lately went unanswered" without a recording rule; this can.
    new Gauge({
      name: 'casefile_unanswered_ratio',
      help: `Share of the questions put to the articles in the last ${Math.round(unanswered.windowMs / 60_000)} minutes that they did not cover (0 with none)`,
      registers,
      collect() {
        this.set(unanswered.value());
      },
    });
    if (options.index) this.addIndexGauges(options.index, options.now ?? Date.now);
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'casefile_' });
  }

  /**
   * Counts one handled interaction from the fields of its log line (see the router): `command`,
   * `kind`, `outcome` (`ok` or a refusal reason or `error`), `answered`, `vote`, `recorded`, `latencyMs`.
   */
  observeInteraction(fields: LogFields): void {
    const command = typeof fields.command === 'string' && this.commands.has(fields.command) ? fields.command : 'other';
    const kind = fields.kind === 'command' || fields.kind === 'button' ? fields.kind : 'other';
    if (typeof fields.latencyMs === 'number') this.latency.observe({ command, kind }, fields.latencyMs / 1000);

    if (kind === 'command' && QUESTION_COMMANDS.has(command)) {
      const outcome =
        fields.outcome === 'ok'
          ? fields.answered === true
            ? 'answered'
            : 'not_covered'
          : fields.outcome === 'error'
            ? 'error'
            : 'refused';
      this.questions.inc({ outcome, command });
      if (outcome === 'answered' || outcome === 'not_covered') this.unanswered.add(outcome === 'not_covered');
      if (outcome === 'refused') this.refusals.inc({ reason: boundedReason(fields.outcome) });
    }
    if (kind === 'button' && fields.recorded === true && (fields.vote === 'up' || fields.vote === 'down')) {
      this.feedback.inc({ vote: fields.vote });
    }
  }

  /** The metrics in Prometheus text format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private addIndexGauges(read: () => IndexFacts, now: () => number): void {
    const registers = [this.registry];
    // Read at scrape time: the engine behind the bot changes when a reindex is swapped in.
    new Gauge({
      name: 'casefile_index_passages',
      help: 'Passages in the index in use',
      registers,
      collect() {
        this.set(read().passages);
      },
    });
    new Gauge({
      name: 'casefile_index_age_seconds',
      help: 'Seconds since the index in use was built',
      registers,
      collect() {
        this.set(Math.max(0, (now() - Date.parse(read().builtAt)) / 1000));
      },
    });
    new Gauge({
      name: 'casefile_index_info',
      help: 'The index in use: retrieval mode (hybrid, or keyword when the model is unavailable) and model',
      labelNames: ['mode', 'model'],
      registers,
      collect() {
        const facts = read();
        this.reset();
        this.set({ mode: facts.mode, model: facts.model ?? 'none' }, 1);
      },
    });
  }
}

/** A refusal reason is one of the bot's own (src/errors.ts); anything else is lumped together to bound label values. */
function boundedReason(reason: unknown): string {
  return (REFUSAL_REASONS as readonly unknown[]).includes(reason) ? (reason as string) : 'other';
}
