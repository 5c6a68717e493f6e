// mergeMeasurements: the exact merge of windows taken side by side — percentiles from the added histograms (never
// averaged), counts summed, throughput the parts' rates added, and the server's CPU counted once when every part
// read the same server, added when each read its own.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createHistogram, decodeHistogram, encodeHistogram, recordUs, summarizeHistogram } from "../bench/histogram.js";
import { mergeEngineMeasurements, mergeMeasurements, windowOverlap } from "../bench/merge/merge-measurements.js";
import type { EngineMeasurement, Measurement } from "../bench/model/measurement.js";

/** A deterministic pseudo-random stream (mulberry32), so the samples are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PartSpec {
  samplesUs: number[];
  errors: Record<string, number>;
  startedAt: string;
  durationS: number;
  serverCpuUs: number | null;
  clientCpuUs: number;
  bytes: { request: number; response: number };
  saturated?: boolean;
  round?: number;
}

function window(spec: PartSpec): Measurement {
  const h = createHistogram();
  for (const us of spec.samplesUs) recordUs(h, us);
  const errorTotal = Object.values(spec.errors).reduce((n, v) => n + v, 0);
  const requests = spec.samplesUs.length + errorTotal;
  return {
    endReason: "completed",
    startedAt: spec.startedAt,
    ...(spec.round !== undefined ? { round: spec.round } : {}),
    durationS: spec.durationS,
    requests,
    errors: { total: errorTotal, byCode: spec.errors },
    throughputRps: spec.samplesUs.length / spec.durationS,
    latencyMs: summarizeHistogram(h),
    histogram: encodeHistogram(h),
    wireBytesPerCall: { request: spec.bytes.request / requests, response: spec.bytes.response / requests },
    serverCpuUsPerCall: spec.serverCpuUs === null ? null : spec.serverCpuUs / requests,
    clientCpuUsPerCall: spec.clientCpuUs / requests,
    serverPeakRssMb: 80,
    clientPeakRssMb: 60,
    clientCpuUtilization: spec.clientCpuUs / (spec.durationS * 1e6),
    driverSaturated: spec.saturated ?? false,
  };
}

/** Three parts whose latencies come from different distributions (a fast, a slow and a bimodal generator). */
function parts(seed = 1): { specs: PartSpec[]; all: number[] } {
  const rnd = random(seed);
  const fast = Array.from({ length: 5000 }, () => 200 + rnd() * 300);
  const slow = Array.from({ length: 1500 }, () => 900 + rnd() * 4000);
  const bimodal = Array.from({ length: 3000 }, () => (rnd() < 0.9 ? 300 + rnd() * 100 : 20_000 + rnd() * 30_000));
  const t0 = Date.parse("2026-11-30T12:00:00.000Z");
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const specs: PartSpec[] = [
    { samplesUs: fast, errors: { UNAVAILABLE: 3, reset: 1 }, startedAt: at(0), durationS: 2, serverCpuUs: 400_000, clientCpuUs: 1_800_000, bytes: { request: 500_000, response: 900_000 } },
    { samplesUs: slow, errors: { UNAVAILABLE: 2 }, startedAt: at(4), durationS: 2.002, serverCpuUs: 404_000, clientCpuUs: 1_200_000, bytes: { request: 150_000, response: 270_000 }, saturated: true },
    { samplesUs: bimodal, errors: {}, startedAt: at(9), durationS: 1.996, serverCpuUs: 398_000, clientCpuUs: 1_500_000, bytes: { request: 300_000, response: 540_000 } },
  ];
  return { specs, all: [...fast, ...slow, ...bimodal] };
}

/** One histogram fed every sample, as a report stores it (encoded): its max is then its bucket's top, like any merged one's. */
function oneHistogramOf(samples: readonly number[]) {
  const h = createHistogram();
  for (const us of samples) recordUs(h, us);
  return decodeHistogram(encodeHistogram(h));
}

test("merged latency percentiles are those of one histogram fed every sample, not an average of the parts' percentiles", () => {
  const { specs, all } = parts();
  const windows = specs.map(window);
  const merged = mergeMeasurements(windows);
  const expected = summarizeHistogram(oneHistogramOf(all));
  assert.deepEqual(merged.latencyMs, expected);
  const averagedP99 = windows.reduce((n, w) => n + w.latencyMs.p99, 0) / windows.length;
  assert.notEqual(merged.latencyMs.p99, averagedP99, "the fixture must tell a merge from an average");
  assert.equal(merged.latencyMs.p50, expected.p50);
  assert.equal(merged.latencyMs.p99, expected.p99);
});

