// One connection-cost case: an arm, a way of connecting (tls-full, tls-resumed, tls-keepalive, tcp-per-call,
// tcp-keepalive) and a number of lanes, under the load engine's closed loop and measured windows. The windows run
// one at a time so the case stops at its call cap as well as at its time; each window is a repetition (its own
// server CPU, client CPU, histogram), and TLS handshakes are placed in windows by the time they completed.
import { transportErrorCode } from "../drivers/error-code.js";
import { aggregateRepetitions } from "../load/aggregate-repetitions.js";
import type { CallSpec } from "../load/call-spec.js";
import { ClosedLoop } from "../load/closed-loop.js";
import { measureWindows } from "../load/measure-windows.js";
import { failedMeasurement, probeTarget } from "../load/run-load.js";
import type { Arm } from "../model/arm.js";
import type { Measurement } from "../model/measurement.js";
import type { HandshakeCounts, TlsConnectionMode, TlsConnectionResult, TlsSeen } from "../model/tls-result.js";
import { endpointKey, type RunTlsTrust } from "../run-tls.js";
import { remoteResultNote } from "../server-metrics/remote-caveat.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { SocketBytesMeter } from "../wire/socket-bytes-meter.js";
import { CONNECTION_MODES } from "./connection-modes.js";
import { ConnectionCostTransport, type HandshakeEvent } from "./connection-cost-transport.js";
import { warmUpServer, type WarmUpPlan } from "./server-warm-up.js";
import type { ConnectionCasePlan } from "./tls-cost-plan.js";

export interface ConnectionCaseOptions {
  arm: Pick<Arm, "id" | "api" | "transport">;
  mode: TlsConnectionMode;
  lanes: number;
  host: string;
  port: number;
  /** the server whose CPU per call is read: our process, a target's monitor, or null (not measured) */
  server: ServerProcess | null;
  /** a --target the harness did not start */
  remote: boolean;
  spec: CallSpec;
  plan: ConnectionCasePlan;
  /** trust for the TLS modes (the family's own certificate); absent: the run's trust */
  trust?: Partial<RunTlsTrust>;
  signal: AbortSignal;
  /** warm the server up first (its first case): kept-alive calls, not measured */
  serverWarmUp?: WarmUpPlan;
}

/** Lanes of the server warm-up: enough in flight to make calls quickly whatever the case's own lanes. */
const WARM_UP_LANES = 8;

interface WindowSpan {
  startMs: number;
  endMs: number;
}

function spans(windows: readonly Measurement[]): WindowSpan[] {
  return windows.map((w) => {
    const startMs = Date.parse(w.startedAt);
    return { startMs, endMs: startMs + w.durationS * 1000 };
  });
}

const inside = (at: number, s: readonly WindowSpan[]) => s.some((w) => at >= w.startMs && at <= w.endMs);

function countHandshakes(events: readonly HandshakeEvent[]): HandshakeCounts {
  return { full: events.filter((e) => !e.resumed).length, resumed: events.filter((e) => e.resumed).length, sessionsOffered: events.filter((e) => e.offered).length };
}

function tlsSeen(events: readonly HandshakeEvent[]): TlsSeen {
  const seen: TlsSeen = { protocols: {}, ciphers: {}, alpn: {} };
  const bump = (counts: Record<string, number>, key: string | null) => {
    const k = key ?? "none";
    counts[k] = (counts[k] ?? 0) + 1;
  };
  for (const e of events) {
    bump(seen.protocols, e.protocol);
    bump(seen.ciphers, e.cipher);
    bump(seen.alpn, e.alpn);
  }
  return seen;
}

export async function runConnectionCase(options: ConnectionCaseOptions): Promise<TlsConnectionResult> {
  const { arm, mode, lanes, plan, spec } = options;
  const how = CONNECTION_MODES[mode];
  const http: "h2" | "http/1.1" = arm.transport === "h2c" ? "h2" : "http/1.1";
  const connect = {
    host: options.host,
    port: options.port,
    api: arm.api,
    http,
    tls: how.tls,
    path: arm.api === "grpc" ? spec.grpcPath : spec.restPath,
    frame: arm.api === "grpc" ? spec.requestFrame : null,
    timeoutMs: plan.timeoutMs,
    ...(options.trust !== undefined ? { trust: options.trust } : {}),
  };
  const transport = new ConnectionCostTransport({ ...connect, perCall: how.perCall, resume: how.resume, lanes });
  const target = endpointKey(options.host, options.port);
  const base = {
    kind: "connection" as const,
    arm: arm.id,
    protocol: arm.api,
    http,
    call: spec.call,
    payload: spec.payload,
    request: transport.requestLine,
    mode,
    tls: how.tls,
    connection: how.perCall ? ("per-call" as const) : ("keep-alive" as const),
    sessionResumption: how.resume,
    alpnOffered: how.tls ? [http] : [],
    lanes,
    driver: transport.driver,
    target,
    remote: options.remote,
    warmupS: plan.warmupS,
    windowS: plan.windowS,
  };
  // Made before the first socket, so every byte of every connection (TLS records and handshakes too) is counted.
  const meter = new SocketBytesMeter();
  const windows: Measurement[] = [];
  let failure: Measurement | null = null;
  let capped = false;
  let warmedUp: number | null = null;
  try {
    try {
      await probeTarget(target, Math.min(plan.timeoutMs, 5000));
      if (options.serverWarmUp !== undefined) warmedUp = await warmUpServer({ ...connect, lanes: Math.max(lanes, WARM_UP_LANES) }, options.serverWarmUp, options.signal);
      await transport.open();
    } catch (error) {
      failure = failedMeasurement(transportErrorCode(error), `could not connect to ${target}: ${(error as Error).message}`);
    }
    let calls = 0;
    for (let i = 0; failure === null && i < plan.windows && !options.signal.aborted; i++) {
      const run = await measureWindows({
        generator: new ClosedLoop(transport, lanes),
        plan: { warmupS: i === 0 ? plan.warmupS : 0, durationS: plan.windowS, repetitions: 1 },
        server: options.server,
        meter,
        signal: options.signal,
      });
      windows.push(...run.windows);
      calls += run.windows.reduce((n, w) => n + w.requests, 0);
      if (run.endReason !== "completed") break;
      if (calls >= plan.maxCalls && i + 1 < plan.windows) {
        capped = true;
        break;
      }
    }
  } finally {
    await transport.close();
    meter.dispose();
  }
  if (failure !== null) windows.push(failure);
  const measured = spans(windows.filter((w) => w !== failure));
  const firstStart = measured[0]?.startMs ?? Infinity;
  const events = transport.handshakes;
  const top = aggregateRepetitions(windows);
  const notes = [how.note];
  if (warmedUp !== null) notes.push(`the server's first case: ${warmedUp} kept-alive calls warmed it up first, not measured`);
  if (capped) notes.push(`stopped after ${windows.length} of ${plan.windows} windows: ${plan.maxCalls} calls reached`);
  if (options.remote) notes.push(remoteResultNote(top.serverMetrics, top.serverMetricsNote));
  else if (top.serverCpuUsPerCall === null) notes.push("server CPU not measured");
  return {
    ...base,
    ...top,
    repetitions: windows,
    connectionsOpened: transport.opened.filter((at) => inside(at, measured)).length,
    handshakes: how.tls ? countHandshakes(events.filter((e) => inside(e.atMs, measured))) : null,
    warmupHandshakes: how.tls ? countHandshakes(events.filter((e) => e.atMs < firstStart)) : null,
    tlsSeen: how.tls ? tlsSeen(events) : null,
    note: notes.join("; "),
  };
}
