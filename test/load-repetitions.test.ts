// The load family runs each repetition as its own run, interleaved across scenarios, then combines them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { combineRepetitions, LOAD_DEFAULTS, loadScenarioInputs } from "../bench/families/load.js";
import { MIN_LOAD_REPETITIONS } from "../bench/profile.js";
import { resolveScenarios } from "../bench/load/load-scenario.js";
import type { LoadResult } from "../bench/model/load-result.js";
import { sampleReport } from "./fixtures/sample-report.js";

const scenario = resolveScenarios(loadScenarioInputs("quick", ["grpc", "rest"]), LOAD_DEFAULTS.quick)[0]!;

function singleRuns(): LoadResult[] {
  const whole = sampleReport({ analyze: false }).load.find((r) => r.repetitions.length >= 3)!;
  return whole.repetitions.map((w, i) => ({ ...whole, ...w, repetitions: [w], notes: [`run ${i}`, "shared note"] }));
}

test("combining single-repetition runs keeps every window and re-aggregates over all of them", () => {
  const runs = singleRuns();
  const combined = combineRepetitions(scenario, runs);
  assert.equal(combined.repetitions.length, runs.length);
  assert.deepEqual(combined.repetitions, runs.map((r) => r.repetitions[0]));
  assert.equal(combined.requests, runs.reduce((a, r) => a + r.requests, 0));
  const sorted = runs.map((r) => r.throughputRps).sort((a, b) => a - b);
  assert.equal(combined.throughputRps, sorted[1], "throughput is the median of the repetitions");
  assert.equal(combined.durationS, scenario.durationS);
  assert.deepEqual(combined.notes, ["run 0", "shared note", "run 1", "run 2"]);
});

test("open-loop send statistics are summed over the runs, maxima kept", () => {
  const runs = singleRuns().map((r, i) => ({
    ...r,
    openLoop: { scheduled: 100, queued: i, dropped: 0, sendLagMeanMs: i + 1, sendLagMaxMs: 10 * (i + 1), backlogAtStop: 1, backlogAtStopOldestWaitMs: i },
  }));
  const lag = combineRepetitions(scenario, runs).openLoop!;
  assert.equal(lag.scheduled, 300);
  assert.equal(lag.queued, 0 + 1 + 2);
  assert.equal(lag.sendLagMeanMs, 2, "mean weighted by scheduled calls");
  assert.equal(lag.sendLagMaxMs, 30);
  assert.equal(lag.backlogAtStop, 3);
});

test("every profile's load scenarios ask for the repetitions the profile promises", () => {
  for (const profile of ["quick", "full"] as const) {
    for (const s of resolveScenarios(loadScenarioInputs(profile, ["grpc", "rest", "rest-node"]), LOAD_DEFAULTS[profile])) assert.ok(s.repetitions >= MIN_LOAD_REPETITIONS[profile], s.id);
  }
});
