// The repetitions policy: every load scenario runs at least 3 repetitions in the quick profile and 5 in full, so that
// compare can test a change statistically (see reports/README.md, "Why alpha is 0.10").
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LOAD_DEFAULTS, loadScenarioInputs } from "../bench/families/load.js";
import { resolveScenarios } from "../bench/load/load-scenario.js";
import { minimumExactP } from "../bench/analysis/statistics.js";
import { DEFAULT_COMPARE_OPTIONS } from "../reports/compare/compare-reports.js";
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

  it("the policy's minimum lets compare detect a change in every repetition at its default alpha", () => {
    for (const profile of PROFILES) {
      const n = MIN_LOAD_REPETITIONS[profile];
      assert.ok(minimumExactP(n, n) <= DEFAULT_COMPARE_OPTIONS.alpha, profile);
    }
  });
});
