// The connection-cost cases of one arm at one number of lanes: every way of connecting it has (tls-full, tls-resumed,
// tls-keepalive, tcp-per-call, tcp-keepalive), measured in interleaved rounds under the load engine's closed loop and
// measured windows. Each mode has its own transport for the whole group (kept-alive connections and resumable
// sessions live across its windows). First each mode warms up its own way, all of them before any window; then each
// round measures one window of every mode, in ABBA order (bench/load/paired-rounds.ts), with a short unmeasured settle before
// each. So window i of every mode ran in round i, next to window i of the others: the host's drift and the server's
// warming weigh on all modes alike, and ratios between modes pair their windows by round (tls-findings.ts
// pairedWindowRatio). Each window keeps its own figures (calls, errors, server and client CPU, bytes, histogram), and
// TLS handshakes are placed in the window they completed in.
import { transportErrorCode } from "../drivers/error-code.js";
import { aggregateRepetitions } from "../load/aggregate-repetitions.js";
import type { ShopCallSpec } from "../load/call-spec.js";
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
import { abbaOrder } from "../load/paired-rounds.js";
import { CONNECTION_MODES, type ConnectionModeSpec } from "./connection-modes.js";
import { ConnectionCostTransport } from "./connection-cost-transport.js";
import { tallyOf, type HandshakeEvent } from "./handshake-log.js";
import { warmUpTransport, type WarmUpPlan } from "./server-warm-up.js";
import type { ConnectionCasePlan } from "./tls-cost-plan.js";

/** Where a mode connects, and whose CPU its windows read. */
export interface ModeEndpoint {
  host: string;
  port: number;
  /** our process, a target's monitor, or null (server CPU not measured) */
  server: ServerProcess | null;
  /** trust for TLS (the family's own certificate); absent: the run's trust */
  trust?: Partial<RunTlsTrust>;
}

export interface ConnectionCasesOptions {
  arm: Pick<Arm, "id" | "api" | "transport">;
  /** the modes to measure together, in the even rounds' order */
  modes: readonly TlsConnectionMode[];
  /** the TLS modes' endpoint and the cleartext modes' (a mode whose endpoint is null is not measured) */
  endpoints: { tls: ModeEndpoint | null; cleartext: ModeEndpoint | null };
  lanes: number;
  /** a --target the harness did not start */
  remote: boolean;
  spec: ShopCallSpec;
  plan: ConnectionCasePlan;
  /** each mode's warm-up before its server's first windows (host:port not yet in `warmed`) */
  serverWarmUp: WarmUpPlan;
  /** the endpoints warmed up so far in this family; the group adds its own */
  warmed: Set<string>;
  signal: AbortSignal;
}

/** One mode's state through the group. */
interface ModeCase {
  mode: TlsConnectionMode;
  how: ConnectionModeSpec;
  endpoint: ModeEndpoint;
  transport: ConnectionCostTransport;
  /** window i ran in round i */
  windows: Measurement[];
  /** could not connect at all: its only repetition */
  failure: Measurement | null;
  /** still measured in the next round */
  active: boolean;
  warmUpCalls: number;
  /** the server's first windows: the longer warm-up */
  firstOnServer: boolean;
}

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
  const tally = tallyOf(events);
  return { full: tally.full, resumed: tally.resumed, sessionsOffered: events.filter((e) => e.offered).length };
}

function tlsSeen(events: readonly HandshakeEvent[]): TlsSeen {
  const { protocols, ciphers, alpn } = tallyOf(events);
  return { protocols, ciphers, alpn };
}

const callsOf = (c: ModeCase) => c.windows.reduce((n, w) => n + w.requests, 0);

