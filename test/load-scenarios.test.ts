// Scenarios are data, resolved once with defaults and validation: equal in-flight counts for every arm, drivers
// chosen by the arm's api and transport, never by its name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LOAD_DEFAULTS, loadScenarioInputs, resolveOpenRate } from "../bench/families/load.js";
import { resolveScenario, resolveScenarios, ScenarioError, type ScenarioArm } from "../bench/load/load-scenario.js";
import { MIN_LOAD_REPETITIONS } from "../bench/profile.js";
import type { LoadResult } from "../bench/model/load-result.js";

const defaults = LOAD_DEFAULTS.quick;
const ARMS = ["grpc", "rest", "rest-node"];

test("every profile's scenario list resolves, with equal in-flight calls for every arm", () => {
  for (const profile of ["quick", "full"] as const) {
    const resolved = resolveScenarios(loadScenarioInputs(profile, ARMS, undefined, ["grpc", "rest"]), LOAD_DEFAULTS[profile]);
    assert.ok(resolved.length > 0);
    for (const s of resolved) {
      assert.ok(s.repetitions >= MIN_LOAD_REPETITIONS[profile], `${s.id}: ${s.repetitions} repetitions`);
      if (s.transport === "h2c") assert.equal((s.streamsPerConnection as number) * s.connections, s.concurrency);
      else assert.equal(s.connections * s.pipelining, s.concurrency);
    }
    for (const call of ["GetUser", "ListOrders"]) {
      const shapes = (arm: string) => resolved.filter((s) => s.arm === arm && s.call === call).map((s) => `${s.view}/${s.payload}/${s.mode}/${s.concurrency}`).sort();
      // the claim pair gets every scenario; the other arms every scenario that is not pairOnly
      assert.deepEqual(shapes("rest"), shapes("grpc"), `${profile} ${call}: rest gets the same scenarios as grpc`);
      const allArms = shapes("rest-node");
      for (const shape of allArms) assert.ok(shapes("grpc").includes(shape), `${profile} ${call}: ${shape} of rest-node is also run on grpc`);
      if (profile === "full") assert.deepEqual(allArms, shapes("grpc"), `full ${call}: rest-node gets the same scenarios as grpc`);
    }
    if (profile === "quick") {
      // every arm gets the two scenarios the attribution chain reads
      for (const arm of ARMS) {
        assert.ok(resolved.some((s) => s.arm === arm && s.call === "GetUser" && s.payload === "small" && s.view === "server" && s.mode === "closed"), arm);
        assert.ok(resolved.some((s) => s.arm === arm && s.call === "ListOrders" && s.payload === "medium" && s.view === "server" && s.mode === "closed"), arm);
      }
    }
  }
});

test("defaults pick the driver for the arm's api and transport, the view and the mode", () => {
  const pick = (arm: string, view: "server" | "end-to-end", mode: "closed" | "open") =>
    resolveScenario({ arm, view, payload: "small", mode, ...(mode === "open" ? { rate: 100 } : {}) }, defaults).driver;
  assert.equal(pick("grpc", "server", "closed"), "h2-frames");
  assert.equal(pick("rest", "server", "closed"), "autocannon");
  assert.equal(pick("rest", "server", "open"), "h1-lean");
  assert.equal(pick("grpc", "end-to-end", "closed"), "grpc-js");
  assert.equal(pick("rest", "end-to-end", "closed"), "undici");
  assert.equal(pick("rest-node", "server", "closed"), "autocannon");
  assert.equal(pick("rest-node", "end-to-end", "open"), "undici");
  const s = resolveScenario({ arm: "grpc", view: "server", payload: "medium", mode: "closed", concurrency: 32, connections: 4 }, defaults);
  assert.equal(s.id, "load/grpc/server/ListOrders/medium/closed/c4x8");
  assert.equal(s.call, "ListOrders");
  assert.equal(resolveScenario({ arm: "rest-node", view: "server", payload: "small", mode: "closed" }, defaults).id, "load/rest-node/server/GetUser/small/closed/c32");
});

