// The one histogram module: settings, recording in µs, encode/decode, merging across windows, summaries in ms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHistogram, decodeHistogram, encodeHistogram, HISTOGRAM_SETTINGS, mergeHistograms, recordUs, summarizeHistogram } from "../bench/histogram.js";
import { aggregateRepetitions, median } from "../bench/load/aggregate-repetitions.js";
import type { Measurement } from "../bench/model/measurement.js";

/** Within the histogram's 3-significant-digit resolution. */
function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= expected * 0.001 + 1e-9, `${what}: ${actual} is not ${expected} within 0.1%`);
}

test("percentiles match literal samples", () => {
  const h = createHistogram();
  for (let us = 1; us <= 1000; us++) recordUs(h, us);
  const s = summarizeHistogram(h);
  near(s.p50, 0.5, "p50");
  near(s.p90, 0.9, "p90");
  near(s.p99, 0.99, "p99");
  near(s.p999, 0.999, "p99.9");
  near(s.max, 1, "max");
  near(s.mean, 0.5005, "mean");
});

test("windows merge through their encoded form, as repetitions do", () => {
  const a = createHistogram();
  const b = createHistogram();
  for (let i = 0; i < 900; i++) recordUs(a, 100);
  for (let i = 0; i < 100; i++) recordUs(b, 10_000);
  const merged = mergeHistograms([encodeHistogram(a), encodeHistogram(b)]);
  assert.equal(merged.totalCount, 1000);
  const s = summarizeHistogram(merged);
  near(s.p50, 0.1, "p50");
  near(s.p90, 0.1, "p90");
  near(s.p99, 10, "p99");
  near(s.max, 10, "max");
  near(s.mean, (900 * 0.1 + 100 * 10) / 1000, "mean");
  // decoding is lossless at the shared settings
  assert.equal(decodeHistogram(encodeHistogram(merged)).totalCount, 1000);
});

test("values outside the range are clamped, not lost", () => {
  const h = createHistogram();
  recordUs(h, 0.2);
  recordUs(h, HISTOGRAM_SETTINGS.highest * 10);
  assert.equal(h.totalCount, 2);
  near(summarizeHistogram(h).max, HISTOGRAM_SETTINGS.highest / 1000, "max");
});

test("an empty histogram summarizes as zeros and encodes with the shared settings", () => {
  const encoded = encodeHistogram(createHistogram());
  assert.deepEqual(summarizeHistogram(decodeHistogram(encoded)), { p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 });
  assert.equal(encoded.unit, "us");
  assert.equal(encoded.lowest, HISTOGRAM_SETTINGS.lowest);
  assert.equal(encoded.highest, HISTOGRAM_SETTINGS.highest);
  assert.equal(encoded.significantDigits, HISTOGRAM_SETTINGS.significantDigits);
});

function window(latenciesUs: number[], rps: number, serverUs: number | null, extra: Partial<Measurement> = {}): Measurement {
  const h = createHistogram();
  for (const us of latenciesUs) recordUs(h, us);
  return {
    endReason: "completed",
    startedAt: "2026-01-01T00:00:00.000Z",
    durationS: 1,
    requests: latenciesUs.length,
    errors: { total: 0, byCode: {} },
    throughputRps: rps,
    latencyMs: summarizeHistogram(h),
    histogram: encodeHistogram(h),
    wireBytesPerCall: { request: 10, response: 100 },
    serverCpuUsPerCall: serverUs,
    clientCpuUsPerCall: 5,
    serverPeakRssMb: 50,
    clientPeakRssMb: 60,
    clientCpuUtilization: 0.5,
    driverSaturated: false,
    ...extra,
  };
}

test("repetitions aggregate: merged latency, summed counts, median throughput and CPU, worst end reason", () => {
  const reps = [
    window([100, 100], 1000, 30),
    window([200, 200, 200], 3000, 50, { serverPeakRssMb: 70, errors: { total: 2, byCode: { NOT_FOUND: 2 } } }),
    window([300], 2000, 40, { endReason: "aborted", failure: "aborted by signal", driverSaturated: true, wireBytesPerCall: { request: 20, response: 200 } }),
  ];
  const top = aggregateRepetitions(reps);
  assert.equal(top.requests, 6);
  assert.equal(top.throughputRps, 2000);
  assert.equal(top.serverCpuUsPerCall, 40);
  assert.equal(top.serverPeakRssMb, 70);
  assert.deepEqual(top.errors, { total: 2, byCode: { NOT_FOUND: 2 } });
  assert.equal(top.endReason, "aborted");
  assert.equal(top.driverSaturated, true);
  assert.deepEqual(top.wireBytesPerCall, { request: (10 * 5 + 20) / 6, response: (100 * 5 + 200) / 6 });
  near(top.latencyMs.max, 0.3, "max");
  near(top.latencyMs.p50, 0.2, "p50");
  assert.equal(median([3, 1, 2, 10]), 2.5);
  assert.equal(median([]), null);
});
