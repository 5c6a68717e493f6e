// Stream repetitions in the load engine's result shape (Measurement + repetitions + HDR histogram), so compare and
// the writers read a stream case as they read a load scenario. One repetition is one window: a fetch of every
// item, an upload, or a conversation; its latency is the time to the last item (a conversation's: each round trip).
import { createHistogram, encodeHistogram, recordUs, summarizeHistogram, type LatencyHistogram } from "../histogram.js";
import { aggregateRepetitions } from "../load/aggregate-repetitions.js";
import type { EngineMeasurement, Measurement } from "../model/measurement.js";
import type { ProbeReading } from "./case-probe.js";

export interface StreamWindow {
  startedAt: string;
  /** the whole repetition, ms; null when it never finished */
  elapsedMs: number | null;
  /** calls the repetition made (1, or one per page) */
  calls: number;
  /** round trips for a conversation; otherwise the window's one latency (elapsedMs) is recorded */
  latencies?: LatencyHistogram;
  failure?: string;
  probe: ProbeReading | null;
}

/** One repetition as a Measurement: per-call figures are per call the repetition made. */
export function streamWindow(w: StreamWindow): Measurement {
  let histogram = w.latencies;
  if (histogram === undefined) {
    histogram = createHistogram();
    if (w.elapsedMs !== null && w.failure === undefined) recordUs(histogram, w.elapsedMs * 1000);
  }
  const ok = w.failure === undefined && w.elapsedMs !== null;
  const durationS = (w.elapsedMs ?? 0) / 1000;
  const calls = Math.max(1, w.calls);
  const okCalls = ok ? (w.latencies?.totalCount ?? calls) : 0;
  const timedOut = w.failure?.startsWith("timeout") ?? false;
  return {
    endReason: ok ? "completed" : timedOut ? "timeout" : "failed",
    ...(ok ? {} : { failure: w.failure ?? "did not finish" }),
    startedAt: w.startedAt,
    durationS,
    requests: w.latencies?.totalCount ?? calls,
    errors: ok ? { total: 0, byCode: {} } : { total: 1, byCode: { [timedOut ? "timeout" : "failed"]: 1 } },
    throughputRps: ok && durationS > 0 ? okCalls / durationS : 0,
    latencyMs: summarizeHistogram(histogram),
    histogram: encodeHistogram(histogram),
    wireBytesPerCall: w.probe ? { request: w.probe.wireBytes.request / calls, response: w.probe.wireBytes.response / calls } : null,
    serverCpuUsPerCall: w.probe?.serverCpuMs != null && okCalls > 0 ? (w.probe.serverCpuMs * 1000) / okCalls : null,
    clientCpuUsPerCall: null,
    serverPeakRssMb: w.probe?.serverPeakRssMb ?? null,
    clientPeakRssMb: w.probe?.clientPeakRssMb ?? null,
    clientCpuUtilization: null,
    driverSaturated: false,
  };
}

/** The repetitions of a stream case, aggregated as the load engine aggregates them; null when none ran. */
export function streamMeasurement(windows: readonly StreamWindow[]): EngineMeasurement | null {
  if (windows.length === 0) return null;
  const repetitions = windows.map(streamWindow);
  return { ...aggregateRepetitions(repetitions), repetitions };
}
