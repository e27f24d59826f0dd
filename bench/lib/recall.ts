/**
 * recall@k: the fraction of the exact k nearest neighbours that an approximate search returned in
 * its first k results, averaged over queries. Order within the k does not matter.
 */
export function recallAtK(exact: readonly (readonly number[])[], approx: readonly (readonly number[])[], k: number): number {
  if (exact.length !== approx.length) throw new Error(`${exact.length} exact result lists but ${approx.length} approximate ones`);
  if (exact.length === 0) return Number.NaN;
  let total = 0;
  for (let q = 0; q < exact.length; q++) {
    const truth = exact[q]!.slice(0, k);
    if (truth.length === 0) {
      total += 1;
      continue;
    }
    const found = new Set(approx[q]!.slice(0, k));
    let hits = 0;
    for (const id of truth) if (found.has(id)) hits++;
    total += hits / truth.length;
  }
  return total / exact.length;
}
