// One scenario over N load-generator processes (--workers N). Each worker runs its share of the connections,
// in-flight calls and open-loop rate (load-split.ts), pinned to its own CPU where there are enough; they open their
// connections, and once all are connected this process names the moment the first measured window begins, so every
// worker warms up until then and measures the same windows by the same clock. This process reads the server once
// over those windows (measureWindows with callsElsewhere: its CPU, peak RSS, steal, and whether it died), and each
// window of the result is the exact merge of the workers' windows (bench/merge/merge-measurements.ts) with that one
// reading of the server: the server's CPU per call is its CPU over the window / every worker's calls.
import { isHeavySteal } from "../cpu/cpu-steal.js";
import { mergeMeasurements, windowOverlap } from "../merge/merge-measurements.js";
import { mergeOpenLoop } from "../merge/merge-open-loop.js";
import type { LoadResult } from "../model/load-result.js";
import type { Measurement, WorkerShare } from "../model/measurement.js";
import { runTlsTrust } from "../run-tls.js";
import { runToken } from "../run-token.js";
import { SocketBytesMeter } from "../wire/socket-bytes-meter.js";
import { AGGREGATION_NOTE, aggregateRepetitions } from "./aggregate-repetitions.js";
import type { LoadGenerator } from "./load-generator.js";
import type { ResolvedScenario } from "./load-scenario.js";
import { fewerConnectionsNote, rateShare, scenarioShare } from "./load-split.js";
import { loadWorkers, planWorkerCpus } from "./load-worker-pool.js";
import { measureWindows, SATURATION_THRESHOLD } from "./measure-windows.js";
import { failedMeasurement, loadConfigOf, type RunLoadOptions } from "./run-load.js";

/** How long after the last worker is connected the warm-up begins at the latest: the "begin" message's trip. */
const BEGIN_MARGIN_MS = 30;
/** The longest a worker may take to open its connections before the run goes on without waiting for it. */
const CONNECT_TIMEOUT_MS = 15_000;

/** A generator that makes no calls: the workers do; this process only reads the server at the window edges. */
const idle: LoadGenerator = { start() {}, stop: async () => {} };

function shareOf(index: number, cpu: string | null, share: ResolvedScenario, rateRps: number | null, w: Measurement): WorkerShare {
  return {
    index,
    pinnedCpu: cpu,
    connections: share.connections,
    concurrency: share.concurrency,
    targetRps: rateRps,
    requests: w.requests,
    errors: w.errors.total,
    throughputRps: w.throughputRps,
    clientCpuUtilization: w.clientCpuUtilization,
    driverSaturated: w.driverSaturated,
    endReason: w.endReason,
  };
}

/**
 * Workers that share a CPU (fewer CPUs than workers) saturate it together: each alone may use half of it and look
 * idle. A CPU whose workers used ≥ 90% of it between them marks every one of them saturated.
 */
export function sharedCpuSaturation(shares: WorkerShare[]): WorkerShare[] {
  const byCpu = new Map<string, WorkerShare[]>();
  for (const s of shares) if (s.pinnedCpu !== null) byCpu.set(s.pinnedCpu, [...(byCpu.get(s.pinnedCpu) ?? []), s]);
  const hot = new Set<number>();
  for (const group of byCpu.values()) {
    if (group.length < 2) continue;
    const used = group.reduce((n, s) => n + (s.clientCpuUtilization ?? 0), 0);
    if (used >= SATURATION_THRESHOLD) for (const s of group) hot.add(s.index);
  }
  return shares.map((s) => (hot.has(s.index) ? { ...s, driverSaturated: true } : s));
}

