// The repetitions policy: every load scenario runs at least 3 repetitions in the quick profile and 5 in full, so that
// compare can test a change statistically (see reports/README.md, "Comparing two runs").
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LOAD_DEFAULTS, loadScenarioInputs } from "../bench/families/load.js";
import { resolveScenarios } from "../bench/load/load-scenario.js";
import { compareReports } from "../reports/compare/compare-reports.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { MIN_LOAD_REPETITIONS, PROFILES } from "../bench/profile.js";

describe("profiles", () => {
  it("policy: quick ≥ 3, full ≥ 5 repetitions per load scenario", () => {
    assert.deepEqual(MIN_LOAD_REPETITIONS, { quick: 3, full: 5 });
  });

  for (const profile of PROFILES) {
    it(`the load family's ${profile} scenarios all meet the policy`, () => {
      const scenarios = resolveScenarios(loadScenarioInputs(profile, ["grpc", "rest", "rest-node"]), LOAD_DEFAULTS[profile]);
      assert.ok(scenarios.length > 0);
      for (const s of scenarios) assert.ok(s.repetitions >= MIN_LOAD_REPETITIONS[profile], `${s.id}: ${s.repetitions} repetitions in ${profile}`);
    });
  }

  it("the policy's minimum lets compare detect a 50% change in every repetition at its default false discovery rate", () => {
    for (const profile of PROFILES) {
      const n = MIN_LOAD_REPETITIONS[profile];
      const base = sampleReport({ repetitions: n, profile, analyze: false });
      const head = structuredClone(base);
      const s = head.load[0]!;
      for (const r of s.repetitions) r.latencyMs.p50 *= 1.5;
      assert.deepEqual(compareReports(base, head).regressions.map((r) => r.name), [`${s.scenario} p50`], profile);
    }
  });
});
