// The throughput crosscheck's design: rotated running order, the paired summary over rounds and the steal filter,
// on literal windows and a literal /proc/stat.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pairedRatioCi, ratioCi } from "../bench/analysis/statistics.js";
import { readCpuTicks, stealFraction } from "../bench/cpu/cpu-steal.js";
import { rotated, summarizePair, type CrosscheckWindow } from "../bench/crosscheck/paired-windows.js";

const close = (actual: number, expected: number, tolerance: number) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

const win = (ok: number, extra: Partial<CrosscheckWindow> = {}): CrosscheckWindow => ({ ok, errors: 0, seconds: 1, p50Ms: null, serverCpuUs: null, clientUtilization: null, steal: { server: 0, client: 0 }, ...extra });

describe("rotated running order", () => {
  it("two drivers alternate who goes first (AB BA AB)", () => {
    assert.deepEqual([1, 2, 3, 4].map((r) => rotated(["ours", "theirs"], r).join("")), ["ourstheirs", "theirsours", "ourstheirs", "theirsours"]);
  });

  it("three drivers each take every position once per three rounds", () => {
    assert.deepEqual([1, 2, 3, 4].map((r) => rotated(["a", "b", "c"], r).join("")), ["abc", "bca", "cab", "abc"]);
  });
});

describe("pairedRatioCi", () => {
  it("pairs that share the host's swings: a tight interval where the unpaired one is wide", () => {
    const theirs = [10_000, 20_000, 15_000, 30_000];
    const ours = theirs.map((x, i) => x * [0.98, 1.0, 0.99, 1.01][i]!);
    const paired = pairedRatioCi(ours, theirs)!;
    const logs = [0.98, 1.0, 0.99, 1.01].map(Math.log);
    close(paired.ratio, Math.exp(logs.reduce((s, x) => s + x, 0) / 4), 1e-12);
    // t(0.975, 3) = 3.182; sd of the logs ≈ 0.012910
    const m = logs.reduce((s, x) => s + x, 0) / 4;
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - m) ** 2, 0) / 3);
    close(paired.ci95![0], Math.exp(m - 3.182446 * (sd / 2)), 1e-5);
    close(paired.ci95![1], Math.exp(m + 3.182446 * (sd / 2)), 1e-5);
    const unpaired = ratioCi(ours, theirs)!;
    assert.ok(unpaired.ci95![1] - unpaired.ci95![0] > 20 * (paired.ci95![1] - paired.ci95![0]));
  });

  it("identical per-pair ratios: a point interval; one pair: no interval; a non-positive value: null", () => {
    assert.deepEqual(pairedRatioCi([2, 4], [1, 2]), { ratio: 2, ci95: [2, 2] });
    assert.deepEqual(pairedRatioCi([3], [2]), { ratio: 1.5, ci95: null });
    assert.equal(pairedRatioCi([1, 0], [1, 1]), null);
    assert.equal(pairedRatioCi([], []), null);
    assert.throws(() => pairedRatioCi([1, 2], [1]), /2 values paired with 1/);
  });
});

