// The exact merge of the measurements of ONE scenario taken side by side by several load generators: worker
// processes on one host (--workers N) or shards on several hosts (--shard i/N, merged by `npm run merge`). The
// result is what one load generator N times as large would have recorded over the same window:
//
// - latency: the HDR histograms added and the summary read from the sum (percentiles are never averaged);
// - requests, errors (total and by code): summed; wire bytes per call: total bytes / total calls;
// - throughput: the sum of the parts' own rates (successful calls / the part's window). When the windows coincide
//   this is total calls / the common window; when they are a few ms apart it does not count the calls made outside
//   the overlap as if they had been made inside it (total / overlap would). How well they overlapped is
//   windowOverlap()'s answer, which callers put beside the figure;
// - load generator: client CPU µs per call = total client CPU / total calls; CPU utilization summed (cores used by
//   all generators together); saturated if any part was; peak RSS summed (the processes ran at once, so the sum
//   bounds their combined peak from above); steal the max;
// - server: see ServerSharing. The rule: a figure that is a property of the server process over the window is taken
//   once when every part read the same process, and added when each part read its own.
import { encodeHistogram, mergeHistograms, summarizeHistogram } from "../histogram.js";
import { aggregateRepetitions, serverFigureSource } from "../load/aggregate-repetitions.js";
import { mergeErrorCounts } from "../load/error-counter.js";
import type { EndReason, EngineMeasurement, Measurement, PeakRssScope } from "../model/measurement.js";

/**
 * Whose server the parts' server figures describe.
 * - "shared" (default): every part read the SAME server process over (nearly) the same window: workers loading one
 *   local server, or shards loading one remote target through its monitor. Each part's reading is then the whole
 *   server's CPU, serving every part's calls, so adding them would count it N times. The server's CPU rate is the
 *   mean of the parts' rates (CPU µs / window s, over the parts that read one) and the figure per call is that rate
 *   over the parts' summed call rate. Peak RSS and calls served (a monitor's count, from every client) are the max.
 * - "distinct": each part read its own server process (N servers, each loaded by one part): server CPU µs per call
 *   = the sum of the parts' server CPU µs / total calls; peak RSS summed (the servers ran at once).
 */
export type ServerSharing = "shared" | "distinct";

export interface MergeMeasurementsOptions {
  server?: ServerSharing;
}

const SEVERITY: Record<EndReason, number> = { completed: 0, timeout: 1, aborted: 2, failed: 3 };

const successes = (m: Measurement): number => Math.max(0, m.requests - m.errors.total);
const known = (values: readonly (number | null | undefined)[]): number[] => values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
const sum = (values: readonly number[]): number => values.reduce((n, v) => n + v, 0);
const rate = (m: Measurement, n: number): number => (m.durationS > 0 ? n / m.durationS : 0);

/** How far apart the parts' windows were, on their own clocks (pass clock-corrected start times for other hosts). */
export interface WindowOverlap {
  /** latest start − earliest start, ms */
  spreadMs: number;
  /** seconds during which every part's window was open */
  commonS: number;
  /** commonS / the longest window (1: the windows coincided; 0: some pair never overlapped) */
  overlap: number;
}

export function windowOverlap(parts: readonly Pick<Measurement, "startedAt" | "durationS">[], clockOffsetsMs?: readonly (number | null)[]): WindowOverlap {
  if (parts.length === 0) return { spreadMs: 0, commonS: 0, overlap: 0 };
  const starts = parts.map((p, i) => Date.parse(p.startedAt) - (clockOffsetsMs?.[i] ?? 0));
  const ends = parts.map((p, i) => (starts[i] as number) + p.durationS * 1000);
  const commonMs = Math.max(0, Math.min(...ends) - Math.max(...starts));
  const longestMs = Math.max(...parts.map((p) => p.durationS * 1000));
  return {
    spreadMs: Math.max(...starts) - Math.min(...starts),
    commonS: commonMs / 1000,
    overlap: longestMs > 0 ? Math.min(1, commonMs / longestMs) : 1,
  };
}

