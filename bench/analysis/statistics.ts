// Small-sample statistics over repetition figures (3–10 values per side). Two tools, each chosen for that regime:
// - ratioCi: the ratio of two positive quantities with a 95% CI, from a Welch t-interval on the logs (the CI of the
//   ratio of geometric means). With 3 repetitions a percentile bootstrap cannot produce an interval wider than the
//   sample's range and so overstates certainty; the t-interval widens honestly with few values. pairedRatioCi is
//   its paired form, for figures measured side by side (the crosscheck's rounds).
// - mannWhitney: exact two-sided Mann–Whitney U (permutation distribution over the pooled values, ties included),
//   distribution-free; compare uses it on the machine's reference-loop readings. Its rows are judged by the moderated
//   t-test (moderated-t.ts) with Benjamini–Hochberg (false-discovery-rate.ts) instead.
// Beside them, the plain summaries the rest shares: mean, coefficientOfVariation (the crosscheck's --cpu-cv) and
// summarizeSamples (the micro family's tinybench statistics over pooled runs).
import jStat from "jstat";

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample variance (n − 1); pass the mean when it is already known. */
function variance(xs: readonly number[], m = mean(xs)): number {
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/** Mean, sample standard deviation and CV (sd / mean, in %) of repeated measurements. */
export function coefficientOfVariation(values: readonly number[]): { mean: number; sd: number; cvPct: number } {
  const m = mean(values);
  const sd = values.length > 1 ? Math.sqrt(variance(values, m)) : 0;
  return { mean: m, sd, cvPct: m === 0 ? 0 : (sd / m) * 100 };
}

export interface RatioEstimate {
  /** geometric mean of a / geometric mean of b */
  ratio: number;
  /** 95% CI of the ratio; null when either side has fewer than 2 values */
  ci95: [number, number] | null;
}

/** Ratio a/b of two sets of positive repetition figures. Returns null when a side is empty or holds a non-positive value. */
export function ratioCi(a: readonly number[], b: readonly number[], level = 0.95): RatioEstimate | null {
  if (a.length === 0 || b.length === 0) return null;
  if (![...a, ...b].every((x) => Number.isFinite(x) && x > 0)) return null;
  const la = a.map(Math.log);
  const lb = b.map(Math.log);
  const d = mean(la) - mean(lb);
  const ratio = Math.exp(d);
  if (a.length < 2 || b.length < 2) return { ratio, ci95: null };
  const va = variance(la) / la.length;
  const vb = variance(lb) / lb.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { ratio, ci95: [ratio, ratio] };
  // Welch–Satterthwaite degrees of freedom; a side with zero spread contributes nothing to either sum.
  const df = (va + vb) ** 2 / ((va > 0 ? va ** 2 / (la.length - 1) : 0) + (vb > 0 ? vb ** 2 / (lb.length - 1) : 0));
  const t = jStat.studentt.inv(1 - (1 - level) / 2, df);
  return { ratio, ci95: [Math.exp(d - t * se), Math.exp(d + t * se)] };
}

/**
 * Ratio a/b of paired positive figures (a[i] measured right next to b[i]): the geometric mean of the per-pair
 * ratios with a paired t-interval on their logs. Pairing cancels what both members of a pair share, such as the
 * host's speed at that moment, which an unpaired interval (ratioCi) would count as spread.
 */
export function pairedRatioCi(a: readonly number[], b: readonly number[], level = 0.95): RatioEstimate | null {
  if (a.length !== b.length) throw new Error(`pairedRatioCi: ${a.length} values paired with ${b.length}`);
  if (a.length === 0 || ![...a, ...b].every((x) => Number.isFinite(x) && x > 0)) return null;
  const d = a.map((x, i) => Math.log(x / b[i]!));
  const m = mean(d);
  const ratio = Math.exp(m);
  if (d.length < 2) return { ratio, ci95: null };
  const se = Math.sqrt(variance(d) / d.length);
  if (se === 0) return { ratio, ci95: [ratio, ratio] };
  const t = jStat.studentt.inv(1 - (1 - level) / 2, d.length - 1);
  return { ratio, ci95: [Math.exp(m - t * se), Math.exp(m + t * se)] };
}

/**
 * About how many paired rounds a paired ratio would need for its 95% CI to reach ±`halfWidth` (0.05: ±5%, read as
 * hi/ratio ≤ 1.05), judged from the spread its own rounds showed: the per-round sd of the log-ratios, recovered from
 * the interval (half its log-width is t(n−1)·sd/√n), held fixed while n grows. Null without an interval or with
 * fewer than 2 rounds; `rounds` itself when the interval is already that narrow; capped at `max`.
 */
export function roundsForHalfWidth(ci95: readonly [number, number] | null, rounds: number, halfWidth: number, max = 10_000): number | null {
  if (ci95 === null || rounds < 2 || !(ci95[0] > 0) || !(ci95[1] >= ci95[0]) || !(halfWidth > 0)) return null;
  const halfLog = Math.log(ci95[1] / ci95[0]) / 2;
  const goal = Math.log(1 + halfWidth);
  if (halfLog <= goal) return rounds;
  const sd = (halfLog * Math.sqrt(rounds)) / jStat.studentt.inv(0.975, rounds - 1);
  for (let n = rounds + 1; n <= max; n++) if ((jStat.studentt.inv(0.975, n - 1) * sd) / Math.sqrt(n) <= goal) return n;
  return max;
}

export interface MannWhitneyResult {
  /** U of the first sample: pairs (a, b) with a > b, ties counted 1/2 */
  u: number;
  /** two-sided p-value */
  p: number;
  exact: boolean;
}

/** Largest pooled size enumerated exactly: C(16, 8) = 12,870 splits. */
const EXACT_LIMIT = 16;

function uStatistic(a: readonly number[], b: readonly number[]): number {
  let u = 0;
  for (const x of a) for (const y of b) u += x > y ? 1 : x === y ? 0.5 : 0;
  return u;
}

/** Exact (or, past 16 values, normal-approximated with tie correction) two-sided Mann–Whitney U test. */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { u: Number.NaN, p: 1, exact: true };
  const u = uStatistic(a, b);
  const centre = (n * m) / 2;
  const observed = Math.abs(u - centre);
  const pooled = [...a, ...b];
  if (n + m <= EXACT_LIMIT) {
    let extreme = 0;
    let total = 0;
    const pick: number[] = [];
    const walk = (start: number) => {
      if (pick.length === n) {
        const chosen = new Set(pick);
        const x = pick.map((i) => pooled[i]!);
        const y = pooled.filter((_, i) => !chosen.has(i));
        total++;
        if (Math.abs(uStatistic(x, y) - centre) >= observed - 1e-9) extreme++;
        return;
      }
      for (let i = start; i <= pooled.length - (n - pick.length); i++) {
        pick.push(i);
        walk(i + 1);
        pick.pop();
      }
    };
    walk(0);
    return { u, p: extreme / total, exact: true };
  }
  // Normal approximation with tie correction and continuity correction.
  const N = n + m;
  const counts = new Map<number, number>();
  for (const x of pooled) counts.set(x, (counts.get(x) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t ** 3 - t;
  const sigma = Math.sqrt(((n * m) / 12) * (N + 1 - ties / (N * (N - 1))));
  if (sigma === 0) return { u, p: 1, exact: false };
  const z = Math.max(0, observed - 0.5) / sigma;
  return { u, p: Math.min(1, 2 * (1 - jStat.normal.cdf(z, 0, 1))), exact: false };
}

/** Smallest two-sided p-value the exact test can reach with n and m values: 2 / C(n+m, n). */
export function minimumExactP(n: number, m: number): number {
  let c = 1;
  for (let i = 1; i <= n; i++) c = (c * (m + i)) / i;
  return Math.min(1, 2 / c);
}

export interface SampleSummary {
  n: number;
  mean: number;
  /** 95% margin of error of the mean (Student's t) as % of the mean — tinybench's rme. */
  rmePct: number;
  /** linearly interpolated, as tinybench does */
  p99: number;
}

/** tinybench's statistics for samples pooled across several of its runs (it computes them per run only). */
export function summarizeSamples(samples: readonly number[]): SampleSummary {
  const n = samples.length;
  if (n === 0) return { n, mean: Number.NaN, rmePct: Number.POSITIVE_INFINITY, p99: Number.NaN };
  const m = mean(samples);
  const sorted = Float64Array.from(samples).sort();
  const h = (n - 1) * 0.99;
  const lo = Math.floor(h);
  const p99 = lo + 1 < n ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
  if (n === 1 || m === 0) return { n, mean: m, rmePct: Number.POSITIVE_INFINITY, p99 };
  const moe = jStat.studentt.inv(0.975, n - 1) * Math.sqrt(variance(samples, m) / n);
  return { n, mean: m, rmePct: (moe / Math.abs(m)) * 100, p99 };
}
