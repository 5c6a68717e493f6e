// CPU steal per measured window: read at each window edge over the server's and the load generator's CPUs, kept
// per repetition, the max over repetitions in the aggregate, a heavy flag above HEAVY_STEAL, counted per family
// for the writers and named in a run caveat. Structural only: steal on this host may well be 0, so the real run
// asserts presence, type and range, never an amount, and nothing asserts on timing.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { runCaveats } from "../bench/analysis/run-caveats.js";
import { stealByFamily, windowStealOf } from "../bench/analysis/window-steal.js";
import { allowedCpus, HEAVY_STEAL, isHeavySteal, readCpuTicks, readProcStat, windowSteal, type StealTicks } from "../bench/cpu/cpu-steal.js";
import { createHistogram, encodeHistogram, summarizeHistogram } from "../bench/histogram.js";
import { aggregateRepetitions, AGGREGATION_NOTE } from "../bench/load/aggregate-repetitions.js";
import { resolveScenario } from "../bench/load/load-scenario.js";
import { runLoadScenario } from "../bench/load/run-load.js";
import type { CpuSteal, Measurement } from "../bench/model/measurement.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";
import { sampleReport } from "./fixtures/sample-report.js";

const procStat = process.platform === "linux";

function window(extra: Partial<Measurement> = {}): Measurement {
  const h = createHistogram();
  return {
    endReason: "completed",
    startedAt: "2026-01-01T00:00:00.000Z",
    durationS: 1,
    requests: 10,
    errors: { total: 0, byCode: {} },
    throughputRps: 10,
    latencyMs: summarizeHistogram(h),
    histogram: encodeHistogram(h),
    wireBytesPerCall: null,
    serverCpuUsPerCall: null,
    clientCpuUsPerCall: null,
    serverPeakRssMb: null,
    clientPeakRssMb: null,
    clientCpuUtilization: null,
    driverSaturated: false,
    ...extra,
  };
}

const withSteal = (server: number | null, client: number | null): Measurement => {
  const cpuSteal: CpuSteal = { server, client };
  return window({ cpuSteal, heavySteal: isHeavySteal(cpuSteal) });
};

const inRange = (v: number | null, what: string) => assert.ok(v === null || (typeof v === "number" && v >= 0 && v <= 1), `${what}: ${v} is not a fraction or null`);

describe("steal in a real load run", () => {
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess({ arm: "grpc" });
  });
  after(async () => {
    await server?.stop();
  });

  it("every window carries cpuSteal {server, client} in [0, 1] (or null) and a heavySteal that agrees; the aggregate holds the max", async () => {
    const scenario = resolveScenario(
      { arm: "grpc", view: "server", payload: "small", mode: "closed" },
      { concurrency: 4, h2Connections: 1, warmupS: 0.1, durationS: 0.4, repetitions: 2, timeoutMs: 5000 },
    );
    const result = await runLoadScenario({ scenario, target: server.target, server });
    assert.equal(result.endReason, "completed", result.failure);
    assert.equal(result.repetitions.length, 2);
    for (const [i, w] of result.repetitions.entries()) {
      assert.ok(w.cpuSteal !== undefined, `window ${i} has cpuSteal`);
      inRange(w.cpuSteal.server, `window ${i} server`);
      inRange(w.cpuSteal.client, `window ${i} client`);
      if (procStat) {
        // a local server process and this one: both readable where /proc/stat is
        assert.equal(typeof w.cpuSteal.server, "number", `window ${i} server steal read`);
        assert.equal(typeof w.cpuSteal.client, "number", `window ${i} client steal read`);
      }
      assert.equal(w.heavySteal, isHeavySteal(w.cpuSteal));
    }
    const max = (side: "server" | "client") => {
      const values = result.repetitions.map((w) => w.cpuSteal?.[side] ?? null).filter((v): v is number => v !== null);
      return values.length === 0 ? null : Math.max(...values);
    };
    assert.deepEqual(result.cpuSteal, { server: max("server"), client: max("client") });
    assert.equal(result.heavySteal, result.repetitions.some((w) => w.heavySteal === true));
  });

  it("a remote server's (or no server's) steal is not this host's: null on the server side", async () => {
    const scenario = resolveScenario(
      { arm: "grpc", view: "server", payload: "small", mode: "closed" },
      { concurrency: 2, h2Connections: 1, warmupS: 0, durationS: 0.2, repetitions: 1, timeoutMs: 5000 },
    );
    const result = await runLoadScenario({ scenario, target: server.target, server: null });
    assert.equal(result.endReason, "completed", result.failure);
    const steal = result.repetitions[0]?.cpuSteal;
    assert.ok(steal !== undefined);
    assert.equal(steal.server, null);
    inRange(steal.client, "client");
  });
});