/** Window r of the result: the workers' windows r merged, the server figures from this process's one reading. */
function mergeWindow(workerWindows: readonly Measurement[], server: Measurement | undefined, serverCpuUs: number | null, ownShares: WorkerShare[]): Measurement {
  const shares = sharedCpuSaturation(ownShares);
  const merged = { ...mergeMeasurements(workerWindows, { server: "shared" }) };
  merged.driverSaturated = merged.driverSaturated || shares.some((s) => s.driverSaturated);
  if (server === undefined) return { ...merged, workers: shares };
  const cpuSteal = { server: server.cpuSteal?.server ?? null, client: merged.cpuSteal?.client ?? null };
  // a server that died or an abort seen here ends the window as it ended the workers'
  const serverEnded = server.endReason !== "completed" && merged.endReason === "completed";
  return {
    ...merged,
    ...(serverEnded ? { endReason: server.endReason, failure: server.failure ?? "the server's window ended early" } : {}),
    serverCpuUsPerCall: serverCpuUs !== null && merged.requests > 0 ? serverCpuUs / merged.requests : null,
    serverPeakRssMb: server.serverPeakRssMb,
    ...(server.serverPeakRssScope !== undefined ? { serverPeakRssScope: server.serverPeakRssScope } : {}),
    ...(server.serverMetrics !== undefined ? { serverMetrics: server.serverMetrics } : {}),
    ...(server.serverMetricsNote !== undefined ? { serverMetricsNote: server.serverMetricsNote } : {}),
    ...(server.serverCallsServed !== undefined ? { serverCallsServed: server.serverCallsServed } : {}),
    cpuSteal,
    heavySteal: isHeavySteal(cpuSteal),
    workers: shares,
  };
}