describe("summarizePair", () => {
  it("pairs only the rounds both sides measured, totals calls over seconds, and reads the server's busy fraction", () => {
    const ours = [
      win(900, { serverCpuUs: 990_000, p50Ms: 2, clientUtilization: 0.2 }),
      undefined, // interrupted before ours ran
      win(2000, { seconds: 2, serverCpuUs: 1_980_000, p50Ms: 1.5, clientUtilization: 0.4, errors: 10 }),
      win(0), // no successful call
    ];
    const theirs = [win(1000, { serverCpuUs: 1_000_000, p50Ms: 1.6 }), win(1200, { serverCpuUs: 1_000_000 }), win(1000, { serverCpuUs: 990_000, p50Ms: 1.5 }), win(1000, { serverCpuUs: 1_000_000 })];
    const summary = summarizePair(ours, theirs, 0.02)!;
    assert.equal(summary.measuredRounds, 2);
    assert.deepEqual(summary.errors, { ours: 10, theirs: 0 });
    const s = summary.clean!;
    assert.equal(s.rounds, 2);
    close(s.oursRps, 2900 / 3, 1e-9);
    close(s.theirsRps, 2000 / 2, 1e-9);
    close(s.totalsRatio, 2900 / 3 / 1000, 1e-12);
    close(s.rpsRatio.ratio, Math.sqrt(0.9 * 1.0), 1e-12);
    assert.deepEqual(summary.allRounds, s.rpsRatio);
    assert.deepEqual(s.singleRound, [0.9, 1.0]);
    close(s.serverCpuUsPerCall.ours!, 2_970_000 / 2910, 1e-9);
    close(s.serverCpuUsPerCall.theirs!, 1_990_000 / 2000, 1e-9);
    close(s.serverBusy.ours!, 2.97 / 3, 1e-12);
    close(s.serverBusy.theirs!, 1.99 / 2, 1e-12);
    close(s.oursClientUtilization!, 0.3, 1e-12);
    close(s.p50Ratio!, (2 / 1.6 + 1) / 2, 1e-12);
  });

  it("a round in which the hypervisor took more than maxSteal of either CPU, in either window, is left out of the verdict but not of 'every round'", () => {
    const ours = [win(1000), win(500, { steal: { server: 0.3, client: 0 } }), win(1100), win(990)];
    const theirs = [win(1000), win(1000), win(1000, { steal: { server: 0, client: 0.05 } }), win(1000, { steal: { server: 0.02, client: null } })];
    const s = summarizePair(ours, theirs, 0.02)!;
    assert.equal(s.measuredRounds, 4);
    assert.equal(s.clean!.rounds, 2);
    close(s.clean!.rpsRatio.ratio, Math.sqrt(1 * 0.99), 1e-12);
    close(s.allRounds.ratio, (1 * 0.5 * 1.1 * 0.99) ** (1 / 4), 1e-12);
    close(s.meanSteal.ours!, 0.3 / 4, 1e-12);
    close(s.meanSteal.theirs!, 0.07 / 4, 1e-12);
    assert.equal(summarizePair([win(500, { steal: { server: 0.3, client: 0 } })], [win(1000)], 0.02)!.clean, null);
  });

  it("no round measured by both: null; an unreadable server CPU: null figures, not zero; unreadable steal: the round counts", () => {
    assert.equal(summarizePair([undefined, win(10)], [win(10)], 0.02), null);
    const s = summarizePair([win(10, { serverCpuUs: 5, steal: { server: null, client: null } })], [win(10)], 0.02)!;
    assert.deepEqual(s.clean!.serverCpuUsPerCall, { ours: 5 / 10, theirs: null });
    assert.equal(s.clean!.serverBusy.theirs, null);
    assert.equal(s.meanSteal.ours, null);
  });
});

describe("steal from /proc/stat", () => {
  const stat = (cpu0: number[], cpu1: number[]) =>
    [`cpu  ${cpu0.map((x, i) => x + cpu1[i]!).join(" ")} 0 0`, `cpu0 ${cpu0.join(" ")} 0 0`, `cpu1 ${cpu1.join(" ")} 0 0`, "intr 1 2 3"].join("\n");
  //            user nice system idle iowait irq softirq steal
  const before = stat([100, 0, 10, 500, 0, 0, 5, 20], [50, 0, 5, 600, 0, 0, 1, 0]);
  const after = stat([170, 0, 15, 520, 0, 0, 8, 22], [60, 0, 6, 680, 0, 0, 1, 3]);

  it("reads one CPU's, a list's, or all CPUs' ticks", () => {
    assert.deepEqual(readCpuTicks("0", before), { total: 635, steal: 20 });
    assert.deepEqual(readCpuTicks("0-1", before), { total: 1291, steal: 20 });
    assert.deepEqual(readCpuTicks(null, before), { total: 1291, steal: 20 });
    assert.equal(readCpuTicks("7", before), null);
  });

  it("steal is the stolen share of the ticks that passed", () => {
    close(stealFraction(readCpuTicks("0", before), readCpuTicks("0", after))!, 2 / 100, 1e-12);
    close(stealFraction(readCpuTicks("1", before), readCpuTicks("1", after))!, 3 / 94, 1e-12);
    assert.equal(stealFraction(null, readCpuTicks("0", after)), null);
    assert.equal(stealFraction(readCpuTicks("0", after), readCpuTicks("0", after)), null);
  });
});
