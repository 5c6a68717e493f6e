// Benjamini–Hochberg (1995): control of the false discovery rate over a table of tests. A table of 150 rows tested
// one by one at 0.05 flags about 7 rows when nothing changed; BH flags a row only when its p-value is small given how
// many rows were tested, and when nothing changed at all the chance that it flags any row is at most q.

/**
 * BH-adjusted p-values ("q-values"), in the order given: q_(i) = min over j ≥ i of m·p_(j)/j, at most 1. A row is a
 * discovery at false discovery rate q when its adjusted value is ≤ q. NaN p-values stay NaN and do not count in m.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => ({ p, i })).filter((x) => !Number.isNaN(x.p));
  order.sort((a, b) => a.p - b.p);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k]!;
    running = Math.min(running, (m * p) / (k + 1));
    adjusted[i] = running;
  }
  return adjusted;
}
