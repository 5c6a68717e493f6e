// Repetitions → the top-level figures of a LoadResult. Latency comes from the merged histogram (every call of
// every repetition counts once); counts are summed (aggregateRepetitions' durationS is the sum; a LoadResult
// shows the configured per-repetition duration instead, since config and figures share that name); throughput and CPU per call are the MEDIAN of the
// repetitions (robust to one disturbed window; the spread stays visible in repetitions[]); bytes per call
// are total bytes / total calls; peak RSS is the max; a run is saturated if any repetition was. CPU steal is the
// max per side (the worst window is what a reader must see) and heavy if any repetition was. Where the server
// figures came from is said once for all repetitions (serverFigureSource).
import { encodeHistogram, mergeHistograms, summarizeHistogram } from "../histogram.js";
import type { CpuSteal, EndReason, Measurement, PeakRssScope, ServerMetricsSource, WorkerShare } from "../model/measurement.js";
import { mergeErrorCounts } from "./error-counter.js";

export const AGGREGATION_NOTE =
  "histogram/latency merged over repetitions; requests, errors summed; durationS = the configured window of one " +
  "repetition (actual durations in repetitions[]); throughputRps, serverCpuUsPerCall, " +
  "clientCpuUsPerCall, clientCpuUtilization = median of repetitions; wireBytesPerCall = total bytes / total calls; " +
  "peak RSS = max; driverSaturated = any repetition; serverCallsServed summed; cpuSteal = max of repetitions (server and client each); " +
  "heavySteal = any repetition";

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function medianOf(windows: readonly Measurement[], pick: (m: Measurement) => number | null): number | null {
  return median(windows.map(pick).filter((v): v is number => v !== null));
}

function maxOf(windows: readonly Measurement[], pick: (m: Measurement) => number | null): number | null {
  const values = windows.map(pick).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.max(...values);
}

/** The repetitions' steal as one: the max per side; absent when no repetition recorded it (older or other engines). */
function stealOf(windows: readonly Measurement[]): Pick<Measurement, "cpuSteal" | "heavySteal"> {
  const recorded = windows.filter((w) => w.cpuSteal !== undefined);
  const cpuSteal: CpuSteal | undefined =
    recorded.length === 0 ? undefined : { server: maxOf(recorded, (w) => w.cpuSteal?.server ?? null), client: maxOf(recorded, (w) => w.cpuSteal?.client ?? null) };
  const flagged = windows.filter((w) => w.heavySteal !== undefined);
  return {
    ...(cpuSteal !== undefined ? { cpuSteal } : {}),
    ...(flagged.length > 0 ? { heavySteal: flagged.some((w) => w.heavySteal === true) } : {}),
  };
}

const SEVERITY: Record<EndReason, number> = { completed: 0, timeout: 1, aborted: 2, failed: 3 };

/**
 * The repetitions' server-metrics source as one: their own when they agree; a monitor that answered in some
 * windows only is still "monitor", with the count in the note. Absent when no repetition said (older callers).
 */
export function serverFigureSource(windows: readonly Measurement[]): Pick<Measurement, "serverMetrics" | "serverMetricsNote" | "serverCallsServed" | "serverPeakRssScope"> {
  const said = windows.filter((w) => w.serverMetrics !== undefined);
  if (said.length === 0) return {};
  const sources = new Set(said.map((w) => w.serverMetrics as ServerMetricsSource));
  const source: ServerMetricsSource = sources.size === 1 ? [...sources][0]! : sources.has("monitor") ? "monitor" : sources.has("process") ? "process" : "not-measured";
  const notes = [...new Set(said.map((w) => w.serverMetricsNote).filter((n): n is string => n !== undefined))];
  const partial = source === "monitor" && said.some((w) => w.serverMetrics !== "monitor") ? [`measured in ${said.filter((w) => w.serverMetrics === "monitor").length} of ${windows.length} repetitions`] : [];
  const served = windows.map((w) => w.serverCallsServed);
  // the scope of the window the top-level peak comes from
  let peak: Measurement | undefined;
  for (const w of windows) if (w.serverPeakRssMb !== null && (peak === undefined || w.serverPeakRssMb > (peak.serverPeakRssMb as number))) peak = w;
  const scope: PeakRssScope | undefined = peak?.serverPeakRssScope;
  const note = [...partial, ...notes].join("; ");
  return {
    serverMetrics: source,
    ...(note !== "" ? { serverMetricsNote: note } : {}),
    ...(served.every((n): n is number => n !== undefined) && served.length > 0 ? { serverCallsServed: served.reduce((a, n) => a + n, 0) } : {}),
    ...(scope !== undefined ? { serverPeakRssScope: scope } : {}),
  };
}

