// One multiplex configuration under the load engine: open the transport, a closed loop with exactly
// `inFlight` calls, warm-up and measured windows (measureWindows: server CPU over IPC, wire bytes at the
// socket), aggregated over repetitions, plus the connections the client opened, counted at socket creation.
import { transportErrorCode } from "../drivers/error-code.js";
import type { Transport } from "../drivers/transport.js";
import { aggregateRepetitions } from "../load/aggregate-repetitions.js";
import { failedMeasurement } from "../load/run-load.js";
import type { CallSpec } from "../load/call-spec.js";
import { ClosedLoop } from "../load/closed-loop.js";
import { measureWindows, type WindowProgress } from "../load/measure-windows.js";
import type { MultiplexResult } from "../model/multiplex-result.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { countCaseHandshakes } from "./case-handshakes.js";
import { ConnectionCountingMeter } from "./connection-counting-meter.js";
import type { MultiplexConfiguration } from "./multiplex-configurations.js";
import type { MultiplexPlan } from "./multiplex-plan.js";

export interface MultiplexCaseOptions {
  config: MultiplexConfiguration;
  spec: CallSpec;
  target: string;
  server: ServerProcess | null;
  plan: Pick<MultiplexPlan, "warmupS" | "durationS" | "repetitions" | "timeoutMs">;
  signal: AbortSignal;
  onProgress?: (progress: WindowProgress) => void;
}

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function runMultiplexCase(options: MultiplexCaseOptions): Promise<MultiplexResult> {
  const { config, spec, plan } = options;
  const base = {
    configuration: config.configuration,
    arm: config.arm,
    protocol: config.protocol,
    call: spec.call,
    inFlight: config.inFlight,
    connections: config.connections,
    streamsPerConnection: config.streamsPerConnection,
    keepAlive: config.keepAlive,
    driver: config.protocol === "grpc" ? "h2-frames" : "h1-lean",
    view: "server" as const,
    note: config.note,
    targetRps: null,
  };
  // Made before the transport, so every socket it opens (and over TLS every handshake) is counted.
  const meter = new ConnectionCountingMeter();
  const handshakes = countCaseHandshakes(options.target);
  const withHandshakes = <T extends { note: string }>(entry: T): T => {
    const tls = handshakes.note();
    return tls === null ? entry : { ...entry, note: `${entry.note}; ${tls}` };
  };
  let transport: Transport | null = null;
  try {
    transport = config.transport(options.target, spec, plan.timeoutMs);
    try {
      await transport.open();
    } catch (error) {
      const failed = failedMeasurement(transportErrorCode(error), `could not open ${config.connections} connection(s) to ${options.target}: ${(error as Error).message}`);
      return withHandshakes({ ...base, ...failed, repetitions: [failed], connectionsOpened: meter.opened, connectionsOpenedMeasured: 0, connectionsPerCall: 0 });
    }
    const run = await measureWindows({
      generator: new ClosedLoop(transport, config.inFlight),
      plan: { warmupS: plan.warmupS, durationS: plan.durationS, repetitions: plan.repetitions },
      server: options.server,
      meter,
      signal: options.signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      clientCores: 1,
    });
    const top = aggregateRepetitions(run.windows);
    const measuredOpened = meter.openedBetweenSnapshots();
    return withHandshakes({
      ...base,
      ...top,
      ...(run.failure ? { endReason: run.endReason, failure: run.failure } : {}),
      repetitions: run.windows,
      connectionsOpened: meter.opened,
      connectionsOpenedMeasured: measuredOpened,
      connectionsPerCall: top.requests > 0 ? round(measuredOpened / top.requests, 4) : 0,
    });
  } finally {
    await transport?.close().catch(() => {});
    meter.dispose();
  }
}

/** What a new connection per call costs over keep-alive at the same inFlight, per call. */
export function noKeepAliveExtra(noKeepAlive: MultiplexResult, keepAlive: MultiplexResult): NonNullable<MultiplexResult["noKeepAliveExtra"]> {
  const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : round(a - b, 2));
  return {
    versus: keepAlive.configuration,
    serverCpuUsPerCall: diff(noKeepAlive.serverCpuUsPerCall, keepAlive.serverCpuUsPerCall),
    clientCpuUsPerCall: diff(noKeepAlive.clientCpuUsPerCall, keepAlive.clientCpuUsPerCall),
    latencyP50Us: round((noKeepAlive.latencyMs.p50 - keepAlive.latencyMs.p50) * 1000, 1),
    latencyP99Us: round((noKeepAlive.latencyMs.p99 - keepAlive.latencyMs.p99) * 1000, 1),
    connectionsPerCall: noKeepAlive.connectionsPerCall,
  };
}