/** The server figures of the merged window under the sharing rule. */
function serverFigures(parts: readonly Measurement[], requests: number, sharing: ServerSharing): Pick<Measurement, "serverCpuUsPerCall" | "serverPeakRssMb" | "serverPeakRssScope" | "serverCallsServed"> {
  // each part's server CPU µs over its own window, back from its per-call figure
  const cpu = parts.filter((p) => p.serverCpuUsPerCall !== null && p.requests > 0);
  const peakPart = parts.reduce<Measurement | undefined>((best, p) => (p.serverPeakRssMb !== null && (best === undefined || p.serverPeakRssMb > (best.serverPeakRssMb as number)) ? p : best), undefined);
  const served = parts.map((p) => p.serverCallsServed);
  const allServed = served.every((n): n is number => n !== undefined) && served.length > 0;
  if (sharing === "shared") {
    const timed = cpu.filter((p) => p.durationS > 0);
    const callRate = sum(parts.map((p) => rate(p, p.requests)));
    const serverRate = timed.length > 0 ? sum(timed.map((p) => rate(p, (p.serverCpuUsPerCall as number) * p.requests))) / timed.length : null;
    const scope: PeakRssScope | undefined = peakPart?.serverPeakRssScope;
    return {
      serverCpuUsPerCall: serverRate !== null && callRate > 0 ? serverRate / callRate : null,
      serverPeakRssMb: peakPart?.serverPeakRssMb ?? null,
      ...(scope !== undefined ? { serverPeakRssScope: scope } : {}),
      ...(allServed ? { serverCallsServed: Math.max(...(served as number[])) } : {}),
    };
  }
  const peaks = known(parts.map((p) => p.serverPeakRssMb));
  const scopes = parts.map((p) => p.serverPeakRssScope).filter((s): s is PeakRssScope => s !== undefined);
  return {
    // calls of parts whose server CPU is unknown are left out of both sides of the ratio
    serverCpuUsPerCall: cpu.length === parts.length && requests > 0 ? sum(cpu.map((p) => (p.serverCpuUsPerCall as number) * p.requests)) / requests : null,
    serverPeakRssMb: peaks.length === parts.length && peaks.length > 0 ? sum(peaks) : null,
    ...(scopes.length > 0 ? { serverPeakRssScope: widestScope(scopes) } : {}),
    ...(allServed ? { serverCallsServed: sum(served as number[]) } : {}),
  };
}

/** The least precise scope of several peaks: the sum or max is only as good as its weakest part. */
function widestScope(scopes: readonly PeakRssScope[]): PeakRssScope {
  if (scopes.includes("process-lifetime")) return "process-lifetime";
  if (scopes.includes("window-sampled")) return "window-sampled";
  return "window";
}

