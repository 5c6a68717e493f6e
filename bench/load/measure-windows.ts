// Runs a load generator through warm-up and N back-to-back measured windows (repetitions) and turns each
// window into a Measurement. Everything a window reports is a difference of two snapshots taken at its
// edges: completed calls (by completion time), the server process's CPU time (over IPC), this process's CPU
// time, and the bytes on the client sockets. Peak RSS is per window too: the kernel's high-water mark of the
// server process and of this one is reset at each window's start (servers and this process outlive many
// scenarios, so a lifetime peak would carry one scenario's spike into the next). The failure watchdog and the
// abort signal end a run early; a window cut short keeps its figures over the time it actually ran and says why
// in endReason.
//
// A remote server (a --target, bench/server-metrics/remote-server.ts) is read through its monitor instead: a
// snapshot at each edge for CPU, and the RSS samples its stream sends during the window for the peak. Its pid is
// another host's, so /proc is never read for it; a monitor that fails leaves that window's server figures null,
// with serverMetrics "not-measured" and the reason, and the run goes on.
//
// CPU steal (the hypervisor giving a CPU's time to other guests) is read at each edge too, from one /proc/stat
// read: over the CPUs the server process and this process may run on (their pinned CPUs when pinned). A window
// with heavy steal is flagged: it measured the host, not the server.
import { performance } from "node:perf_hooks";
import { allowedCpus, isHeavySteal, readStealTicks, windowSteal, type StealCpus, type StealTicks } from "../cpu/cpu-steal.js";
import { encodeHistogram, summarizeHistogram } from "../histogram.js";
import type { EndReason, Measurement, PeakRssScope } from "../model/measurement.js";
import { exitCause } from "../model/server-exit.js";
import { openPeakRssWindow, type PeakRssWindow } from "../process/peak-rss.js";
import { isRemoteServer, type RemoteRssWindow } from "../server-metrics/remote-server.js";
import { remoteEdge, remoteWindowFigures, type RemoteEdge } from "../server-metrics/remote-window.js";
import type { CpuSnapshot } from "../server-process/server-ipc.js";
import { serverPids, type ServerProcess } from "../server-process/server-process.js";
import type { SocketBytesMeter } from "../wire/socket-bytes-meter.js";
import { CallSink, WindowCounts } from "./call-sink.js";
import type { LoadGenerator, SendLag } from "./load-generator.js";

export interface WindowPlan {
  warmupS: number;
  durationS: number;
  repetitions: number;
  /**
   * After warmupS, keep warming until this many calls succeeded (or warmupMaxS passed): a JIT warms by calls,
   * not seconds, so a slow server (a gateway at 1–3k calls/s) is still cold after a fast one's warm-up time.
   */
  warmupMinCalls?: number;
  warmupMaxS?: number;
  /**
   * The wall-clock time (ms since the epoch) the first measured window begins: the warm-up lasts until then, whatever
   * warmupS and warmupMinCalls say. Several load generators given the same time measure the same windows (--workers
   * on one host, --shard across hosts). A time already past starts the window at once (its startedAt shows how late).
   */
  beginAtMs?: number;
}

export interface WindowProgress {
  phase: "warmup" | "measure";
  repetition: number;
  elapsedS: number;
  okTotal: number;
  errorTotal: number;
}

export interface MeasureOptions {
  generator: LoadGenerator;
  plan: WindowPlan;
  /** the server whose CPU/memory to read: a local process, a remote one through its monitor, or null (not measured) */
  server: ServerProcess | null;
  meter: SocketBytesMeter;
  signal?: AbortSignal;
  onProgress?: (progress: WindowProgress) => void;
  /** A run with errors and no successful call for this long has failed (default 2000 ms). */
  failAfterMs?: number;
  /** CPUs' worth of load generator (1 for a single-threaded driver): saturation is ≥ 90% of it. */
  clientCores?: number;
  /**
   * The calls are made by other processes (--workers: this process reads the server over the workers' windows), so
   * a window without calls here is not a failure.
   */
  callsElsewhere?: boolean;
}

export interface MeasuredRun {
  windows: Measurement[];
  endReason: EndReason;
  failure?: string;
  sendLag?: SendLag;
  /** per window, the server's CPU µs over it (null where not read): the figure behind serverCpuUsPerCall */
  serverCpuUs: (number | null)[];
}

