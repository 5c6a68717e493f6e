// The small-sample statistics behind findings and compare, checked against values computed by hand / known tables.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import jStat from "jstat";
import { benjaminiHochberg } from "../bench/analysis/false-discovery-rate.js";
import { fitVariancePrior, moderatedLogT, pooledLogVariance } from "../bench/analysis/moderated-t.js";
import { digamma, tetragamma, trigamma, trigammaInverse } from "../bench/analysis/polygamma.js";
import { mannWhitney, median, minimumExactP, pairedRatioCi, ratioCi, roundsForHalfWidth } from "../bench/analysis/statistics.js";
import { seededRandom } from "./fixtures/sample-report.js";

const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);

describe("median", () => {
  it("odd, even, unsorted, empty", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });
});

describe("mannWhitney (exact, two-sided)", () => {
  it("complete separation with 3 vs 3 gives the smallest attainable p, 2/20", () => {
    const r = mannWhitney([1, 2, 3], [4, 5, 6]);
    assert.equal(r.u, 0);
    close(r.p, 0.1);
    assert.equal(r.exact, true);
    close(minimumExactP(3, 3), 0.1);
    close(minimumExactP(5, 5), 2 / 252);
  });

  it("identical samples: p = 1", () => assert.equal(mannWhitney([5, 5, 5], [5, 5, 5]).p, 1));

  it("interleaved samples are not significant", () => assert.ok(mannWhitney([1, 3, 5], [2, 4, 6]).p > 0.5));

  it("matches the exact table: n = m = 4, U = 1 → p = 4/70", () => {
    // splits with U ≤ 1: U = 0 (1 way), U = 1 (1 way); doubled for two sides → 4/70
    close(mannWhitney([1, 2, 3, 5], [4, 6, 7, 8]).p, 4 / 70);
  });

  it("handles ties exactly (permutation over the pooled values)", () => {
    const r = mannWhitney([1, 1, 2], [2, 3, 3]);
    assert.equal(r.u, 0.5);
    assert.ok(r.p > 0.1 && r.p <= 0.2, `p = ${r.p}`);
  });

  it("falls back to the normal approximation for large samples", () => {
    const a = Array.from({ length: 12 }, (_, i) => i);
    const b = a.map((x) => x + 100);
    const r = mannWhitney(a, b);
    assert.equal(r.exact, false);
    assert.ok(r.p < 0.001);
  });
});

describe("ratioCi (Welch t on logs)", () => {
  it("a clear 2x difference: ratio ≈ 0.5 and a CI that excludes 1", () => {
    const r = ratioCi([1, 1.05, 0.98], [2, 2.1, 1.9])!;
    close(r.ratio, 0.505, 0.01);
    assert.ok(r.ci95![1] < 1 && r.ci95![0] > 0.4);
  });

  it("the same distribution: CI contains 1", () => {
    const r = ratioCi([1, 1.05, 0.98], [1.01, 1.0, 1.02])!;
    assert.ok(r.ci95![0] < 1 && r.ci95![1] > 1);
  });

  it("no spread: a point interval at the exact ratio", () => {
    const r = ratioCi([100, 100], [400, 400])!;
    close(r.ratio, 0.25, 1e-12);
    assert.deepEqual(r.ci95, [r.ratio, r.ratio]);
  });

  it("one value per side: ratio without CI; empty or non-positive: null", () => {
    const one = ratioCi([2], [4])!;
    close(one.ratio, 0.5, 1e-12);
    assert.equal(one.ci95, null);
    assert.equal(ratioCi([], [1]), null);
    assert.equal(ratioCi([0, 1], [1, 2]), null);
  });

  it("the interval is the textbook one: t(0.975, df) with Welch–Satterthwaite df", () => {
    // equal spread on both sides → df = 4 for 3 + 3 values; t = 2.7764
    const a = [Math.E ** 0.1, Math.E ** 0.2, Math.E ** 0.3];
    const b = [Math.E ** 0.0, Math.E ** 0.1, Math.E ** 0.2];
    const r = ratioCi(a, b)!;
    const se = Math.sqrt(0.01 / 3 + 0.01 / 3);
    close(Math.log(r.ratio), 0.1);
    close(Math.log(r.ci95![0]), 0.1 - 2.776445 * se, 1e-5);
    close(Math.log(r.ci95![1]), 0.1 + 2.776445 * se, 1e-5);
  });
});