/** --workers: per worker over the repetitions — requests and errors summed, throughput and CPU utilization the median, saturated if ever. */
function workersOf(windows: readonly Measurement[]): Pick<Measurement, "workers" | "workerOverlap"> {
  const shares = windows.flatMap((w) => w.workers ?? []);
  if (shares.length === 0) return {};
  const indices = [...new Set(shares.map((s) => s.index))].sort((a, b) => a - b);
  const overlaps = windows.map((w) => w.workerOverlap).filter((o): o is number => o !== undefined);
  return {
    ...(overlaps.length > 0 ? { workerOverlap: Math.min(...overlaps) } : {}),
    workers: indices.map((index) => {
      const own = shares.filter((s) => s.index === index);
      const last = own[own.length - 1] as WorkerShare;
      let worst = last;
      for (const s of own) if (SEVERITY[s.endReason] > SEVERITY[worst.endReason]) worst = s;
      return {
        ...last,
        requests: own.reduce((n, s) => n + s.requests, 0),
        errors: own.reduce((n, s) => n + s.errors, 0),
        throughputRps: median(own.map((s) => s.throughputRps)) ?? 0,
        clientCpuUtilization: median(own.map((s) => s.clientCpuUtilization).filter((v): v is number => v !== null)),
        driverSaturated: own.some((s) => s.driverSaturated),
        endReason: worst.endReason,
      };
    }),
  };
}

export function aggregateRepetitions(windows: readonly Measurement[]): Measurement {
  const histogram = mergeHistograms(windows.map((w) => w.histogram));
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  let worst: Measurement | undefined;
  for (const w of windows) if (worst === undefined || SEVERITY[w.endReason] > SEVERITY[worst.endReason]) worst = w;
  const withBytes = windows.filter((w) => w.wireBytesPerCall !== null && w.requests > 0);
  const byteCalls = withBytes.reduce((n, w) => n + w.requests, 0);
  const wireBytesPerCall =
    byteCalls > 0
      ? {
          request: withBytes.reduce((n, w) => n + (w.wireBytesPerCall?.request ?? 0) * w.requests, 0) / byteCalls,
          response: withBytes.reduce((n, w) => n + (w.wireBytesPerCall?.response ?? 0) * w.requests, 0) / byteCalls,
        }
      : null;
  const endReason = worst?.endReason ?? "failed";
  return {
    endReason,
    ...(endReason !== "completed" ? { failure: worst?.failure ?? "no repetition was measured" } : {}),
    startedAt: windows[0]?.startedAt ?? new Date().toISOString(),
    durationS: windows.reduce((n, w) => n + w.durationS, 0),
    requests,
    errors: mergeErrorCounts(windows.map((w) => w.errors)),
    throughputRps: medianOf(windows, (w) => w.throughputRps) ?? 0,
    latencyMs: summarizeHistogram(histogram),
    histogram: encodeHistogram(histogram),
    wireBytesPerCall,
    serverCpuUsPerCall: medianOf(windows, (w) => w.serverCpuUsPerCall),
    clientCpuUsPerCall: medianOf(windows, (w) => w.clientCpuUsPerCall),
    serverPeakRssMb: maxOf(windows, (w) => w.serverPeakRssMb),
    clientPeakRssMb: maxOf(windows, (w) => w.clientPeakRssMb),
    clientCpuUtilization: medianOf(windows, (w) => w.clientCpuUtilization),
    driverSaturated: windows.some((w) => w.driverSaturated),
    ...stealOf(windows),
    ...serverFigureSource(windows),
    ...workersOf(windows),
  };
}
