// --workers N: one scenario's load from N worker processes against one local server, merged exactly, with the
// per-worker breakdown kept. Loopback only, short windows.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { LOAD_DEFAULTS } from "../bench/families/load.js";
import { mergeHistograms } from "../bench/histogram.js";
import { resolveScenario } from "../bench/load/load-scenario.js";
import { fewerConnectionsNote, scenarioShare, splitEvenly, workersFor } from "../bench/load/load-split.js";
import { closeLoadWorkers, planWorkerCpus } from "../bench/load/load-worker-pool.js";
import { runLoadScenario } from "../bench/load/run-load.js";
import { sharedCpuSaturation } from "../bench/load/run-load-workers.js";
import type { WorkerShare } from "../bench/model/measurement.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";

const defaults = { ...LOAD_DEFAULTS.quick, warmupS: 0.1, durationS: 0.3, repetitions: 2 };

test("split rule: connections as evenly as possible, larger parts first; each part keeps the per-connection shape", () => {
  assert.deepEqual(splitEvenly(32, 3), [11, 11, 10]);
  assert.deepEqual(splitEvenly(4, 4), [1, 1, 1, 1]);
  assert.deepEqual(splitEvenly(2, 3), [1, 1, 0]);
  assert.deepEqual(splitEvenly(7, 1), [7]);
  assert.throws(() => splitEvenly(4, 0));
  const rest = resolveScenario({ arm: "rest", view: "server", payload: "small", mode: "closed" }, defaults);
  assert.deepEqual([0, 1, 2].map((i) => scenarioShare(rest, i, 3)?.concurrency), [11, 11, 10]);
  assert.equal(scenarioShare(rest, 2, 3)?.id, "load/rest/server/GetUser/small/closed/c10");
  const grpc = resolveScenario({ arm: "grpc", view: "server", payload: "small", mode: "closed" }, defaults);
  assert.equal(grpc.id, "load/grpc/server/GetUser/small/closed/c4x8");
  assert.deepEqual([0, 1, 2].map((i) => scenarioShare(grpc, i, 3)?.id.split("/").pop()), ["c2x8", "c1x8", "c1x8"]);
  // an open loop's fixed rate goes with the in-flight calls
  const open = resolveScenario({ arm: "rest", view: "server", payload: "small", mode: "open", rate: 3200 }, defaults);
  assert.deepEqual([0, 1, 2].map((i) => scenarioShare(open, i, 3)?.rate), [1100, 1100, 1000]);
  // fewer connections than parts: workers shrink to one per connection; a shard gets none
  const one = resolveScenario({ arm: "rest", view: "server", payload: "small", mode: "closed", concurrency: 1 }, defaults);
  assert.equal(workersFor(one, 4), 1);
  assert.equal(scenarioShare(one, 1, 2), null);
  assert.match(fewerConnectionsNote(one, 4, "workers"), /ran on 1 worker/);
});

test("worker CPUs: one each where there are enough, the server's left out; shared and said when not", () => {
  const plan = planWorkerCpus(64, null);
  assert.equal(plan.cpus.length, 64);
  assert.notEqual(plan.note, null, "no test host has 64 CPUs to give 64 workers");
});

test("workers sharing a CPU are saturated when together they used 90% of it, though each used half", () => {
  const share = (index: number, pinnedCpu: string | null, util: number): WorkerShare => ({
    index, pinnedCpu, connections: 1, concurrency: 8, targetRps: null, requests: 100, errors: 0, throughputRps: 1000, clientCpuUtilization: util, driverSaturated: false, endReason: "completed",
  });
  assert.deepEqual(sharedCpuSaturation([share(0, "1", 0.47), share(1, "1", 0.46)]).map((s) => s.driverSaturated), [true, true]);
  assert.deepEqual(sharedCpuSaturation([share(0, "1", 0.47), share(1, "2", 0.46)]).map((s) => s.driverSaturated), [false, false]);
  assert.deepEqual(sharedCpuSaturation([share(0, "1", 0.3), share(1, "1", 0.3), share(2, "2", 0.95)]).map((s) => s.driverSaturated), [false, false, false], "a worker alone on its CPU keeps its own flag");
});

let server: ServerProcess;
before(async () => {
  server = await startServerProcess({ arm: "grpc" });
});
after(async () => {
  await closeLoadWorkers();
  await server?.stop();
});

test("--workers 2 against one local grpc server: zero errors, two workers whose calls add up to the total", async () => {
  const scenario = resolveScenario({ arm: "grpc", view: "server", payload: "small", mode: "closed" }, defaults);
  const result = await runLoadScenario({ scenario, target: server.target, server, workers: 2 });
  assert.equal(result.endReason, "completed", result.failure);
  assert.equal(result.errors.total, 0);
  assert.ok(result.requests > 0);
  assert.equal(result.repetitions.length, 2);
  assert.equal(result.workers?.length, 2);
  assert.equal(result.workers.reduce((n, w) => n + w.requests, 0), result.requests);
  assert.deepEqual(result.workers.map((w) => w.concurrency), [16, 16]);
  for (const w of result.repetitions) {
    assert.equal(w.workers?.length, 2);
    assert.equal(w.workers.reduce((n, s) => n + s.requests, 0), w.requests);
    assert.ok(Math.abs(w.throughputRps - w.workers.reduce((n, s) => n + s.throughputRps, 0)) < 1e-6);
    assert.ok(w.serverCpuUsPerCall !== null && w.serverCpuUsPerCall > 0, "the server's CPU is read once by the family's process");
    assert.ok(w.workerOverlap !== undefined && w.workerOverlap >= 0 && w.workerOverlap <= 1, "how much of the window the workers shared is said");
  }
  // the top-level histogram holds every successful call of every worker and repetition
  assert.equal(mergeHistograms([result.histogram]).totalCount, result.requests - result.errors.total);
  assert.ok(result.notes?.some((n) => /--workers 2: load from 2 processes \(16 \+ 16 in flight\), their windows merged exactly/.test(n)), JSON.stringify(result.notes));
});
