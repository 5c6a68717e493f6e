// Paired rounds: the load family's schedule (which arm runs when) and the paired arm ratios read from it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { armFindings, armRatio, COMPARED_METRICS } from "../bench/analysis/arm-comparison.js";
import { LOAD_DEFAULTS, loadScenarioInputs } from "../bench/families/load.js";
import { resolveScenarios } from "../bench/load/load-scenario.js";
import { abbaOrder, capRounds, PAIR_ROUNDS, pairByRound, pairedRatio, takesPart } from "../bench/load/paired-rounds.js";
import type { LoadResult } from "../bench/model/load-result.js";
import { USER_LOAD_SCENARIOS, userScenarioInputs } from "../bench/user-api/user-api-load-family.js";
import type { Measurement } from "../bench/model/measurement.js";
import { sampleReport } from "./fixtures/sample-report.js";

const template = sampleReport({ analyze: false }).load.find((r) => r.repetitions.length >= 3)!;
const throughput = COMPARED_METRICS.find((m) => m.key === "throughput")!;

function window(round: number | undefined, rps: number, extra: Partial<Measurement> = {}): Measurement {
  return { ...template.repetitions[0]!, ...(round !== undefined ? { round } : {}), throughputRps: rps, endReason: "completed", ...extra };
}

function entry(arm: string, windows: Measurement[]): LoadResult {
  return { ...template, arm, scenario: `load/${arm}/x`, repetitions: windows, throughputRps: windows[0]!.throughputRps, driverSaturated: false, errors: { total: 0, byCode: {} } };
}