export const SATURATION_THRESHOLD = 0.9;

interface Edge {
  at: number;
  wallClock: Date;
  client: NodeJS.CpuUsage;
  server: CpuSnapshot | null;
  /** a remote server's monitor snapshot (or why there is none) */
  remote: RemoteEdge | null;
  bytes: { read: number; written: number };
  steal: StealTicks;
}

type StopReason = { endReason: Exclude<EndReason, "completed">; failure: string } | null;

interface PeakRssWindows {
  client: PeakRssWindow;
  /** a local server's /proc window */
  server: PeakRssWindow | null;
  /** a remote server's monitor samples */
  remote: RemoteRssWindow | null;
}

interface PeakRss {
  mb: number | null;
  scope?: PeakRssScope;
}

/** `begin`: the edge the window opens at (a remote server's snapshot there is the window's first RSS sample). */
function openPeakRss(server: ServerProcess | null, begin: Edge): PeakRssWindows {
  const client = openPeakRssWindow("self", { sampleSelf: false });
  if (isRemoteServer(server)) return { client, server: null, remote: server.openRssWindow(begin.remote?.metrics ?? undefined) };
  return { client, server: server !== null ? openPeakRssWindow(serverPids(server)) : null, remote: null };
}

/** The window's peaks; where no reset was permitted, the process's lifetime peak, labelled as such. */
async function readPeakRss(windows: PeakRssWindows, server: ServerProcess | null): Promise<{ client: PeakRss; server: PeakRss }> {
  const clientMb = windows.client.peakMb();
  const serverMb = windows.server?.peakMb() ?? null;
  windows.client.close();
  windows.server?.close();
  windows.remote?.close();
  const client: PeakRss = clientMb !== null ? { mb: clientMb, scope: "window" } : { mb: (process.resourceUsage().maxRSS * 1024) / (1024 * 1024), scope: "process-lifetime" };
  // a remote server's peak comes from its monitor samples (remoteWindowFigures)
  if (server === null || isRemoteServer(server)) return { client, server: { mb: null } };
  if (serverMb !== null) return { client, server: { mb: serverMb, scope: "window" } };
  const memory = server.alive ? await server.memory().catch(() => null) : null;
  return { client, server: memory !== null ? { mb: memory.peakRssMb, scope: "process-lifetime" } : { mb: null } };
}

/**
 * Whose CPUs' steal to read: the load generator is this process; the server its process's pinned CPUs, else the
 * CPUs it may run on; a remote server's (or none's) CPUs are not this host's.
 */
function stealCpus(server: ServerProcess | null): StealCpus {
  const client = allowedCpus("self");
  if (server === null || isRemoteServer(server)) return { client };
  return { server: server.pinnedCpus ?? allowedCpus(server.pid), client };
}

/** Why a run on a dead server failed: which process, and how it ended (report.serverExits has the rest). */
function serverGone(server: ServerProcess): string {
  const status = server.exitStatus;
  const how = status === null ? "" : ` with ${exitCause(status)}${status.stopped ? " (stopped by the harness)" : ""}`;
  return `server process ${server.arm} (pid ${server.pid}) exited${how} during the run`;
}

