// The repetition loop the server-stream and upload cases share: it stops at the first failure, runs nothing
// after a failed warm-up, and the probe figures are the same aggregation for every case (peak RSS the maximum,
// start RSS the first repetition's, server CPU the median, wire bytes the last repetition's).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProbeReading } from "../bench/stream/case-probe.js";
import type { StreamCaseContext } from "../bench/stream/stream-case-context.js";
import { endReasonOf, measureRepetitions, probeFigures } from "../bench/stream/stream-repetitions.js";
import { streamMeasurement } from "../bench/stream/stream-measurement.js";
import { createHistogram, decodeHistogram, recordUs } from "../bench/histogram.js";

const ctx = (aborted = false): StreamCaseContext => {
  const controller = new AbortController();
  if (aborted) controller.abort();
  return { arm: "test-arm", server: null, meter: null as never, signal: controller.signal, repetitionTimeoutMs: 1000 };
};

const reading = (i: number): ProbeReading => ({
  clientRssStartMb: 10 + i,
  clientPeakRssMb: [50, 70, 60][i] ?? null,
  serverRssStartMb: 20 + i,
  serverPeakRssMb: i === 1 ? null : 30 + i,
  serverPeakIsLifetime: false,
  serverCpuMs: [5, 1, 3][i] ?? null,
  wireBytes: { request: 100 + i, response: 1000 + i },
});

test("repetitions stop at the first failure and keep what ran", async () => {
  let i = 0;
  const outcomes = ["ok", "bad", "ok"];
  const reps = await measureRepetitions(3, ctx(), undefined, async () => ({ outcome: outcomes[i] as string, probe: reading(i++) }), (o) => (o === "bad" ? "failed on purpose" : undefined));
  assert.deepEqual(reps.outcomes, ["ok", "bad"]);
  assert.equal(reps.probes.length, 2);
  assert.equal(reps.failure, "failed on purpose");
  assert.equal(endReasonOf(ctx(), reps.failure), "failed");
});

test("a failed warm-up runs no repetition; an aborted family runs none either", async () => {
  const never = async () => assert.fail("must not run");
  const warmFailed = await measureRepetitions(3, ctx(), "warm-up: boom", never, () => undefined);
  assert.deepEqual(warmFailed, { outcomes: [], probes: [], startedAt: [], failure: "warm-up: boom" });
  const aborted = await measureRepetitions(3, ctx(true), undefined, never, () => undefined);
  assert.deepEqual(aborted.outcomes, []);
  assert.equal(endReasonOf(ctx(true), undefined), "aborted");
  assert.equal(endReasonOf(ctx(), "timeout after 1000 ms"), "timeout");
  assert.equal(endReasonOf(ctx(), undefined), "completed");
});

test("probe figures: peak RSS the maximum, start RSS the first, server CPU the median, wire bytes the last", () => {
  const figures = probeFigures([0, 1, 2].map(reading));
  assert.deepEqual(figures, {
    clientPeakRssMb: 70,
    serverPeakRssMb: 32,
    clientRssStartMb: 10,
    serverRssStartMb: 20,
    serverCpuMs: 3,
    wireBytes: { request: 102, response: 1002 },
  });
  assert.deepEqual(probeFigures([]), { clientPeakRssMb: null, serverPeakRssMb: null, clientRssStartMb: null, serverRssStartMb: null, serverCpuMs: null, wireBytes: null });
});

test("stream repetitions become the load engine's measurement: one window each, latency = time to the last item", () => {
  const m = streamMeasurement([
    { startedAt: "2026-01-01T00:00:00.000Z", elapsedMs: 20, calls: 1, probe: reading(0) },
    { startedAt: "2026-01-01T00:00:01.000Z", elapsedMs: 40, calls: 4, probe: reading(2) },
    { startedAt: "2026-01-01T00:00:02.000Z", elapsedMs: null, calls: 1, failure: "timeout after 1000 ms", probe: null },
  ]);
  assert.ok(m !== null);
  assert.equal(m.repetitions.length, 3);
  const [a, b, c] = m.repetitions;
  assert.ok(Math.abs((a?.latencyMs.p50 ?? 0) - 20) <= 0.02, `p50 ${a?.latencyMs.p50} ms (HDR, 3 significant digits)`);
  assert.equal(a?.serverCpuUsPerCall, 5000);
  assert.deepEqual(b?.wireBytesPerCall, { request: 102 / 4, response: 1002 / 4 });
  assert.equal(b?.throughputRps, 4 / 0.04);
  assert.equal(c?.endReason, "timeout");
  assert.deepEqual(c?.errors, { total: 1, byCode: { timeout: 1 } });
  // the merged histogram holds one latency per completed repetition
  assert.equal(decodeHistogram(m.histogram).totalCount, 2);
  assert.equal(m.endReason, "timeout");
  assert.equal(streamMeasurement([]), null);
});

test("a conversation's window keeps every round trip", () => {
  const rtt = createHistogram();
  for (const us of [100, 200, 300, 400]) recordUs(rtt, us);
  const m = streamMeasurement([{ startedAt: "2026-01-01T00:00:00.000Z", elapsedMs: 2, calls: 4, latencies: rtt, probe: reading(1) }]);
  assert.equal(m?.requests, 4);
  assert.equal(m?.repetitions[0]?.throughputRps, 2000);
  assert.equal(decodeHistogram(m!.histogram).totalCount, 4);
});