describe("paired rounds", () => {
  it("ABBA: even rounds in order, odd rounds reversed", () => {
    assert.deepEqual([0, 1, 2, 3].map((r) => abbaOrder(["a", "b", "c"], r).join("")), ["abc", "cba", "abc", "cba"]);
  });

  it("an arm with fewer repetitions than rounds takes part in evenly spread rounds, always the first", () => {
    const rounds = (n: number, of: number) => Array.from({ length: of }, (_, i) => i + 1).filter((r) => takesPart(n, r, of));
    assert.deepEqual(rounds(4, 10), [1, 3, 6, 8]);
    assert.deepEqual(rounds(10, 10), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(rounds(3, 3), [1, 2, 3]);
    for (let n = 1; n <= 12; n++) {
      const taken = rounds(n, 12);
      assert.equal(taken.length, n, `${n} of 12`);
      assert.equal(taken[0], 1);
    }
  });

  it("the claim pair runs PAIR_ROUNDS of the scenarios the decision reads; the other arms their usual repetitions", () => {
    for (const profile of ["quick", "full"] as const) {
      const scenarios = resolveScenarios(loadScenarioInputs(profile, ["grpc", "rest", "rest-node"], undefined, ["rest", "grpc"]), LOAD_DEFAULTS[profile]);
      const get = (arm: string, payload: string) => scenarios.find((s) => s.arm === arm && s.view === "server" && s.mode === "closed" && s.payload === payload && s.concurrency === 32)!;
      for (const payload of ["small", "medium"]) {
        assert.equal(get("grpc", payload).repetitions, PAIR_ROUNDS[profile], `${profile} grpc ${payload}`);
        assert.equal(get("rest", payload).repetitions, PAIR_ROUNDS[profile], `${profile} rest ${payload}`);
        assert.equal(get("rest-node", payload).repetitions, LOAD_DEFAULTS[profile].repetitions, `${profile} rest-node ${payload}`);
      }
      assert.ok(PAIR_ROUNDS[profile] > LOAD_DEFAULTS[profile].repetitions);
    }
  });

  it("--rounds N: the claim pair's main scenarios run N rounds, and no scenario runs more than N", () => {
    for (const [profile, n] of [["quick", 40], ["quick", 3], ["full", 30]] as const) {
      const scenarios = capRounds(resolveScenarios(loadScenarioInputs(profile, ["grpc", "rest", "rest-node"], undefined, ["rest", "grpc"], n), LOAD_DEFAULTS[profile]), n);
      const get = (arm: string, payload: string) => scenarios.find((s) => s.arm === arm && s.view === "server" && s.mode === "closed" && s.payload === payload && s.concurrency === 32)!;
      for (const payload of ["small", "medium"]) {
        assert.equal(get("grpc", payload).repetitions, n, `${profile} --rounds ${n} grpc ${payload}`);
        assert.equal(get("rest", payload).repetitions, n, `${profile} --rounds ${n} rest ${payload}`);
        assert.equal(get("rest-node", payload).repetitions, Math.min(n, LOAD_DEFAULTS[profile].repetitions), `${profile} --rounds ${n} rest-node ${payload}`);
      }
      assert.ok(scenarios.every((s) => s.repetitions <= n));
    }
    // a --config run: every call's main scenario takes the rounds, the others keep theirs
    const user = userScenarioInputs([{ name: "GetFeature" }], ["grpc", "rest"], USER_LOAD_SCENARIOS.quick, 25);
    assert.deepEqual(user.filter((s) => s.view === "server").map((s) => s.repetitions), [25, 25]);
    assert.ok(user.filter((s) => s.view === "end-to-end").every((s) => s.repetitions === 3));
    assert.ok(userScenarioInputs([{ name: "GetFeature" }], ["grpc"], USER_LOAD_SCENARIOS.full, PAIR_ROUNDS.full).some((s) => s.repetitions === PAIR_ROUNDS.full));
    const unchanged = [{ repetitions: 4 }, { repetitions: 10 }];
    assert.deepEqual(capRounds(unchanged, undefined), unchanged, "without --rounds nothing changes");
  });

  it("pairs windows by round, leaves out incomplete ones and counts heavy-steal rounds apart", () => {
    const candidate = [window(1, 200), window(2, 210), window(3, 0, { endReason: "failed" }), window(4, 190, { heavySteal: true }), window(5, 220)];
    const baseline = [window(1, 100), window(2, 100), window(3, 100), window(4, 100)];
    const paired = pairByRound(candidate, baseline)!;
    assert.deepEqual(paired.pairs.map(([c, b]) => [c.round, b.round]), [[1, 1], [2, 2]]);
    assert.equal(paired.heavySteal, 1);
    assert.equal(pairByRound([window(undefined, 1)], baseline), null, "windows without rounds: not paired");
  });

  it("a host whose speed swings from round to round: the paired ratio sees through it, an unpaired one cannot", () => {
    // The candidate is exactly 2× the baseline in every round; the host's speed moves both by up to 3× between rounds.
    const speed = [1, 3, 0.5, 2, 1.2, 0.4, 2.5, 1, 0.8, 1.7];
    const candidate = entry("grpc", speed.map((s, i) => window(i + 1, 2000 * s)));
    const baseline = entry("rest", speed.map((s, i) => window(i + 1, 1000 * s)));
    const paired = armRatio({ candidate, baseline }, throughput)!;
    assert.deepEqual(paired.pairing, { rounds: 10, setAsideHeavySteal: 0 });
    assert.ok(Math.abs(paired.estimate.ratio - 2) < 1e-9);
    assert.ok(Math.abs(paired.estimate.ci95![0] - 2) < 1e-9 && Math.abs(paired.estimate.ci95![1] - 2) < 1e-9);
    // the same windows without rounds: the drift is spread, the interval wide
    const strip = (e: LoadResult) => ({ ...e, repetitions: e.repetitions.map(({ round: _round, ...w }) => w) });
    const unpaired = armRatio({ candidate: strip(candidate), baseline: strip(baseline) }, throughput)!;
    assert.equal(unpaired.pairing, undefined);
    assert.ok(unpaired.estimate.ci95![1] / unpaired.estimate.ci95![0] > 2, JSON.stringify(unpaired.estimate));
  });

  it("fewer than three paired rounds: unpaired over the repetitions", () => {
    const candidate = entry("grpc", [window(1, 200), window(2, 210), window(3, 205)]);
    const baseline = entry("rest", [window(1, 100), window(4, 100), window(5, 101)]);
    assert.equal(armRatio({ candidate, baseline }, throughput)!.pairing, undefined);
  });

  it("arm findings say how many rounds were paired, and how many heavy-steal rounds were set aside", () => {
    const speed = [1, 1.5, 0.7, 1.2, 0.9];
    const candidate = entry("grpc", speed.map((s, i) => window(i + 1, 2000 * s * (1 + 0.01 * i), i === 2 ? { heavySteal: true } : {})));
    const baseline = entry("rest", speed.map((s, i) => window(i + 1, 1000 * s)));
    const findings = armFindings([candidate, baseline], [{ id: "grpc", label: "gRPC" }, { id: "rest", label: "REST" }], "rest", true);
    const t = findings.find((f) => f.metric === "throughputRps")!;
    assert.deepEqual(t.pairing, { rounds: 4, setAsideHeavySteal: 1 });
    assert.match(t.statement, /4 paired rounds/);
    assert.ok(t.caveats.some((c) => /1 round left out: the hypervisor took more than 5% of a CPU/.test(c)), t.caveats.join("; "));
    assert.equal(t.verdict, "candidate-better");
  });

  it("pairedRatio skips rounds where the figure is missing", () => {
    const pairs: [Measurement, Measurement][] = [
      [window(1, 2), window(1, 1)],
      [window(2, 4, { serverCpuUsPerCall: null }), window(2, 2)],
      [window(3, 6), window(3, 3)],
    ];
    const r = pairedRatio(pairs, (m) => m.serverCpuUsPerCall);
    assert.equal(r!.rounds, 2);
  });
});