export async function measureWindows(options: MeasureOptions): Promise<MeasuredRun> {
  const { generator, plan, server, meter, signal } = options;
  const failAfterMs = options.failAfterMs ?? 2000;
  const sink = new CallSink();
  const runStart = performance.now();
  const windows: Measurement[] = [];
  const serverCpuUs: (number | null)[] = [];
  let stop: StopReason = null;

  // Watches the run every 100 ms: abort, a dead server, or errors with no success for failAfterMs.
  let lastOk = 0;
  let lastProgressAt = runStart;
  let okSeenAt = runStart;
  let phase: WindowProgress["phase"] = "warmup";
  let repetition = 0;
  const watch = (): StopReason => {
    if (signal?.aborted) return { endReason: "aborted", failure: "aborted by signal" };
    if (server !== null && !server.alive) return { endReason: "failed", failure: serverGone(server) };
    const now = performance.now();
    if (sink.okTotal !== lastOk) {
      lastOk = sink.okTotal;
      okSeenAt = now;
    } else if (now - okSeenAt >= failAfterMs && sink.errorTotal > 0) {
      return { endReason: "failed", failure: `no successful call for ${((now - okSeenAt) / 1000).toFixed(1)} s; last error: ${sink.lastErrorCode}` };
    }
    if (options.onProgress !== undefined && now - lastProgressAt >= 1000) {
      lastProgressAt = now;
      options.onProgress({ phase, repetition, elapsedS: (now - runStart) / 1000, okTotal: sink.okTotal, errorTotal: sink.errorTotal });
    }
    return null;
  };
  const sleepWatching = (ms: number): Promise<StopReason> =>
    new Promise((resolve) => {
      const until = performance.now() + ms;
      let timer: NodeJS.Timeout;
      const onAbort = () => finish({ endReason: "aborted", failure: "aborted by signal" });
      const finish = (reason: StopReason) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(reason);
      };
      const tick = () => {
        const reason = watch();
        if (reason !== null) return finish(reason);
        const left = until - performance.now();
        if (left <= 0) return finish(null);
        timer = setTimeout(tick, Math.min(100, left));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      timer = setTimeout(tick, Math.min(100, ms));
    });

  const cpus = stealCpus(server);
  const edge = async (): Promise<Edge> => {
    const at = performance.now();
    const wallClock = new Date();
    const client = process.cpuUsage();
    const bytes = meter.snapshot();
    const steal = readStealTicks(cpus);
    let serverCpu: CpuSnapshot | null = null;
    let remote: RemoteEdge | null = null;
    if (isRemoteServer(server)) remote = await remoteEdge(server);
    else if (server !== null) serverCpu = await server.cpuUsage().catch(() => null);
    return { at, wallClock, client, server: serverCpu, remote, bytes, steal };
  };

  // Warm-up calls are tallied apart and never reported, unless the run ends during warm-up: then the calls that
  // broke (a server killed mid-warm-up resets every call in flight) are what happened, and go into its window.
  const warmup = new WindowCounts();
  sink.pointAt(warmup);
  generator.start(sink);
  try {
    if (plan.beginAtMs !== undefined) {
      const wait = plan.beginAtMs - Date.now();
      if (wait > 0) stop = await sleepWatching(wait);
    } else {
      if (plan.warmupS > 0) stop = await sleepWatching(plan.warmupS * 1000);
      const warmupEnd = runStart + Math.max(plan.warmupMaxS ?? 0, plan.warmupS) * 1000;
      while (stop === null && plan.warmupMinCalls !== undefined && sink.okTotal < plan.warmupMinCalls && performance.now() < warmupEnd) {
        stop = await sleepWatching(Math.min(100, warmupEnd - performance.now()));
      }
    }
    // An early failure during warm-up still gets one (empty or partial) window, so the error is on record: its
    // errors by code, never its successes (a window's throughput and latency are its own calls').
    let window = new WindowCounts();
    if (stop !== null) for (const [code, n] of Object.entries(warmup.errors.toModel().byCode)) window.errors.add(code, n);
    sink.pointAt(window);
    let begin = await edge();
    let rss = openPeakRss(server, begin);
    for (repetition = 1; repetition <= plan.repetitions; repetition++) {
      phase = "measure";
      if (stop === null) stop = await sleepWatching(plan.durationS * 1000);
      const last = stop !== null || repetition === plan.repetitions;
      // A run that failed or was aborted drains into its last window: the calls that broke are what happened.
      if (stop !== null) await generator.stop();
      const next = last ? null : new WindowCounts();
      sink.pointAt(next);
      const end = await edge();
      const remoteRss = rss.remote;
      const peaks = await readPeakRss(rss, server);
      if (!last) rss = openPeakRss(server, end);
      const measurement = toMeasurement(window, begin, end, stop, peaks, options.clientCores ?? 1, options.callsElsewhere === true);
      const withServer = withServerMetrics(measurement, server, begin, end, remoteRss);
      windows.push(withServer.measurement);
      serverCpuUs.push(withServer.cpuUs);
      if (last || next === null) break;
      window = next;
      begin = end;
    }
  } finally {
    sink.pointAt(null);
    await generator.stop(); // idempotent: a no-op after a drained stop
  }
  const failed = windows.find((w) => w.endReason !== "completed");
  return {
    windows,
    serverCpuUs,
    endReason: failed?.endReason ?? "completed",
    ...(failed?.failure !== undefined ? { failure: failed.failure } : {}),
    ...(generator.sendLag !== undefined ? { sendLag: generator.sendLag() } : {}),
  };
}

