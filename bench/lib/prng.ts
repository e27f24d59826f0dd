import { mulberry32 } from '../../harness/seeded-random.js';

// Module-level bindings: inside jest's sandbox every global lookup (even `Math`) goes through a
// slow interceptor, which made data generation ~50× slower in tests.
const { floor, sqrt, log, sin, cos, PI } = Math;

/**
 * Seeded draws so synthetic corpora are identical across runs and machines: the repository's one
 * generator (harness/seeded-random.ts) with the integer and normal draws the benchmark needs.
 */
export class Prng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return floor(this.next() * n);
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  gaussian(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = sqrt(-2 * log(u));
    this.spare = r * sin(2 * PI * v);
    return r * cos(2 * PI * v);
  }
}