describe("digamma, trigamma, tetragamma and the inverse of trigamma", () => {
  it("match their closed forms", () => {
    const euler = 0.5772156649015329;
    close(digamma(1), -euler, 1e-13);
    close(digamma(0.5), -euler - 2 * Math.log(2), 1e-13);
    close(digamma(10), 2.251752589066721, 1e-13);
    close(trigamma(1), Math.PI ** 2 / 6, 1e-13);
    close(trigamma(0.5), Math.PI ** 2 / 2, 1e-12);
    close(trigamma(2), Math.PI ** 2 / 6 - 1, 1e-13);
    close(tetragamma(1), -2 * 1.2020569031595942, 1e-12); // −2ζ(3)
    assert.ok(Number.isNaN(digamma(0)) && Number.isNaN(trigamma(-1)));
  });

  it("trigammaInverse undoes trigamma", () => {
    for (const x of [0.01, 0.3, 1, 2, 7.5, 100, 1e4]) close(trigammaInverse(trigamma(x)), x, 1e-7 * x);
  });
});

describe("benjaminiHochberg", () => {
  it("matches R's p.adjust(method = 'BH'), in the order given", () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((x, i) => close(q[i]!, x, 1e-15));
    const r = benjaminiHochberg([0.5, 0.9, 0.001, 0.2, 0.04]);
    [0.625, 0.9, 0.005, 1 / 3, 0.1].forEach((x, i) => close(r[i]!, x, 1e-15));
  });

  it("never above 1, NaN left out of m, empty in, empty out", () => {
    const q = benjaminiHochberg([0.9, Number.NaN, 0.95]);
    close(q[0]!, 0.95, 1e-15);
    assert.ok(Number.isNaN(q[1]!));
    close(q[2]!, 0.95, 1e-15);
    assert.deepEqual(benjaminiHochberg([]), []);
  });
});

describe("moderated t on logs (limma's empirical-Bayes t)", () => {
  // logs {0, 0.1, 0.2} and {0.1, 0.2, 0.3}: each side's sum of squares 0.02, pooled variance 0.04 / 4 = 0.01
  const base = [0, 0.1, 0.2].map(Math.exp);
  const head = [0.1, 0.2, 0.3].map(Math.exp);

  it("the pooled log variance of a row", () => {
    const v = pooledLogVariance(base, head)!;
    close(v.variance, 0.01, 1e-12);
    assert.equal(v.df, 4);
    assert.equal(pooledLogVariance([1], [1, 2]), null, "2 values a side");
    assert.equal(pooledLogVariance([1, 0], [1, 2]), null, "positive values only");
  });

  it("without a prior it is the ordinary pooled two-sample t-test on the logs", () => {
    const t = moderatedLogT(base, head, { df: 0, variance: 0 })!;
    close(t.logRatio, 0.1, 1e-12);
    close(t.t, 0.1 / Math.sqrt(0.01 * (2 / 3)), 1e-9);
    assert.equal(t.df, 4);
    close(t.p, 2 * jStat.studentt.cdf(-t.t, 4), 1e-12);
    close(t.p, 0.2876, 1e-3); // 2·pt(−1.2247, 4)
  });

  it("with a prior: variance (d0·s0² + d·s²)/(d0 + d) on d0 + d degrees of freedom", () => {
    const t = moderatedLogT(base, head, { df: 4, variance: 0.04 })!;
    close(t.moderatedVariance, (4 * 0.04 + 4 * 0.01) / 8, 1e-12);
    close(t.t, 0.1 / Math.sqrt(0.025 * (2 / 3)), 1e-9);
    assert.equal(t.df, 8);
    close(t.p, 2 * jStat.studentt.cdf(-t.t, 8), 1e-12);
    // a row whose values agree by chance gets the prior's variance, not a near-zero one
    const tight = moderatedLogT([100, 100.001, 100.002], [130, 130.001, 130.002], { df: 2, variance: 0.01 })!;
    assert.ok(tight.moderatedVariance > 0.003 && tight.p > 1e-4, `p = ${tight.p}`);
    assert.ok(moderatedLogT([100, 100.001, 100.002], [130, 130.001, 130.002], { df: 0, variance: 0 })!.p < 1e-9);
  });

  it("tiny p-values keep their digits (the lower tail, not 1 − cdf)", () => {
    const t = moderatedLogT([1, 1.01, 0.99], [3, 3.03, 2.97], { df: 2, variance: 1e-4 })!;
    assert.ok(t.p > 0 && t.p < 1e-8, `p = ${t.p}`);
  });

  it("no spread anywhere: equal values give p = 1, different values p = 0", () => {
    assert.equal(moderatedLogT([2, 2], [2, 2], { df: 2, variance: 0 })!.p, 1);
    assert.equal(moderatedLogT([2, 2], [3, 3], { df: 2, variance: 0 })!.p, 0);
  });
});