/** Where the window's server figures came from; a remote server's figures themselves, from its monitor. cpuUs: the server's CPU µs over the window. */
function withServerMetrics(m: Measurement, server: ServerProcess | null, begin: Edge, end: Edge, remoteRss: RemoteRssWindow | null): { measurement: Measurement; cpuUs: number | null } {
  if (server === null) return { measurement: { ...m, serverMetrics: "not-measured", serverMetricsNote: "no server process or monitor to read" }, cpuUs: null };
  if (!isRemoteServer(server) || begin.remote === null || end.remote === null || remoteRss === null) {
    const cpuUs = begin.server !== null && end.server !== null ? end.server.user + end.server.system - (begin.server.user + begin.server.system) : null;
    return { measurement: { ...m, serverMetrics: "process" }, cpuUs };
  }
  const figures = remoteWindowFigures(server, begin.remote, end.remote, remoteRss, m.requests);
  const measurement: Measurement = {
    ...m,
    serverCpuUsPerCall: figures.cpuUs !== null && m.requests > 0 ? figures.cpuUs / m.requests : null,
    serverPeakRssMb: figures.peakRssMb,
    ...(figures.peakRssScope !== undefined ? { serverPeakRssScope: figures.peakRssScope } : {}),
    serverMetrics: figures.source,
    serverMetricsNote: figures.note,
    ...(figures.callsServed !== undefined ? { serverCallsServed: figures.callsServed } : {}),
  };
  return { measurement, cpuUs: figures.cpuUs };
}

function toMeasurement(
  window: WindowCounts,
  begin: Edge,
  end: Edge,
  stop: StopReason,
  peaks: { client: PeakRss; server: PeakRss },
  clientCores: number,
  callsElsewhere: boolean,
): Measurement {
  const wallS = (end.at - begin.at) / 1000;
  const completed = window.completed;
  const clientCpuUs = end.client.user + end.client.system - (begin.client.user + begin.client.system);
  const utilization = wallS > 0 ? clientCpuUs / (wallS * 1e6) : null;
  const serverCpuUs = begin.server !== null && end.server !== null ? end.server.user + end.server.system - (begin.server.user + begin.server.system) : null;
  const perCall = (total: number) => (completed > 0 ? total / completed : null);
  const request = perCall(end.bytes.written - begin.bytes.written);
  const response = perCall(end.bytes.read - begin.bytes.read);
  const cpuSteal = windowSteal(begin.steal, end.steal);
  // With nothing completed there is nothing to measure: failed, whatever stopped it.
  let endReason: EndReason = stop?.endReason ?? "completed";
  let failure = stop?.failure;
  if (callsElsewhere) {
    // the calls, and whether any completed, are the workers' to say
  } else if (completed === 0 && endReason === "completed") {
    endReason = "failed";
    failure = "no call completed in the window";
  } else if (window.ok === 0 && endReason === "completed") {
    endReason = "failed";
    failure = "every call in the window failed";
  }
  return {
    endReason,
    ...(failure !== undefined ? { failure } : {}),
    startedAt: begin.wallClock.toISOString(),
    durationS: wallS,
    requests: completed,
    errors: window.errors.toModel(),
    throughputRps: wallS > 0 ? window.ok / wallS : 0,
    latencyMs: summarizeHistogram(window.histogram),
    histogram: encodeHistogram(window.histogram),
    wireBytesPerCall: request !== null && response !== null ? { request, response } : null,
    serverCpuUsPerCall: serverCpuUs !== null ? perCall(serverCpuUs) : null,
    clientCpuUsPerCall: perCall(clientCpuUs),
    serverPeakRssMb: peaks.server.mb,
    clientPeakRssMb: peaks.client.mb,
    ...(peaks.server.scope !== undefined ? { serverPeakRssScope: peaks.server.scope } : {}),
    ...(peaks.client.scope !== undefined ? { clientPeakRssScope: peaks.client.scope } : {}),
    clientCpuUtilization: utilization,
    driverSaturated: utilization !== null && utilization >= SATURATION_THRESHOLD * clientCores,
    cpuSteal,
    heavySteal: isHeavySteal(cpuSteal),
  };
}
