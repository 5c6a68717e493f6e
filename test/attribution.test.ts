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

  it("no attribution without both ends and at least one arm between or beside them", () => {
    assert.deepEqual(attributions(load({ rest: [4, 4, 4], grpc: [1, 1, 1] }), arms("grpc", "rest")), []);
    assert.deepEqual(attributions(load({ rest: [4, 4, 4], "rest-node": [1, 1, 1] }), arms("rest", "rest-node")), []);
  });

  it("side paths: fastify, protobuf over HTTP/1.1 and the gateway, each the ratio of its two arms, beside a chain that still multiplies out", () => {
    const withSides = load({
      rest: [4, 4.1, 3.9],
      "rest-node": [1, 1.05, 0.95],
      "json-h2": [1.2, 1.25, 1.15],
      "grpc-raw": [0.8, 0.82, 0.78],
      grpc: [1.1, 1.12, 1.08],
      "rest-fastify": [2, 2.1, 1.9],
      "protobuf-h1": [0.9, 0.92, 0.88],
      gateway: [3, 3.1, 2.9],
    });
    const ids = ["grpc", "rest", "rest-node", "json-h2", "grpc-raw", "rest-fastify", "protobuf-h1", "gateway"];
    const p50 = attributions(withSides, arms(...ids)).find((a) => a.metric === "latencyMs.p50")!;
    assert.deepEqual(p50.sides!.map((s) => [s.factor, s.from, s.to]), [
      ["framework", "rest", "rest-fastify"],
      ["encoding", "rest-node", "protobuf-h1"],
      ["transport", "protobuf-h1", "grpc-raw"],
      ["gateway", "rest", "gateway"],
      ["gateway", "grpc", "gateway"],
    ]);
    const side = (to: string, from: string) => p50.sides!.find((s) => s.to === to && s.from === from)!;
    assert.ok(Math.abs(side("rest-fastify", "rest").ratio - 0.5) < 0.01, "fastify halves express's p50");
    assert.ok(Math.abs(side("gateway", "grpc").ratio - 3 / 1.1) < 0.02, "the gateway hop: 2.7× grpc's p50");
    // the other order reaches the same arm: rest-node → protobuf-h1 → grpc-raw equals rest-node → json-h2 → grpc-raw
    const viaProtobuf = side("protobuf-h1", "rest-node").ratio * side("grpc-raw", "protobuf-h1").ratio;
    const viaJsonH2 = p50.steps[1]!.ratio * p50.steps[2]!.ratio;
    assert.ok(Math.abs(viaProtobuf / viaJsonH2 - 1) < 1e-9);
    assert.ok(Math.abs(product(p50.steps.map((s) => s.ratio)) / p50.ratio - 1) < 1e-9);
    // the gateway alone beside rest and grpc is still worth an attribution (its own comparison)
    const gatewayOnly = attributions(load({ rest: [4, 4, 4], grpc: [1, 1, 1], gateway: [3, 3, 3] }), arms("grpc", "rest", "gateway"));
    assert.ok(gatewayOnly.length > 0);
    assert.deepEqual(gatewayOnly[0]!.sides!.map((s) => s.from), ["rest", "grpc"]);
  });

  it("only the server view in a closed loop: the end-to-end view adds the client libraries' cost", () => {
    const e2e = Object.entries({ rest: [4], "rest-node": [1], grpc: [1] }).map(([arm, p50s]) => sampleLoadResult({ arm, view: "end-to-end", repetitions: reps(p50s) }));
    assert.deepEqual(attributions(e2e, arms("grpc", "rest", "rest-node")), []);
  });
});