describe("fitVariancePrior (limma's fitFDist, d0 capped at half a row's df)", () => {
  it("fewer than 10 rows: d0 fixed at its cap, s0² the rows' pooled variance", () => {
    const p = fitVariancePrior([
      { variance: 0.01, df: 4 },
      { variance: 0.03, df: 4 },
      { variance: 0.02, df: 8 },
    ])!;
    assert.equal(p.how, "fixed");
    assert.equal(p.df, 2);
    close(p.variance, (0.04 + 0.12 + 0.16) / 16, 1e-15);
    assert.equal(fitVariancePrior([]), null);
  });

  it("rows that all have the same variance: d0 fitted as infinite, s0² the bias-corrected geometric mean", () => {
    const p = fitVariancePrior(Array.from({ length: 12 }, () => ({ variance: 0.01, df: 4 })))!;
    assert.equal(p.how, "estimated");
    assert.equal(p.fittedDf, Number.POSITIVE_INFINITY);
    assert.equal(p.df, 2);
    // E[log(s²)] = log σ² + ψ(d/2) − log(d/2): the fit undoes that bias
    close(p.variance, 0.01 * Math.exp(Math.log(2) - digamma(2)), 1e-12);
  });

  it("recovers d0 and s0² from variances drawn from a scaled inverse χ² prior", () => {
    const rnd = seededRandom(11);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const chi2 = (k: number) => Array.from({ length: k }, () => gauss() ** 2).reduce((a, b) => a + b, 0);
    const [d0, s0sq, d] = [8, 0.01, 4];
    const rows = Array.from({ length: 4000 }, () => {
      const sigma2 = (d0 * s0sq) / chi2(d0); // a row's true variance, from the prior
      return { variance: (sigma2 * chi2(d)) / d, df: d }; // its sample variance on d df
    });
    const p = fitVariancePrior(rows)!;
    assert.ok(Math.abs(p.fittedDf! - d0) < 2, `fitted d0 = ${p.fittedDf}`);
    assert.ok(Math.abs(p.variance / s0sq - 1) < 0.1, `s0² = ${p.variance}`);
    assert.equal(p.df, 2, "capped at half of a row's 4 df");
  });

  it("half the rows without spread: no fit, the fixed prior", () => {
    const rows = [...Array.from({ length: 8 }, () => ({ variance: 0, df: 4 })), ...Array.from({ length: 6 }, () => ({ variance: 0.01, df: 4 }))];
    assert.equal(fitVariancePrior(rows)!.how, "fixed");
  });
});

describe("roundsForHalfWidth", () => {
  it("the smallest number of rounds whose t-interval at the rounds' own spread is within the half-width", () => {
    // ten rounds of log-ratios ±0.2 around log 2: sd 0.21
    const d = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 0.2 : -0.2));
    const sd = Math.sqrt(d.reduce((a, x) => a + x * x, 0) / 9);
    const est = pairedRatioCi(d.map((x) => 2 * Math.exp(x)), d.map(() => 1))!;
    const n = roundsForHalfWidth(est.ci95, 10, 0.05)!;
    const half = (k: number) => (jStat.studentt.inv(0.975, k - 1) * sd) / Math.sqrt(k);
    assert.ok(half(n) <= Math.log(1.05), `${n} rounds reach ±5%`);
    assert.ok(half(n - 1) > Math.log(1.05), `${n - 1} rounds do not`);
    // sd 0.21 at ±5% needs about (1.97 × 0.21 / 0.0488)² ≈ 72 rounds
    assert.ok(n > 60 && n < 80, String(n));
  });
  it("an interval already that narrow needs no more rounds; no interval, no estimate; capped", () => {
    assert.equal(roundsForHalfWidth([0.98, 1.02], 10, 0.05), 10);
    assert.equal(roundsForHalfWidth(null, 10, 0.05), null);
    assert.equal(roundsForHalfWidth([0.5, 2], 1, 0.05), null);
    assert.equal(roundsForHalfWidth([0.01, 100], 3, 0.01, 500), 500);
  });
});
