// The two-sample moderated t-test of limma (Smyth 2004, "Linear models and empirical Bayes methods for assessing
// differential expression in microarray experiments", SAGMB 3:3), on the logs of repetition figures. With 3 + 3
// repetitions a row's own variance has 4 degrees of freedom and is a poor estimate: an ordinary t-test then needs a
// huge t to reach a small p, and a row whose few values happen to agree gets a tiny variance and a huge t. The
// moderated test borrows strength from the other rows of the same kind (same family and metric): each row's variance
// s² (d degrees of freedom) is shrunk toward a prior s0² (worth d0 degrees of freedom) fitted to all of them,
//   s²_mod = (d0·s0² + d·s²) / (d0 + d),   t = Δ / √(s²_mod (1/n_base + 1/n_head)),   df = d0 + d,
// where Δ is the difference of the mean logs. d0 and s0² come from the spread of the rows' log variances (fitVariancePrior):
// when the rows' variances differ much more than sampling alone would make them, d0 is small and each row keeps
// mostly its own variance; when they agree, d0 is large (up to a cap, PRIOR_DF_SHARE) and every row moves toward the
// common variance.
import jStat from "jstat";
import { digamma, trigamma, trigammaInverse } from "./polygamma.js";

/** One row's within-group variance of the logs, pooled over base and head: Σ(x − mean of its group)² / (n_b + n_h − 2). */
export interface RowVariance {
  variance: number;
  df: number;
}

/** The scaled-inverse-χ² prior of the rows' variances: worth `df` degrees of freedom around `variance`. */
export interface VariancePrior {
  /** d0, after the cap (PRIOR_DF_SHARE) */
  df: number;
  /** s0² */
  variance: number;
  /** d0 as fitted, before the cap; Infinity when the rows' variances vary no more than sampling explains; null when fixed */
  fittedDf: number | null;
  /** "estimated" from the rows (limma's fitFDist), or "fixed": too few rows, d0 at its cap and s0² the rows' pooled variance */
  how: "estimated" | "fixed";
  /** how many rows the prior was fitted to */
  rows: number;
}

/** With fewer rows than this, d0 and s0² cannot be estimated robustly: d0 at its cap and the rows' pooled variance. */
export const MIN_ROWS_TO_ESTIMATE_PRIOR = 10;

/**
 * The cap on d0, as a share of the rows' own degrees of freedom (their median): with 3 + 3 repetitions (4 df) the prior
 * weighs at most 2. limma lets d0 grow without bound, and so it should when every row has the same true variance. A
 * benchmark table is not like that: a few rows (a p99, an end-to-end view) are much noisier than the rest of their
 * kind, and a heavy prior shrinks their variance toward the quiet rows' and makes their t too large. In 2,000 seeded
 * A/A tables of 224 rows (6% of them 3–5 times noisier than the rest), some row was flagged in 11% of the tables
 * with d0 free (up to 20), 5.6% with a cap of one row's df and 2.3% with half of it (reports/README.md, "Comparing two runs").
 * Half keeps most of the power.
 */
export const PRIOR_DF_SHARE = 0.5;

/** The logs of positive figures; null when any is not a positive finite number. */
function logs(xs: readonly number[]): number[] | null {
  return xs.every((x) => Number.isFinite(x) && x > 0) ? xs.map(Math.log) : null;
}

const meanOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const medianOf = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const sumOfSquares = (xs: readonly number[], m: number) => xs.reduce((s, x) => s + (x - m) ** 2, 0);

/** The pooled within-group variance of log(a) and log(b); null without at least 2 positive values on each side. */
export function pooledLogVariance(a: readonly number[], b: readonly number[]): RowVariance | null {
  const la = logs(a);
  const lb = logs(b);
  if (la === null || lb === null || la.length < 2 || lb.length < 2) return null;
  const df = la.length + lb.length - 2;
  return { variance: (sumOfSquares(la, meanOf(la)) + sumOfSquares(lb, meanOf(lb))) / df, df };
}

