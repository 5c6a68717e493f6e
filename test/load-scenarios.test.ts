// Scenarios are data, resolved once with defaults and validation: equal in-flight counts, valid drivers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LOAD_DEFAULTS, LOAD_SCENARIOS, resolveOpenRate } from "../bench/families/load.js";
import { resolveScenario, resolveScenarios, ScenarioError } from "../bench/load/load-scenario.js";
import { MIN_LOAD_REPETITIONS } from "../bench/profile.js";
import type { LoadResult } from "../bench/model/load-result.js";

const defaults = LOAD_DEFAULTS.quick;

test("every profile's scenario list resolves, with equal in-flight calls for gRPC and REST", () => {
  for (const profile of ["quick", "full"] as const) {
    const resolved = resolveScenarios(LOAD_SCENARIOS[profile], LOAD_DEFAULTS[profile]);
    assert.ok(resolved.length > 0);
    for (const s of resolved) {
      assert.ok(s.repetitions >= MIN_LOAD_REPETITIONS[profile], `${s.id}: ${s.repetitions} repetitions`);
      if (s.protocol === "grpc") assert.equal((s.streamsPerConnection as number) * s.connections, s.concurrency);
      else assert.equal(s.connections * s.pipelining, s.concurrency);
    }
    for (const call of ["GetUser", "ListOrders"]) {
      const grpc = resolved.filter((s) => s.protocol === "grpc" && s.call === call).map((s) => `${s.view}/${s.payload}/${s.mode}/${s.concurrency}`).sort();
      const rest = resolved.filter((s) => s.protocol === "rest" && s.call === call).map((s) => `${s.view}/${s.payload}/${s.mode}/${s.concurrency}`).sort();
      assert.deepEqual(grpc, rest, `${profile} ${call}: both protocols get the same scenarios`);
    }
  }
});

test("defaults pick the driver for protocol, view and mode", () => {
  const pick = (protocol: "grpc" | "rest", view: "server" | "end-to-end", mode: "closed" | "open") =>
    resolveScenario({ protocol, view, payload: "small", mode, ...(mode === "open" ? { rate: 100 } : {}) }, defaults).driver;
  assert.equal(pick("grpc", "server", "closed"), "h2-frames");
  assert.equal(pick("rest", "server", "closed"), "autocannon");
  assert.equal(pick("rest", "server", "open"), "h1-lean");
  assert.equal(pick("grpc", "end-to-end", "closed"), "grpc-js");
  assert.equal(pick("rest", "end-to-end", "closed"), "undici");
  const s = resolveScenario({ protocol: "grpc", view: "server", payload: "medium", mode: "closed", concurrency: 32, connections: 4 }, defaults);
  assert.equal(s.id, "load/grpc/server/ListOrders/medium/closed/c4x8");
  assert.equal(s.call, "ListOrders");
});

test("invalid scenarios are rejected with a reason", () => {
  const bad = [
    { protocol: "grpc", view: "server", payload: "small", mode: "closed", concurrency: 30, connections: 4 },
    { protocol: "rest", view: "server", payload: "small", mode: "closed", concurrency: 32, connections: 8 },
    { protocol: "grpc", view: "server", payload: "small", mode: "closed", pipelining: 2 },
    { protocol: "rest", view: "server", payload: "small", mode: "open" },
    { protocol: "rest", view: "server", payload: "small", mode: "closed", rate: 10 },
    { protocol: "rest", view: "server", payload: "small", mode: "open", rate: 10, driver: "autocannon" },
    { protocol: "grpc", view: "end-to-end", payload: "small", mode: "closed", driver: "h2-frames" },
    { protocol: "grpc", view: "server", payload: "small", mode: "closed", durationS: 0 },
  ] as const;
  for (const input of bad) assert.throws(() => resolveScenario(input, defaults), ScenarioError, JSON.stringify(input));
  const twice = { protocol: "grpc", view: "server", payload: "small", mode: "closed" } as const;
  assert.throws(() => resolveScenarios([twice, twice], defaults), /duplicate/);
});

test("the open-loop rate is a fraction of the slower protocol's closed-loop throughput, the same for both", () => {
  const [open] = resolveScenarios([{ protocol: "grpc", view: "server", payload: "small", mode: "open", rate: { fractionOfClosed: 0.5, fallbackRps: 123 } }], defaults);
  assert.ok(open !== undefined);
  assert.equal(resolveOpenRate(open, []).rps, 123);
  const closed = (protocol: "grpc" | "rest", throughputRps: number) =>
    ({ mode: "closed", view: "server", call: "GetUser", payload: "small", endReason: "completed", concurrency: 32, protocol, throughputRps }) as LoadResult;
  assert.equal(resolveOpenRate(open, [closed("grpc", 9000), closed("rest", 4000)]).rps, 2000);
});
