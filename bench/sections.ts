import { concurrencySection } from './lib/concurrency.js';
import { peerSection } from './lib/peer.js';
import { reindexSection } from './lib/reindex-bench.js';
import { scaleSection } from './lib/scale.js';
import type { Section } from './lib/section.js';

/**
 * The benchmark's sections, in run order. Add a section by appending it here (query path,
 * reindex, concurrency and cold start are meant to join this list).
 */
export const SECTIONS: Section[] = [scaleSection, peerSection, reindexSection, concurrencySection];