test("fairness follows the transport: an h2c arm multiplexes streams, an HTTP/1.1 arm opens one connection per call in flight", () => {
  const arms: Record<string, ScenarioArm> = {
    "json-h2": { id: "json-h2", api: "rest", transport: "h2c" },
    "grpc-h1": { id: "grpc-h1", api: "grpc", transport: "http/1.1" },
  };
  const lookup = (id: string) => arms[id];
  // REST over h2c multiplexes like gRPC: the lean frame driver in REST mode, and node:http2 sessions end to end
  const h2 = resolveScenario({ arm: "json-h2", view: "server", payload: "small", mode: "closed", concurrency: 32 }, defaults, lookup);
  assert.deepEqual([h2.driver, h2.connections, h2.streamsPerConnection, h2.pipelining], ["h2-frames", 4, 8, 1]);
  assert.equal(resolveScenario({ arm: "json-h2", view: "end-to-end", payload: "small", mode: "open", rate: 100 }, defaults, lookup).driver, "h2-json");
  assert.throws(() => resolveScenario({ arm: "json-h2", view: "server", payload: "small", mode: "closed", driver: "h1-lean" }, defaults, lookup), /driver h1-lean cannot run/);
  // gRPC over HTTP/1.1 has no driver: a clear error, not a silent HTTP/2 run
  assert.throws(() => resolveScenario({ arm: "grpc-h1", view: "server", payload: "small", mode: "closed" }, defaults, lookup), /no server-view driver for grpc \(protobuf\) over http\/1\.1/);
  assert.throws(() => resolveScenario({ arm: "nope", view: "server", payload: "small", mode: "closed" }, defaults), /unknown arm "nope"/);
  // a family leaves such an arm out of the scenario and says so, instead of failing the run
  const skipped: string[] = [];
  const kept = resolveScenarios(
    [{ arm: "grpc", view: "server", payload: "small", mode: "closed" }, { arm: "grpc-h1", view: "server", payload: "small", mode: "closed" }],
    defaults,
    (id) => (id === "grpc" ? { id, api: "grpc", transport: "h2c" } : lookup(id)),
    (_input, why) => skipped.push(why),
  );
  assert.deepEqual(kept.map((s) => s.arm), ["grpc"]);
  assert.match(skipped[0] ?? "", /no server-view driver for grpc \(protobuf\) over http\/1\.1/);
});

test("invalid scenarios are rejected with a reason", () => {
  const bad = [
    { arm: "grpc", view: "server", payload: "small", mode: "closed", concurrency: 30, connections: 4 },
    { arm: "rest", view: "server", payload: "small", mode: "closed", concurrency: 32, connections: 8 },
    { arm: "rest-node", view: "server", payload: "small", mode: "closed", concurrency: 32, connections: 8 },
    { arm: "grpc", view: "server", payload: "small", mode: "closed", pipelining: 2 },
    { arm: "rest", view: "server", payload: "small", mode: "open" },
    { arm: "rest", view: "server", payload: "small", mode: "closed", rate: 10 },
    { arm: "rest", view: "server", payload: "small", mode: "open", rate: 10, driver: "autocannon" },
    { arm: "rest-node", view: "server", payload: "small", mode: "closed", driver: "h2-frames" },
    { arm: "grpc", view: "end-to-end", payload: "small", mode: "closed", driver: "h2-frames" },
    { arm: "grpc", view: "server", payload: "small", mode: "closed", durationS: 0 },
  ] as const;
  for (const input of bad) assert.throws(() => resolveScenario(input, defaults), ScenarioError, JSON.stringify(input));
  const twice = { arm: "grpc", view: "server", payload: "small", mode: "closed" } as const;
  assert.throws(() => resolveScenarios([twice, twice], defaults), /duplicate/);
});

test("the open-loop rate is a fraction of the slowest arm's closed-loop throughput, the same for every arm", () => {
  const [open] = resolveScenarios([{ arm: "grpc", view: "server", payload: "small", mode: "open", rate: { fractionOfClosed: 0.5, fallbackRps: 123 } }], defaults);
  assert.ok(open !== undefined);
  assert.equal(resolveOpenRate(open, [], ["grpc", "rest"]).rps, 123);
  const closed = (arm: string, throughputRps: number) =>
    ({ mode: "closed", view: "server", call: "GetUser", payload: "small", endReason: "completed", concurrency: 32, arm, protocol: arm === "grpc" ? "grpc" : "rest", throughputRps }) as LoadResult;
  assert.equal(resolveOpenRate(open, [closed("grpc", 9000), closed("rest", 4000)], ["grpc", "rest"]).rps, 2000);
  assert.equal(resolveOpenRate(open, [closed("grpc", 9000), closed("rest", 4000), closed("rest-node", 3000)], ARMS).rps, 1500);
  // only the arms of the open-loop scenario count: a slower arm loaded in closed loop only does not set its rate
  assert.equal(resolveOpenRate(open, [closed("grpc", 9000), closed("rest", 4000), closed("gateway", 800)], ["grpc", "rest"]).rps, 2000);
  // an arm whose closed loop is missing: the fallback, and the reason names the arm
  const missing = resolveOpenRate(open, [closed("grpc", 9000), closed("rest", 4000)], ARMS);
  assert.equal(missing.rps, 123);
  assert.match(missing.how, /rest-node/);
});