/**
 * Fit the prior to the rows' variances: limma's fitFDist without covariates (Smyth 2004, section 6.2), by moments of
 * the log variances. log s² − ψ(d/2) + log(d/2) estimates log s0² − ψ(d0/2) + log(d0/2) with sampling variance ψ′(d/2);
 * what the log variances vary beyond that is ψ′(d0/2). Zero variances are raised to 1e-5 × the median first (as limma
 * does), so one row of identical values cannot drag the fit to −∞. d0 is then capped (PRIOR_DF_SHARE); s0² comes
 * from the uncapped fit, its best estimate.
 */
export function fitVariancePrior(rows: readonly RowVariance[]): VariancePrior | null {
  const ok = rows.filter((r) => r.df > 0 && Number.isFinite(r.variance) && r.variance >= 0);
  if (ok.length === 0) return null;
  const cap = PRIOR_DF_SHARE * medianOf(ok.map((r) => r.df));
  const pooled = ok.reduce((s, r) => s + r.df * r.variance, 0) / ok.reduce((s, r) => s + r.df, 0);
  const median = medianOf(ok.map((r) => r.variance));
  // too few rows, or half of them without any spread: nothing to fit a distribution of variances to
  if (ok.length < MIN_ROWS_TO_ESTIMATE_PRIOR || !(median > 0)) return { df: cap, variance: pooled, fittedDf: null, how: "fixed", rows: ok.length };
  const e = ok.map((r) => Math.log(Math.max(r.variance, 1e-5 * median)) - digamma(r.df / 2) + Math.log(r.df / 2));
  const eMean = meanOf(e);
  const eVar = sumOfSquares(e, eMean) / (e.length - 1) - meanOf(ok.map((r) => trigamma(r.df / 2)));
  const d0 = eVar > 0 ? 2 * trigammaInverse(eVar) : Number.POSITIVE_INFINITY;
  const variance = Number.isFinite(d0) ? Math.exp(eMean + digamma(d0 / 2) - Math.log(d0 / 2)) : Math.exp(eMean);
  return { df: Math.min(d0, cap), variance, fittedDf: d0, how: "estimated", rows: ok.length };
}

export interface ModeratedTest {
  /** mean log(head) − mean log(base): the log of the ratio of geometric means */
  logRatio: number;
  t: number;
  /** d0 + d */
  df: number;
  /** two-sided */
  p: number;
  /** the row's own pooled log variance and the moderated one */
  variance: number;
  moderatedVariance: number;
}

/**
 * The moderated two-sample t-test of head against base on log values (see the top of this file). Null when either
 * side has fewer than 2 values or a value that is not positive. Without a prior (df 0) it is the ordinary pooled t-test.
 */
export function moderatedLogT(base: readonly number[], head: readonly number[], prior: Pick<VariancePrior, "df" | "variance">): ModeratedTest | null {
  const own = pooledLogVariance(base, head);
  if (own === null) return null;
  const lb = base.map(Math.log);
  const lh = head.map(Math.log);
  const logRatio = meanOf(lh) - meanOf(lb);
  const df = prior.df + own.df;
  const moderatedVariance = (prior.df * prior.variance + own.df * own.variance) / df;
  const se = Math.sqrt(moderatedVariance * (1 / lb.length + 1 / lh.length));
  if (!(se > 0)) {
    // no spread anywhere: any difference is exact
    const exact = logRatio === 0 ? 1 : 0;
    return { logRatio, t: logRatio === 0 ? 0 : Math.sign(logRatio) * Number.POSITIVE_INFINITY, df, p: exact, variance: own.variance, moderatedVariance };
  }
  const t = logRatio / se;
  // the lower tail directly: 1 − cdf(|t|) would lose every digit below 1e-16
  const p = Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
  return { logRatio, t, df, p, variance: own.variance, moderatedVariance };
}
