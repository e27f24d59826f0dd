import { coldStartSection } from './lib/cold-start.js';
import { insightsSection } from './lib/insights-bench.js';
import { concurrencySection } from './lib/concurrency.js';
import { peerSection } from './lib/peer.js';
import { queryPathSection } from './lib/query-path.js';
import { reindexSection } from './lib/reindex-bench.js';
import { scaleSection } from './lib/scale.js';
import { shardsSection } from './lib/shards-bench.js';
import { storeSection } from './lib/store-bench.js';
import type { Section } from './lib/section.js';

/** The benchmark's sections, in run order. Add a section by appending it here. */
export const SECTIONS: Section[] = [
  scaleSection,
  peerSection,
  queryPathSection,
  reindexSection,
  concurrencySection,
  coldStartSection,
  insightsSection,
  shardsSection,
  storeSection,
];
