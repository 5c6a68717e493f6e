// Runs one resolved load scenario against a target (a server process we started, or a remote host:port/URL)
// and returns its LoadResult: preflight, driver, warm-up, repetitions, aggregation. This is the engine's
// entry point for every family that needs load (load, multiplex, compression…).
import net from "node:net";
import { encodeHistogram, createHistogram, summarizeHistogram } from "../histogram.js";
import type { LoadConfig, LoadResult } from "../model/load-result.js";
import type { Measurement } from "../model/measurement.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { SocketBytesMeter } from "../wire/socket-bytes-meter.js";
import { transportErrorCode } from "../drivers/error-code.js";
import { isTlsTarget, targetHostPort } from "../drivers/target-address.js";
import type { Transport } from "../drivers/transport.js";
import { remoteResultNote } from "../server-metrics/remote-caveat.js";
import { AGGREGATION_NOTE, aggregateRepetitions } from "./aggregate-repetitions.js";
import { callSpec, type CallSpec } from "./call-spec.js";
import { ClosedLoop } from "./closed-loop.js";
import type { LoadGenerator } from "./load-generator.js";
import type { DriverName, ResolvedScenario } from "./load-scenario.js";
import { measureWindows, type MeasuredRun, type WindowProgress } from "./measure-windows.js";
import { OpenLoop } from "./open-loop.js";
import { fewerConnectionsNote, workersFor } from "./load-split.js";

export interface RunLoadOptions {
  scenario: ResolvedScenario;
  /** the call to make; default the shop call of the scenario's payload class (a --config call brings its own) */
  spec?: CallSpec;
  /** gRPC arms: host:port (grpcs://host:port over TLS); REST arms: http://host:port (https://host:port) */
  target: string;
  /** our server process (CPU, memory), a remote target's through its monitor (bench/server-metrics/), or null (not measured) */
  server: ServerProcess | null;
  /** open loop: the rate to run at (resolved by the caller when the scenario's rate is a fraction) */
  rateRps?: number;
  /** clientPinnedCpus is reported from here (the server's comes from the server process itself) */
  pinning?: { server: string | null; client: string | null };
  meter?: SocketBytesMeter;
  signal?: AbortSignal;
  onProgress?: (progress: WindowProgress) => void;
  failAfterMs?: number;
  /** keep warming up until this many calls succeeded, at most warmupMaxS in all (see WindowPlan) */
  warmupMinCalls?: number;
  warmupMaxS?: number;
  /** the wall-clock time (ms since the epoch) the first measured window begins; the warm-up lasts until then (WindowPlan.beginAtMs) */
  beginAtMs?: number;
  /**
   * Load generator processes to split the scenario over (--workers N: the load family passes the run's,
   * bench/load/load-split.ts). Default 1: this process drives the load itself, as always.
   */
  workers?: number;
  /**
   * Called once the connections are open, before the first call: resolves with the time the first measured window
   * begins (a worker waits for the other workers to be connected too). Overrides beginAtMs.
   */
  connected?: () => Promise<number>;
}

/** One TCP connect to the target, so an unreachable target fails fast and clearly, whatever the driver (TLS is the driver's: its errors are counted by code). */
export function probeTarget(target: string, timeoutMs = 3000): Promise<void> {
  const { host, port } = targetHostPort(target);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`connect to ${target} timed out`), { code: "ETIMEDOUT" }));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * The transport for an engine-driven scenario (every driver but autocannon). Drivers are imported on demand:
 * a run pays the memory of the client libraries it uses only (autocannon and undici alone are ~20 MB of RSS).
 */
export async function createTransport(scenario: ResolvedScenario, spec: CallSpec, target: string): Promise<Transport> {
  const common = { target, connections: scenario.connections, timeoutMs: scenario.timeoutMs };
  switch (scenario.driver) {
    case "h2-frames": {
      const { H2FramesTransport } = await import("../drivers/h2-frames-transport.js");
      // REST over h2c: a GET of the REST path, read for its :status only.
      if (scenario.protocol === "rest") return new H2FramesTransport({ ...common, api: "rest", path: spec.restPath });
      return new H2FramesTransport({ ...common, path: spec.grpcPath, frame: spec.requestFrame, ...(spec.rotation !== undefined ? { frames: spec.rotation.requestFrames } : {}) });
    }
    case "h2-node":
      return new (await import("../drivers/h2-node-transport.js")).H2NodeTransport({ ...common, path: spec.grpcPath, frame: spec.requestFrame });
    case "h1-lean":
      return new (await import("../drivers/h1-lean-transport.js")).H1LeanTransport({
        ...common,
        path: spec.restPath,
        pipelining: scenario.pipelining,
        ...(spec.rotation !== undefined ? { requests: spec.rotation.rest } : {}),
      });
    case "grpc-js":
      return new (await import("../drivers/grpc-js-transport.js")).GrpcJsTransport({ ...common, spec });
    case "undici":
      return new (await import("../drivers/undici-transport.js")).UndiciTransport({ ...common, spec, pipelining: scenario.pipelining, wire: scenario.wire });
    case "h2-json":
      return new (await import("../drivers/h2-json-transport.js")).H2JsonTransport({ ...common, spec });
    case "autocannon":
      throw new Error("autocannon drives itself: it is a LoadGenerator, not a Transport");
  }
}

