// Attribution chains from synthetic measurements with known ratios: each step isolates one factor, the steps
// multiply to the end-to-end ratio, and arms the run did not measure merge their factors into one step.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attributions } from "../bench/analysis/attribution.js";
import type { LoadResult } from "../bench/model/load-result.js";
import { sampleLoadResult, type MeasurementSeed } from "./fixtures/sample-report.js";

const reps = (p50s: number[]): MeasurementSeed[] => p50s.map((p50Ms) => ({ p50Ms, throughputRps: 64_000 / p50Ms }));

function load(p50ByArm: Record<string, number[]>): LoadResult[] {
  return Object.entries(p50ByArm).map(([arm, p50s]) => sampleLoadResult({ arm, repetitions: reps(p50s) }));
}

const arms = (...ids: string[]) => ids.map((id) => ({ id }));
const product = (xs: number[]) => xs.reduce((a, x) => a * x, 1);

describe("attribution", () => {
  const full = load({ rest: [4, 4.1, 3.9], "rest-node": [1, 1.05, 0.95], "json-h2": [1.2, 1.25, 1.15], "grpc-raw": [0.8, 0.82, 0.78], grpc: [1.1, 1.12, 1.08] });

  it("the full chain: one step per factor, in order, each the ratio of its two arms", () => {
    const all = attributions(full, arms("grpc", "rest", "rest-node", "json-h2", "grpc-raw"));
    const p50 = all.find((a) => a.metric === "latencyMs.p50");
    assert.ok(p50);
    assert.deepEqual(p50.steps.map((s) => [s.factor, s.from, s.to]), [
      ["framework", "rest", "rest-node"],
      ["transport", "rest-node", "json-h2"],
      ["encoding", "json-h2", "grpc-raw"],
      ["library", "grpc-raw", "grpc"],
    ]);
    assert.ok(Math.abs(p50.steps[0]!.ratio - 0.25) < 0.01, "express → node:http: p50 a quarter");
    assert.ok(Math.abs(p50.steps[3]!.ratio - 1.1 / 0.8) < 0.02, "grpc-js over raw: 1.375×");
    assert.deepEqual(p50.missing, []);
    assert.equal(p50.baseline, "rest");
    assert.equal(p50.candidate, "grpc");
  });

  it("the steps multiply out to the end-to-end ratio, for every metric", () => {
    const all = attributions(full, arms("grpc", "rest", "rest-node", "json-h2", "grpc-raw"));
    assert.ok(all.length >= 4, all.map((a) => a.metric).join(", "));
    for (const a of all) {
      assert.ok(Math.abs(product(a.steps.map((s) => s.ratio)) / a.ratio - 1) < 1e-9, `${a.metric}: ${a.steps.map((s) => s.ratio).join(" × ")} vs ${a.ratio}`);
      for (const s of a.steps) assert.ok(s.ci95 === null || (s.ci95[0] <= s.ratio && s.ratio <= s.ci95[1]));
    }
  });

  it("arms not in the run: their factors merge into one step, and the attribution says which are missing", () => {
    const partial = load({ rest: [4, 4.1, 3.9], "rest-node": [1, 1.05, 0.95], grpc: [1.1, 1.12, 1.08] });
    const p50 = attributions(partial, arms("grpc", "rest", "rest-node")).find((a) => a.metric === "latencyMs.p50")!;
    assert.deepEqual(p50.steps.map((s) => [s.factor, s.factors]), [
      ["framework", ["framework"]],
      ["transport+encoding+library", ["transport", "encoding", "library"]],
    ]);
    assert.deepEqual(p50.missing, ["json-h2", "grpc-raw"]);
    assert.ok(p50.caveats.some((c) => c.includes("json-h2, grpc-raw")));
    assert.ok(Math.abs(product(p50.steps.map((s) => s.ratio)) / p50.ratio - 1) < 1e-9);
  });

  it("no chain without both ends and at least one arm between them", () => {
    assert.deepEqual(attributions(load({ rest: [4, 4, 4], grpc: [1, 1, 1] }), arms("grpc", "rest")), []);
    assert.deepEqual(attributions(load({ rest: [4, 4, 4], "rest-node": [1, 1, 1] }), arms("rest", "rest-node")), []);
  });

  it("only the server view in a closed loop: the end-to-end view adds the client libraries' cost", () => {
    const e2e = Object.entries({ rest: [4], "rest-node": [1], grpc: [1] }).map(([arm, p50s]) => sampleLoadResult({ arm, view: "end-to-end", repetitions: reps(p50s) }));
    assert.deepEqual(attributions(e2e, arms("grpc", "rest", "rest-node")), []);
  });
});