export async function runConnectionCases(options: ConnectionCasesOptions): Promise<TlsConnectionResult[]> {
  const { arm, lanes, plan, spec } = options;
  const http: "h2" | "http/1.1" = arm.transport === "h2c" ? "h2" : "http/1.1";
  // Made before the first socket, so every byte of every connection (TLS records and handshakes too) is counted.
  const meter = new SocketBytesMeter();
  const cases: ModeCase[] = [];
  for (const mode of options.modes) {
    const how = CONNECTION_MODES[mode];
    const endpoint = how.tls ? options.endpoints.tls : options.endpoints.cleartext;
    if (endpoint === null) continue;
    const transport = new ConnectionCostTransport({
      host: endpoint.host,
      port: endpoint.port,
      api: arm.api,
      http,
      tls: how.tls,
      perCall: how.perCall,
      resume: how.resume,
      lanes,
      path: arm.api === "grpc" ? spec.grpcPath : spec.restPath,
      frame: arm.api === "grpc" ? spec.requestFrame : null,
      timeoutMs: plan.timeoutMs,
      ...(endpoint.trust !== undefined ? { trust: endpoint.trust } : {}),
    });
    const key = endpointKey(endpoint.host, endpoint.port);
    cases.push({ mode, how, endpoint, transport, windows: [], failure: null, active: true, warmUpCalls: 0, firstOnServer: !options.warmed.has(key) });
  }
  let rounds = 0;
  let capped = false;
  try {
    // Reach every endpoint and open the kept-alive connections; a mode that cannot connect is a failed case.
    const probes = new Map<string, Promise<void>>();
    for (const c of cases) {
      const target = endpointKey(c.endpoint.host, c.endpoint.port);
      try {
        if (!probes.has(target)) probes.set(target, probeTarget(target, Math.min(plan.timeoutMs, 5000)));
        await probes.get(target);
        await c.transport.open();
      } catch (error) {
        c.failure = failedMeasurement(transportErrorCode(error), `could not connect to ${target}: ${(error as Error).message}`);
        c.active = false;
      }
    }
    // Every warm-up before any window: the server's paths for every way of connecting are warm when round 0 starts.
    for (const c of cases) {
      if (!c.active || options.signal.aborted) continue;
      const warm = c.firstOnServer ? options.serverWarmUp : { minCalls: 0, maxS: 0 };
      c.warmUpCalls = await warmUpTransport(c.transport, lanes, plan.warmupS, warm, options.signal);
    }
    for (const c of cases) options.warmed.add(endpointKey(c.endpoint.host, c.endpoint.port));
    for (let round = 0; round < plan.rounds && !options.signal.aborted; round++) {
      const live = cases.filter((c) => c.active);
      if (live.length === 0) break;
      for (const c of abbaOrder(live, round)) {
        if (options.signal.aborted) break;
        // the previous window's last connections close before this one starts
        await Promise.all(cases.map((other) => other.transport.idle()));
        const run = await measureWindows({
          generator: new ClosedLoop(c.transport, lanes),
          plan: { warmupS: plan.windowWarmupS, durationS: plan.windowS, repetitions: 1 },
          server: c.endpoint.server,
          meter,
          signal: options.signal,
        });
        c.windows.push(...run.windows);
        // a mode whose window failed (its server died, every call failed) has said what it has to say
        if (run.endReason !== "completed") c.active = false;
      }
      rounds = round + 1;
      if (round + 1 < plan.rounds && cases.some((c) => callsOf(c) >= plan.maxCalls)) {
        capped = true;
        break;
      }
    }
  } finally {
    await Promise.all(cases.map((c) => c.transport.close()));
    meter.dispose();
  }
  const together = cases.filter((c) => c.failure === null).map((c) => c.mode);
  return cases.map((c) => result(c, { options, http, rounds, capped, together }));
}

interface GroupFacts {
  options: ConnectionCasesOptions;
  http: "h2" | "http/1.1";
  rounds: number;
  capped: boolean;
  /** the modes whose windows were interleaved */
  together: TlsConnectionMode[];
}

function result(c: ModeCase, group: GroupFacts): TlsConnectionResult {
  const { options, http } = group;
  const { how, transport } = c;
  const plan = options.plan;
  const repetitions = c.failure !== null ? [c.failure] : c.windows;
  const measured = spans(c.windows);
  const events = transport.handshakes;
  const top = aggregateRepetitions(repetitions);
  const others = group.together.filter((m) => m !== c.mode);
  const notes = [how.note];
  if (c.failure === null) {
    notes.push(
      `warmed up first with ${c.warmUpCalls} calls of its own kind, not measured${c.firstOnServer ? " (the server's first windows: every way of connecting warmed before any was measured)" : ""}`,
    );
    if (others.length > 0)
      notes.push(`windows interleaved with ${others.join(", ")}: ${group.rounds} rounds, ABBA order, ${plan.windowWarmupS} s of unmeasured calls before each window; ratios between them pair windows by round`);
  }
  if (group.capped) notes.push(`stopped after ${group.rounds} of ${plan.rounds} rounds: ${plan.maxCalls} calls reached by a mode`);
  if (options.remote) notes.push(remoteResultNote(top.serverMetrics, top.serverMetricsNote));
  else if (top.serverCpuUsPerCall === null) notes.push("server CPU not measured");
  return {
    kind: "connection",
    arm: options.arm.id,
    protocol: options.arm.api,
    http,
    call: options.spec.call,
    payload: options.spec.payload,
    request: transport.requestLine,
    mode: c.mode,
    tls: how.tls,
    connection: how.perCall ? "per-call" : "keep-alive",
    sessionResumption: how.resume,
    alpnOffered: how.tls ? [http] : [],
    lanes: options.lanes,
    driver: transport.driver,
    target: endpointKey(c.endpoint.host, c.endpoint.port),
    remote: options.remote,
    warmupS: plan.warmupS,
    windowS: plan.windowS,
    ...(c.failure === null ? { interleaving: { modes: group.together, rounds: group.rounds, windowWarmupS: plan.windowWarmupS } } : {}),
    ...top,
    repetitions,
    connectionsOpened: transport.opened.filter((at) => inside(at, measured)).length,
    handshakes: how.tls ? countHandshakes(events.filter((e) => inside(e.atMs, measured))) : null,
    ...(how.tls && c.failure === null ? { handshakesByWindow: measured.map((span) => countHandshakes(events.filter((e) => inside(e.atMs, [span])))) } : {}),
    warmupHandshakes: how.tls ? countHandshakes(events.filter((e) => !inside(e.atMs, measured))) : null,
    tlsSeen: how.tls ? tlsSeen(events) : null,
    note: notes.join("; "),
  };
}