/** One window of each part, side by side → one window. */
function mergeWindows(parts: readonly Measurement[], sharing: ServerSharing): Measurement {
  if (parts.length === 0) throw new Error("mergeMeasurements: nothing to merge");
  if (parts.length === 1) return parts[0] as Measurement;
  const histogram = mergeHistograms(parts.map((p) => p.histogram));
  const requests = sum(parts.map((p) => p.requests));
  let worst = parts[0] as Measurement;
  for (const p of parts) if (SEVERITY[p.endReason] > SEVERITY[worst.endReason]) worst = p;
  const withBytes = parts.filter((p) => p.wireBytesPerCall !== null && p.requests > 0);
  const byteCalls = sum(withBytes.map((p) => p.requests));
  const clientCpu = parts.filter((p) => p.clientCpuUsPerCall !== null);
  const clientPeaks = known(parts.map((p) => p.clientPeakRssMb));
  const clientScopes = parts.map((p) => p.clientPeakRssScope).filter((s): s is PeakRssScope => s !== undefined);
  const utilization = known(parts.map((p) => p.clientCpuUtilization));
  const starts = parts.map((p) => Date.parse(p.startedAt));
  const rounds = new Set(parts.map((p) => p.round));
  const stolen = parts.filter((p) => p.cpuSteal !== undefined);
  const maxSteal = (pick: (p: Measurement) => number | null | undefined) => {
    const values = known(stolen.map(pick));
    return values.length > 0 ? Math.max(...values) : null;
  };
  const source = serverFigureSource(parts);
  const server = serverFigures(parts, requests, sharing);
  const served = server.serverCallsServed;
  const merged: Measurement = {
    endReason: worst.endReason,
    ...(worst.endReason !== "completed" ? { failure: worst.failure ?? "a part ended early" } : {}),
    startedAt: new Date(Math.min(...starts)).toISOString(),
    ...(rounds.size === 1 && parts[0]?.round !== undefined ? { round: parts[0].round } : {}),
    // the window each part ran (their mean: they ran side by side, not one after another)
    durationS: sum(parts.map((p) => p.durationS)) / parts.length,
    requests,
    errors: mergeErrorCounts(parts.map((p) => p.errors)),
    throughputRps: sum(parts.map((p) => rate(p, successes(p)))),
    latencyMs: summarizeHistogram(histogram),
    histogram: encodeHistogram(histogram),
    wireBytesPerCall:
      byteCalls > 0
        ? {
            request: sum(withBytes.map((p) => (p.wireBytesPerCall?.request ?? 0) * p.requests)) / byteCalls,
            response: sum(withBytes.map((p) => (p.wireBytesPerCall?.response ?? 0) * p.requests)) / byteCalls,
          }
        : null,
    serverCpuUsPerCall: server.serverCpuUsPerCall,
    clientCpuUsPerCall: clientCpu.length === parts.length && requests > 0 ? sum(clientCpu.map((p) => (p.clientCpuUsPerCall as number) * p.requests)) / requests : null,
    serverPeakRssMb: server.serverPeakRssMb,
    clientPeakRssMb: clientPeaks.length === parts.length ? sum(clientPeaks) : null,
    ...(server.serverPeakRssScope !== undefined ? { serverPeakRssScope: server.serverPeakRssScope } : {}),
    ...(clientScopes.length > 0 ? { clientPeakRssScope: widestScope(clientScopes) } : {}),
    ...(source.serverMetrics !== undefined ? { serverMetrics: source.serverMetrics } : {}),
    ...(source.serverMetricsNote !== undefined ? { serverMetricsNote: source.serverMetricsNote } : {}),
    ...(served !== undefined ? { serverCallsServed: served } : {}),
    clientCpuUtilization: utilization.length === parts.length ? sum(utilization) : null,
    driverSaturated: parts.some((p) => p.driverSaturated),
    ...(stolen.length > 0 ? { cpuSteal: { server: maxSteal((p) => p.cpuSteal?.server), client: maxSteal((p) => p.cpuSteal?.client) } } : {}),
    ...(parts.some((p) => p.heavySteal !== undefined) ? { heavySteal: parts.some((p) => p.heavySteal === true) } : {}),
  };
  return merged;
}

/**
 * Measurements with repetitions, merged round by round: repetition r of the result is the merge of every part's
 * repetition r (a part with fewer repetitions is left out of the rounds it lacks), and the top-level figures come
 * from the merged repetitions as a single run's come from its own (aggregateRepetitions).
 */
export function mergeEngineMeasurements(parts: readonly EngineMeasurement[], options: MergeMeasurementsOptions = {}): EngineMeasurement {
  const sharing = options.server ?? "shared";
  const rounds = Math.max(0, ...parts.map((p) => p.repetitions.length));
  const repetitions: Measurement[] = [];
  for (let r = 0; r < rounds; r++) {
    const windows = parts.flatMap((p) => p.repetitions.slice(r, r + 1));
    repetitions.push(mergeWindows(windows, sharing));
  }
  if (repetitions.length === 0) return { ...mergeWindows(parts, sharing), repetitions: [] };
  return { ...aggregateRepetitions(repetitions), repetitions };
}

/**
 * The exact merge of measurements of one scenario taken side by side. Measurements with `repetitions` (engine
 * measurements, load entries) are merged round by round (mergeEngineMeasurements); plain windows are merged as one.
 */
export function mergeMeasurements(parts: readonly EngineMeasurement[], options?: MergeMeasurementsOptions): EngineMeasurement;
export function mergeMeasurements(parts: readonly Measurement[], options?: MergeMeasurementsOptions): Measurement;
export function mergeMeasurements(parts: readonly Measurement[] | readonly EngineMeasurement[], options: MergeMeasurementsOptions = {}): Measurement | EngineMeasurement {
  if (parts.length > 0 && parts.every((p) => Array.isArray((p as Partial<EngineMeasurement>).repetitions))) {
    return mergeEngineMeasurements(parts as readonly EngineMeasurement[], options);
  }
  return mergeWindows(parts, options.server ?? "shared");
}