test("requests, errors by code, bytes and client CPU sum; throughput adds the parts' rates; saturated if any part was", () => {
  const { specs, all } = parts();
  const windows = specs.map(window);
  const merged = mergeMeasurements(windows);
  assert.equal(merged.requests, all.length + 6);
  assert.deepEqual(merged.errors, { total: 6, byCode: { UNAVAILABLE: 5, reset: 1 } });
  const throughput = specs.reduce((n, s) => n + s.samplesUs.length / s.durationS, 0);
  assert.ok(Math.abs(merged.throughputRps - throughput) < 1e-6);
  assert.ok(Math.abs((merged.wireBytesPerCall?.request ?? 0) - 950_000 / merged.requests) < 1e-9);
  assert.ok(Math.abs((merged.wireBytesPerCall?.response ?? 0) - 1_710_000 / merged.requests) < 1e-9);
  assert.ok(Math.abs((merged.clientCpuUsPerCall ?? 0) - 4_500_000 / merged.requests) < 1e-9);
  assert.ok(Math.abs((merged.clientCpuUtilization ?? 0) - windows.reduce((n, w) => n + (w.clientCpuUtilization ?? 0), 0)) < 1e-9);
  assert.equal(merged.driverSaturated, true);
  assert.equal(merged.clientPeakRssMb, 180, "client peaks add up: the generators ran at once");
  assert.equal(merged.startedAt, specs[0]?.startedAt);
});

test("server CPU: read once when every part read the same server, added when each read its own", () => {
  const { specs } = parts();
  const windows = specs.map(window);
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  const shared = mergeMeasurements(windows, { server: "shared" });
  // the one server's CPU rate (mean of the three readings of it) over the parts' summed call rate
  const serverRate = specs.reduce((n, s) => n + (s.serverCpuUs as number) / s.durationS, 0) / specs.length;
  const callRate = windows.reduce((n, w) => n + w.requests / w.durationS, 0);
  assert.ok(Math.abs((shared.serverCpuUsPerCall ?? 0) - serverRate / callRate) < 1e-9);
  // about the one server's 400 ms over all calls, not three times it
  assert.ok(Math.abs((shared.serverCpuUsPerCall ?? 0) - 400_000 / requests) / (400_000 / requests) < 0.01);
  assert.equal(shared.serverPeakRssMb, 80);
  const distinct = mergeMeasurements(windows, { server: "distinct" });
  assert.ok(Math.abs((distinct.serverCpuUsPerCall ?? 0) - 1_202_000 / requests) < 1e-9);
  assert.equal(distinct.serverPeakRssMb, 240);
  // a part that could not read the server: shared still knows the server's rate, distinct does not
  const oneBlind = [window({ ...specs[0]!, serverCpuUs: null }), windows[1]!, windows[2]!];
  assert.notEqual(mergeMeasurements(oneBlind, { server: "shared" }).serverCpuUsPerCall, null);
  assert.equal(mergeMeasurements(oneBlind, { server: "distinct" }).serverCpuUsPerCall, null);
});

test("windowOverlap says how far apart the windows started and how much of them they shared", () => {
  const { specs } = parts();
  const o = windowOverlap(specs.map(window));
  assert.equal(o.spreadMs, 9);
  // common: from the last start (9 ms) to the first end (0 + 2000 ms) = 1991 ms of the longest window, 2002 ms
  assert.ok(Math.abs(o.commonS - 1.991) < 1e-9);
  assert.ok(Math.abs(o.overlap - 1991 / 2002) < 1e-9);
  const apart = windowOverlap([window(specs[0]!), window({ ...specs[1]!, startedAt: "2026-11-30T12:00:05.000Z" })]);
  assert.equal(apart.overlap, 0);
  // a clock offset moves a window onto the common time line
  assert.equal(windowOverlap(specs.map(window), [0, 4, 9]).spreadMs, 0);
});

test("measurements with repetitions merge round by round, and the top level aggregates the merged rounds", () => {
  const a = parts(1);
  const b = parts(2);
  const engine = (specs: PartSpec[], round0: PartSpec[]): EngineMeasurement => {
    const reps = [window({ ...round0[0]!, round: 1 }), window({ ...specs[1]!, round: 2 })];
    return { ...reps[0]!, repetitions: reps };
  };
  const p1 = engine(a.specs, a.specs);
  const p2 = engine(b.specs, b.specs.slice(2));
  const merged = mergeMeasurements([p1, p2]);
  assert.equal(merged.repetitions.length, 2);
  assert.equal(merged.repetitions[0]?.round, 1);
  assert.equal(merged.repetitions[0]?.requests, (p1.repetitions[0]?.requests ?? 0) + (p2.repetitions[0]?.requests ?? 0));
  assert.equal(merged.requests, [...p1.repetitions, ...p2.repetitions].reduce((n, w) => n + w.requests, 0));
  const all = [...a.specs[0]!.samplesUs, ...a.specs[1]!.samplesUs, ...b.specs[2]!.samplesUs, ...b.specs[1]!.samplesUs];
  assert.deepEqual(merged.latencyMs, summarizeHistogram(oneHistogramOf(all)));
  assert.deepEqual(mergeEngineMeasurements([p1, p2]), merged);
});

test("one part merges to itself; nothing to merge is a programming error", () => {
  const w = window(parts().specs[0]!);
  assert.deepEqual(mergeMeasurements([w]), w);
  assert.throws(() => mergeMeasurements([] as Measurement[]));
});
