/** One memory reading of the bot process, from its /metrics. */
export interface MemorySample {
  asks: number;
  rssBytes: number;
  heapUsedBytes: number;
}

export interface SoakSummary {
  asks: number;
  seconds: number;
  answered: number;
  notCovered: number;
  failed: number;
  latencyMs: { initialMedian: number; initialP95: number; answerMedian: number; answerP95: number; answerMax: number };
  rss: { warmupMb: number; endMb: number; maxMb: number; ratio: number; slopeMbPer1000: number };
  heapUsed: { warmupMb: number; endMb: number };
  samples: MemorySample[];
}

export const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Least-squares slope of RSS against asks, in MB per 1000 asks: near 0 means no steady growth. */
export function slopeMbPer1000(samples: MemorySample[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mx = samples.reduce((s, x) => s + x.asks, 0) / n;
  const my = samples.reduce((s, x) => s + x.rssBytes, 0) / n;
  const num = samples.reduce((s, x) => s + (x.asks - mx) * (x.rssBytes - my), 0);
  const den = samples.reduce((s, x) => s + (x.asks - mx) ** 2, 0);
  return den === 0 ? 0 : Math.round((num / den / 1048576) * 1000 * 100) / 100;
}

export function formatSummary(s: SoakSummary): string {
  return [
    `soak: ${s.asks} asks in ${s.seconds.toFixed(0)} s (${(s.asks / s.seconds).toFixed(1)}/s): ${s.answered} answered, ${s.notCovered} not covered, ${s.failed} failed`,
    `  latency ms: initial response median ${s.latencyMs.initialMedian}, p95 ${s.latencyMs.initialP95}; full answer median ${s.latencyMs.answerMedian}, p95 ${s.latencyMs.answerP95}, max ${s.latencyMs.answerMax}`,
    `  RSS MB: after warm-up ${s.rss.warmupMb}, end ${s.rss.endMb}, max ${s.rss.maxMb}; end/warm-up ${s.rss.ratio.toFixed(3)}; trend ${s.rss.slopeMbPer1000} MB per 1000 asks`,
    `  heap used MB: after warm-up ${s.heapUsed.warmupMb}, end ${s.heapUsed.endMb}`,
  ].join('\n');
}
