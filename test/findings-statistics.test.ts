// The small-sample statistics behind findings and compare, checked against values computed by hand / known tables.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mannWhitney, median, minimumExactP, ratioCi } from "../bench/analysis/statistics.js";

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