/** Loads a driver's modules ahead of its first run (a load worker does it before the first window's set-up). */
export async function loadDriver(driver: DriverName): Promise<void> {
  const modules: Record<DriverName, () => Promise<unknown>> = {
    "h2-frames": () => import("../drivers/h2-frames-transport.js"),
    "h2-node": () => import("../drivers/h2-node-transport.js"),
    "h1-lean": () => import("../drivers/h1-lean-transport.js"),
    "grpc-js": () => import("../drivers/grpc-js-transport.js"),
    undici: () => import("../drivers/undici-transport.js"),
    "h2-json": () => import("../drivers/h2-json-transport.js"),
    autocannon: () => import("../drivers/autocannon-load.js"),
  };
  await modules[driver]();
}

/** A measurement that says the target could not be loaded at all, with the cause counted. */
export function failedMeasurement(code: string, failure: string): Measurement {
  const histogram = createHistogram();
  return {
    endReason: "failed",
    failure,
    startedAt: new Date().toISOString(),
    durationS: 0,
    requests: 0,
    errors: { total: 1, byCode: { [code]: 1 } },
    throughputRps: 0,
    latencyMs: summarizeHistogram(histogram),
    histogram: encodeHistogram(histogram),
    wireBytesPerCall: null,
    serverCpuUsPerCall: null,
    clientCpuUsPerCall: null,
    serverPeakRssMb: null,
    clientPeakRssMb: null,
    clientCpuUtilization: null,
    driverSaturated: false,
  };
}

/** The LoadConfig half of a result: the resolved scenario as it ran. */
export function loadConfigOf(options: RunLoadOptions, rateRps: number | null): LoadConfig {
  const { scenario, server } = options;
  return {
    scenario: scenario.id,
    arm: scenario.arm,
    protocol: scenario.protocol,
    server: scenario.arm,
    driver: scenario.driver,
    view: scenario.view,
    call: scenario.call,
    payload: scenario.payload,
    mode: scenario.mode,
    connections: scenario.connections,
    concurrency: scenario.concurrency,
    streamsPerConnection: scenario.streamsPerConnection,
    pipelining: scenario.pipelining,
    targetRps: rateRps,
    warmupS: scenario.warmupS,
    durationS: scenario.durationS,
    target: options.target,
    serverPinnedCpus: server === null ? null : server.pinnedCpus,
    clientPinnedCpus: options.pinning?.client ?? null,
  };
}

