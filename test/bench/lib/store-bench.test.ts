import { findPostgresBin } from '../../../harness/postgres.js';
import { measureStores } from '../../../bench/lib/store-bench.js';

/** The store section measures both stores in one run (PostgreSQL when its binaries are here); figures, not thresholds. */
test('measures the writes of each answer on SQLite and, when it is here, PostgreSQL', async () => {
  const { costs, skipped } = await measureStores(5);
  expect(costs[0]).toMatchObject({ store: 'sqlite', answers: 5 });
  if (findPostgresBin()) {
    expect(skipped).toBeUndefined();
    expect(costs[1]).toMatchObject({ store: 'postgres', answers: 5 });
  } else {
    expect(skipped).toMatch(/PostgreSQL skipped/);
  }
  for (const c of costs) expect(c.medianMs).toBeGreaterThan(0);
});
