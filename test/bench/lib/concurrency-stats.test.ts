import { cycleQuestions, medianRun, summarizeRun, type AskTiming } from '../../../bench/lib/concurrency-stats.js';

/** 100 asks started 10 ms apart; ask i's initial response comes i+1 ms and its answer 100+i ms after its own start. */
const timings: AskTiming[] = Array.from({ length: 100 }, (_, i) => ({
  question: `q${i}`,
  start: 1000 + i * 10,
  initial: 1000 + i * 10 + i + 1,
  end: 1000 + i * 10 + 100 + i,
}));

describe('summarizeRun', () => {
  it('takes initial-response percentiles from initial − start and answer percentiles from end − start', () => {
    const s = summarizeRun([...timings].reverse()); // order of arrival must not matter
    expect(s.asks).toBe(100);
    expect(s.initial).toMatchObject({ n: 100, p50: 50, p95: 95, p99: 99, min: 1, max: 100 });
    expect(s.final).toMatchObject({ n: 100, p50: 149, p95: 194, p99: 198, min: 100, max: 199 });
  });

  it('measures wall time from the first start to the last answer, and answers per second over it', () => {
    const s = summarizeRun(timings);
    expect(s.wallMs).toBe(990 + 199); // last start 1990, its answer 199 ms later
    expect(s.perSecond).toBe(Math.round((100_000 / 1189) * 10) / 10);
  });

  it('has no initial-response figures for engine-only runs, and refuses a run where only some asks have one', () => {
    const engineOnly = timings.map(({ initial: _initial, ...t }) => t);
    expect(summarizeRun(engineOnly).initial).toBeNull();
    expect(() => summarizeRun([...engineOnly.slice(1), timings[0]!])).toThrow(/99 of 100 asks have no initial response/);
    expect(() => summarizeRun([])).toThrow();
  });
});

describe('medianRun', () => {
  it('takes the median of each figure over rounds', () => {
    const shifted = (ms: number) => summarizeRun(timings.map((t) => ({ ...t, end: t.end + ms })));
    const m = medianRun([shifted(50), shifted(0), shifted(1000)]);
    expect(m).toEqual(shifted(50));
    expect(medianRun([shifted(0)])).toEqual(shifted(0));
  });
});

describe('cycleQuestions', () => {
  it('cycles through answerable then off-topic questions in order', () => {
    const set = {
      answerable: [
        { question: 'a', expect: ['x'] },
        { question: 'b', expect: ['y'] },
      ],
      offTopic: ['c'],
    };
    expect(cycleQuestions(set, 7)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });
});