export async function runLoadScenario(options: RunLoadOptions): Promise<LoadResult> {
  // --workers N: the scenario's connections, in-flight calls and rate split over N processes (run-load-workers.ts)
  const requested = options.workers ?? 1;
  const workers = workersFor(options.scenario, requested);
  if (workers > 1 && options.spec === undefined) return (await import("./run-load-workers.js")).runLoadScenarioOnWorkers(options, workers, requested);
  const { scenario, server } = options;
  const rateRps = scenario.mode === "open" ? (options.rateRps ?? (typeof scenario.rate === "number" ? scenario.rate : null)) : null;
  const config = loadConfigOf(options, rateRps);
  const result = (repetitions: Measurement[], extra: Partial<LoadResult> = {}): LoadResult => {
    const top = aggregateRepetitions(repetitions);
    const notes: string[] = [];
    if (top.driverSaturated) notes.push("load generator CPU reached >= 90% of its core: throughput is a lower bound on server capacity");
    if (server === null) notes.push("remote target: server CPU and memory not measured");
    else if (server.remote === true) notes.push(remoteResultNote(top.serverMetrics, top.serverMetricsNote));
    if (config.clientPinnedCpus === null) notes.push("load generator not pinned to its own CPU");
    if (isTlsTarget(options.target)) notes.push(TLS_NOTE);
    if (workers > 1) notes.push(`--workers ${workers}: a --config call's load ran in one process (its call is not handed to worker processes)`);
    else if (requested > 1) notes.push(fewerConnectionsNote(scenario, requested, "workers"));
    return {
      ...config,
      ...top,
      durationS: config.durationS,
      repetitions,
      coordinatedOmissionCorrected: scenario.mode === "open",
      aggregation: AGGREGATION_NOTE,
      ...extra,
      notes,
    };
  };
  if (scenario.mode === "open" && (rateRps === null || !(rateRps > 0))) {
    return result([failedMeasurement("bad-config", "open loop without a resolved rate")]);
  }
  // Before any connection opens: sockets are counted from their creation on.
  const meter = options.meter ?? new SocketBytesMeter();
  try {
    const run = await measureScenario(options, rateRps, meter);
    if ("failed" in run) return result([run.failed]);
    const lag = run.sendLag;
    return result(
      run.windows,
      lag !== undefined
        ? {
            openLoop: {
              scheduled: lag.scheduled,
              queued: lag.queued,
              dropped: lag.dropped,
              sendLagMeanMs: lag.meanMs,
              sendLagMaxMs: lag.maxMs,
              backlogAtStop: lag.backlogAtStop,
              backlogAtStopOldestWaitMs: lag.backlogAtStopOldestWaitMs,
            },
          }
        : {},
    );
  } finally {
    if (options.meter === undefined) meter.dispose();
  }
}

/** What a figure measured over TLS includes, said beside it. */
export const TLS_NOTE =
  "over TLS: wire bytes per call include the TLS records (record headers, AEAD tags) and the handshake of any connection opened during a measured window; report.arms[].tls says what was negotiated and how many handshakes were full vs resumed";

/** Preflight, driver, measured windows; an unreachable target comes back as one failed measurement. */
async function measureScenario(options: RunLoadOptions, rateRps: number | null, meter: SocketBytesMeter): Promise<MeasuredRun | { failed: Measurement }> {
  const { scenario, target, server } = options;
  const spec = options.spec ?? (scenario.payload === "config" ? null : callSpec(scenario.payload));
  if (spec === null) return { failed: failedMeasurement("bad-config", `${scenario.id}: a config call needs its CallSpec`) };
  try {
    await probeTarget(target, Math.min(scenario.timeoutMs, 5000));
  } catch (error) {
    return { failed: failedMeasurement(transportErrorCode(error), `target ${target} unreachable: ${(error as Error).message}`) };
  }
  let transport: Transport | null = null;
  let generator: LoadGenerator;
  if (scenario.driver === "autocannon") {
    // autocannon's TLS sockets would verify nothing and escape the byte meter (load-scenario.ts DRIVER_FITS).
    if (isTlsTarget(target)) return { failed: failedMeasurement("tls-unsupported", `autocannon does not load TLS targets (${target}) within the run's trust and byte meter; h1-lean does`) };
    const { AutocannonLoad } = await import("../drivers/autocannon-load.js");
    generator = new AutocannonLoad({
      target,
      path: spec.restPath,
      connections: scenario.connections,
      pipelining: scenario.pipelining,
      timeoutMs: scenario.timeoutMs,
      ...(spec.rotation !== undefined ? { requests: spec.rotation.rest } : {}),
    });
  } else {
    transport = await createTransport(scenario, spec, target);
    try {
      await transport.open();
    } catch (error) {
      await transport.close().catch(() => {});
      return { failed: failedMeasurement(transportErrorCode(error), `could not open ${scenario.connections} connection(s) to ${target}: ${(error as Error).message}`) };
    }
    generator =
      scenario.mode === "closed"
        ? new ClosedLoop(transport, scenario.concurrency)
        : new OpenLoop(transport, { rate: rateRps as number, maxInFlight: scenario.concurrency });
  }
  try {
    const beginAtMs = options.connected !== undefined ? await options.connected() : options.beginAtMs;
    return await measureWindows({
      generator,
      plan: {
        warmupS: scenario.warmupS,
        durationS: scenario.durationS,
        repetitions: scenario.repetitions,
        ...(options.warmupMinCalls !== undefined ? { warmupMinCalls: options.warmupMinCalls, warmupMaxS: options.warmupMaxS ?? scenario.warmupS } : {}),
        ...(beginAtMs !== undefined ? { beginAtMs } : {}),
      },
      server,
      meter,
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
      ...(options.failAfterMs !== undefined ? { failAfterMs: options.failAfterMs } : {}),
    });
  } finally {
    await transport?.close().catch(() => {});
  }
}