export async function runLoadScenarioOnWorkers(options: RunLoadOptions, workers: number, asked: number): Promise<LoadResult> {
  const { scenario, server } = options;
  const rateRps = scenario.mode === "open" ? (options.rateRps ?? (typeof scenario.rate === "number" ? scenario.rate : null)) : null;
  const serverCpus = options.pinning?.server ?? server?.pinnedCpus ?? null;
  const plan = planWorkerCpus(workers, server === null || server.remote === true ? null : serverCpus);
  const shares = Array.from({ length: workers }, (_, i) => scenarioShare(scenario, i, workers) as ResolvedScenario);
  const notes: string[] = [];
  if (workers < asked) notes.push(fewerConnectionsNote(scenario, asked, "workers"));
  if (plan.note !== null) notes.push(plan.note);
  const config = { ...loadConfigOf(options, rateRps), clientPinnedCpus: plan.cpus.every((c) => c !== null) ? [...new Set(plan.cpus)].join(",") : null };

  let pool: Awaited<ReturnType<typeof loadWorkers>>;
  try {
    pool = await loadWorkers(workers);
  } catch (error) {
    const failed = [failedMeasurement("worker-start", `--workers ${workers}: ${(error as Error).message}`)];
    return { ...config, ...aggregateRepetitions(failed), durationS: config.durationS, repetitions: failed, coordinatedOmissionCorrected: scenario.mode === "open", aggregation: AGGREGATION_NOTE, notes };
  }
  const pinned = pool.map((w, i) => (w.pin(plan.cpus[i] ?? null) ? (plan.cpus[i] ?? null) : null));
  if (pinned.some((c, i) => c !== plan.cpus[i])) notes.push(`--workers ${workers}: a load generator could not be pinned to its CPU; it ran on the run's CPUs`);
  // every worker connected (or already finished: it failed to connect) → the common begin time
  let connected = 0;
  let allConnected!: () => void;
  const connectedAll = new Promise<void>((resolve) => (allConnected = resolve));
  const onConnected = () => {
    if (++connected === workers) allConnected();
  };
  const runs = pool.map((w, i) =>
    w.run(
      {
        scenario: shares[i] as ResolvedScenario,
        target: options.target,
        ...(rateRps !== null ? { rateRps: rateShare(rateRps, shares[i] as ResolvedScenario, scenario) } : {}),
        ...(options.failAfterMs !== undefined ? { failAfterMs: options.failAfterMs } : {}),
        token: runToken(),
        trust: runTlsTrust(),
        clientCpu: pinned[i] ?? null,
      },
      onConnected,
    ),
  );
  const onAbort = () => runs.forEach((r) => r.abort());
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([connectedAll, new Promise<void>((resolve) => (timer = setTimeout(resolve, CONNECT_TIMEOUT_MS)))]);
    clearTimeout(timer);
    // warm-up: the scenario's, or the longest a minimum-calls warm-up may take (one time for every worker)
    const warmupS = options.beginAtMs !== undefined ? 0 : Math.max(scenario.warmupS, options.warmupMinCalls !== undefined ? (options.warmupMaxS ?? 0) : 0);
    const beginAtMs = options.beginAtMs ?? Date.now() + BEGIN_MARGIN_MS + warmupS * 1000;
    for (const r of runs) r.begin(beginAtMs);
    const meter = new SocketBytesMeter();
    const serverRun = measureWindows({
      generator: idle,
      plan: { warmupS: 0, durationS: scenario.durationS, repetitions: scenario.repetitions, beginAtMs },
      server,
      meter,
      callsElsewhere: true,
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    }).finally(() => meter.dispose());
    // a server that dies stops the workers too (its window ends; theirs would only count refused calls)
    void serverRun.then((run) => {
      if (run.endReason !== "completed") onAbort();
    });
    const [serverSide, ...results] = await Promise.all([
      serverRun,
      ...runs.map((r, i) =>
        r.result.catch((error: unknown): LoadResult => {
          const failed = [failedMeasurement("worker-failed", `load worker ${i}: ${(error as Error).message}`)];
          return { ...config, ...aggregateRepetitions(failed), repetitions: failed, coordinatedOmissionCorrected: false };
        }),
      ),
    ]);
    const rounds = Math.max(...results.map((r) => r.repetitions.length));
    const repetitions: Measurement[] = [];
    for (let r = 0; r < rounds; r++) {
      const windows = results.flatMap((res, i) => (res.repetitions[r] !== undefined ? [{ i, w: res.repetitions[r] as Measurement }] : []));
      const shareList = windows.map(({ i, w }) => shareOf(i, pinned[i] ?? null, shares[i] as ResolvedScenario, rateRps !== null ? rateShare(rateRps, shares[i] as ResolvedScenario, scenario) : null, w));
      const window = mergeWindow(windows.map((x) => x.w), serverSide.windows[r], serverSide.serverCpuUs[r] ?? null, shareList);
      repetitions.push({ ...window, workerOverlap: windowOverlap(windows.map((x) => x.w)).overlap });
    }
    const top = aggregateRepetitions(repetitions);
    // one note for every repetition alike; how well each repetition's windows overlapped is its workerOverlap
    notes.push(`--workers ${workers}: load from ${workers} processes (${shares.map((s) => s.concurrency).join(" + ")} in flight), their windows merged exactly (workerOverlap: how much of a window they shared)`);
    for (const res of results) for (const note of res.notes ?? []) if (!/^remote target|^load generator (CPU reached|not pinned)/.test(note) && !notes.includes(note)) notes.push(note);
    const saturated = [...new Set(repetitions.flatMap((w) => (w.workers ?? []).filter((s) => s.driverSaturated).map((s) => s.index)))];
    if (saturated.length > 0) notes.push(`load generator saturated: worker${saturated.length > 1 ? "s" : ""} ${saturated.join(", ")} used >= 90% of ${saturated.length > 1 ? "their" : "its"} core: throughput is a lower bound on server capacity`);
    if (/^(grpcs|https):\/\//.test(options.target)) notes.push(`--workers ${workers}: the workers' TLS handshakes are not in report.arms[].tls (each worker tallies its own and does not report it)`);
    if (server === null) notes.push("remote target: server CPU and memory not measured");
    if (config.clientPinnedCpus === null) notes.push("load generator not pinned to its own CPU");
    const openLoop = mergeOpenLoop(results.map((r) => r.openLoop));
    return {
      ...config,
      ...top,
      durationS: config.durationS,
      repetitions,
      coordinatedOmissionCorrected: scenario.mode === "open",
      aggregation: `${AGGREGATION_NOTE}; --workers: each repetition is the exact merge of the workers' windows (histograms added, requests and errors summed, throughput the workers' rates added, server CPU read once by the family's process over the common window)`,
      ...(openLoop !== undefined ? { openLoop } : {}),
      notes,
    };
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}
