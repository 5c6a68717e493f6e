// Every driver against a real server process for one short window: zero errors, sensible non-zero counts,
// CPU from both processes, bytes from the sockets, and a result that validates against the LoadResult schema.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { resolveScenario, type DriverName, type ScenarioInput } from "../bench/load/load-scenario.js";
import { runLoadScenario } from "../bench/load/run-load.js";
import { LoadResult } from "../bench/model/load-result.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";

if (!FormatRegistry.Has("date-time")) FormatRegistry.Set("date-time", (v) => !Number.isNaN(Date.parse(v)));

// Short windows: these tests check what a run records (plumbing), never how fast it went.
const DEFAULTS = { concurrency: 8, h2Connections: 2, warmupS: 0.1, durationS: 0.4, repetitions: 1, timeoutMs: 5000 };
const servers: Partial<Record<string, ServerProcess>> = {};

before(async () => {
  servers.grpc = await startServerProcess({ arm: "grpc" });
  servers.rest = await startServerProcess({ arm: "rest" });
  servers["rest-node"] = await startServerProcess({ arm: "rest-node" });
});

after(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.stop()));
});

function check(result: LoadResult): void {
  const errors = [...Value.Errors(LoadResult, result)].slice(0, 3).map((e) => `${e.path} ${e.message}`);
  assert.deepEqual(errors, [], "validates against the LoadResult schema");
  assert.equal(result.endReason, "completed", result.failure);
  assert.deepEqual(result.errors, { total: 0, byCode: {} });
  assert.ok(result.requests > 0);
  assert.ok(result.throughputRps > 0);
  assert.ok(result.latencyMs.p50 > 0 && result.latencyMs.p50 <= result.latencyMs.p99 && result.latencyMs.p99 <= result.latencyMs.max);
  assert.ok(result.serverCpuUsPerCall !== null && result.serverCpuUsPerCall > 0);
  assert.ok(result.clientCpuUsPerCall !== null && result.clientCpuUsPerCall > 0);
  assert.ok(result.serverPeakRssMb !== null && result.serverPeakRssMb > 0);
  assert.ok(result.wireBytesPerCall !== null && result.wireBytesPerCall.request > 0 && result.wireBytesPerCall.response > 0);
  assert.equal(result.repetitions.length, 1);
}

const cases: { driver: DriverName; input: ScenarioInput }[] = [
  { driver: "h2-frames", input: { arm: "grpc", view: "server", payload: "small", mode: "closed" } },
  { driver: "h2-node", input: { arm: "grpc", view: "server", payload: "medium", mode: "closed", driver: "h2-node" } },
  { driver: "autocannon", input: { arm: "rest", view: "server", payload: "small", mode: "closed" } },
  { driver: "h1-lean", input: { arm: "rest", view: "server", payload: "medium", mode: "closed", driver: "h1-lean" } },
  { driver: "grpc-js", input: { arm: "grpc", view: "end-to-end", payload: "small", mode: "closed" } },
  { driver: "undici", input: { arm: "rest", view: "end-to-end", payload: "small", mode: "closed" } },
  // Drivers are chosen per (api, transport), not per arm name: another REST arm over HTTP/1.1 gets the same ones.
  { driver: "autocannon", input: { arm: "rest-node", view: "server", payload: "small", mode: "closed" } },
  { driver: "h1-lean", input: { arm: "rest-node", view: "server", payload: "medium", mode: "closed", driver: "h1-lean" } },
  { driver: "undici", input: { arm: "rest-node", view: "end-to-end", payload: "small", mode: "closed" } },
];

for (const { driver, input } of cases) {
  test(`${driver}: a short closed run against the ${input.arm} server completes without errors`, async () => {
    const scenario = resolveScenario(input, DEFAULTS);
    assert.equal(scenario.driver, driver);
    const server = servers[input.arm] as ServerProcess;
    const result = await runLoadScenario({ scenario, target: server.target, server });
    check(result);
    assert.equal(result.view, input.view);
    assert.equal(result.coordinatedOmissionCorrected, false);
  });
}

for (const protocol of ["grpc", "rest"] as const) {
  test(`${protocol}: an open-loop run keeps its rate and says it measured from the intended send time`, async () => {
    const scenario = resolveScenario({ arm: protocol, view: "server", payload: "small", mode: "open", rate: 200 }, DEFAULTS);
    const server = servers[protocol] as ServerProcess;
    const result = await runLoadScenario({ scenario, target: server.target, server });
    check(result);
    assert.equal(result.coordinatedOmissionCorrected, true);
    assert.equal(result.targetRps, 200);
    assert.ok(result.openLoop !== undefined && result.openLoop.scheduled > 0 && result.openLoop.dropped === 0);
  });
}

test("large responses arrive whole through the lean drivers (flow control, body framing)", async () => {
  for (const protocol of ["grpc", "rest"] as const) {
    const scenario = resolveScenario({ arm: protocol, view: "server", payload: "large", mode: "closed", concurrency: 2, connections: protocol === "grpc" ? 1 : 2, durationS: 0.5, warmupS: 0 }, DEFAULTS);
    const server = servers[protocol] as ServerProcess;
    const result = await runLoadScenario({ scenario, target: server.target, server });
    check(result);
    // ListOrders large is ~120 KiB in protobuf, ~250 KiB in JSON: every byte crossed the socket.
    assert.ok((result.wireBytesPerCall?.response ?? 0) > 100_000, `${protocol}: ${result.wireBytesPerCall?.response} bytes per call`);
  }
});