describe("steal figures", () => {
  it("reads the CPUs a process may run on from the kernel where there is /proc", { skip: procStat ? false : "no /proc here" }, () => {
    const self = allowedCpus("self");
    assert.ok(self !== null && /^[\d,-]+$/.test(self), `Cpus_allowed_list: ${self}`);
    // a CPU list readCpuTicks understands, naming CPUs /proc/stat has
    assert.ok(readCpuTicks(self, readProcStat()) !== null);
  });

  it("a synthetic window: steal per side from the edge ticks, heavy only above HEAVY_STEAL on either side", () => {
    const edge = (serverSteal: number, clientSteal: number, total: number): StealTicks => ({ server: { total, steal: serverSteal }, client: { total, steal: clientSteal } });
    const steal = windowSteal(edge(0, 0, 1000), edge(80, 10, 1100));
    assert.deepEqual(steal, { server: 0.8, client: 0.1 });
    assert.equal(isHeavySteal(steal), true);
    assert.equal(isHeavySteal({ server: HEAVY_STEAL, client: HEAVY_STEAL }), false, "at the threshold is not above it");
    assert.equal(isHeavySteal({ server: 0, client: HEAVY_STEAL + 0.001 }), true, "the load generator's CPU counts too");
    assert.equal(isHeavySteal({ server: null, client: null }), false, "unreadable is not heavy");
    // unreadable sides, and a counter that stepped backwards, stay in range
    assert.deepEqual(windowSteal({ server: null, client: { total: 10, steal: 5 } }, { server: null, client: { total: 20, steal: 3 } }), { server: null, client: 0 });
    assert.equal(HEAVY_STEAL, 0.05);
  });

  it("aggregates as the max of the repetitions per side, heavy if any repetition was, and says so in the note", () => {
    const top = aggregateRepetitions([withSteal(0.01, 0.002), withSteal(0.07, null), withSteal(0.03, 0.004)]);
    assert.deepEqual(top.cpuSteal, { server: 0.07, client: 0.004 });
    assert.equal(top.heavySteal, true);
    assert.match(AGGREGATION_NOTE, /cpuSteal = max of repetitions/);
    const calm = aggregateRepetitions([withSteal(0.01, 0), withSteal(0, 0.02)]);
    assert.deepEqual(calm.cpuSteal, { server: 0.01, client: 0.02 });
    assert.equal(calm.heavySteal, false);
    // windows from before steal was recorded: no field, not a zero
    const old = aggregateRepetitions([window(), window()]);
    assert.equal("cpuSteal" in old, false);
    assert.equal("heavySteal" in old, false);
  });

  it("counts per family: windows, median and max of each window's larger side, heavy windows; a caveat names them", () => {
    const report = sampleReport({ repetitions: 3 });
    const steals: [number | null, number | null][] = [
      [0.01, 0.02],
      [0.09, 0],
      [null, null],
    ];
    let i = 0;
    for (const r of report.load) {
      r.repetitions = r.repetitions.map((w) => {
        const [server, client] = steals[i++ % steals.length]!;
        return { ...w, cpuSteal: { server, client }, heavySteal: isHeavySteal({ server, client }) };
      });
    }
    const windows = report.load.reduce((n, r) => n + r.repetitions.length, 0);
    const load = stealByFamily(report).find((f) => f.family === "load");
    assert.ok(load !== undefined);
    assert.equal(load.windows, windows);
    assert.equal(load.recorded, windows);
    const read = report.load.flatMap((r) => r.repetitions).filter((w) => windowStealOf(w) !== null);
    assert.equal(load.read, read.length);
    assert.equal(load.max, 0.09);
    assert.equal(load.heavy, report.load.flatMap((r) => r.repetitions).filter((w) => w.heavySteal).length);
    assert.ok(load.heavy > 0);
    const caveat = runCaveats(report).find((c) => c.startsWith("heavy CPU steal"));
    assert.ok(caveat, "a run caveat when a window was heavy");
    assert.match(caveat, new RegExp(`load: ${load.heavy} of ${windows}`));
    assert.match(caveat, /more than 5% .*paired arm ratios leave them out/);

    const calm = sampleReport({ repetitions: 3 });
    for (const r of calm.load) r.repetitions = r.repetitions.map((w) => ({ ...w, cpuSteal: { server: 0, client: 0.01 }, heavySteal: false }));
    assert.equal(runCaveats(calm).some((c) => c.startsWith("heavy CPU steal")), false);
  });
});
