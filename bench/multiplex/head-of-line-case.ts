// Head-of-line blocking: calls arrive at a fixed rate (the load engine's open loop, at most `inFlight` at once,
// latency from the intended send time so a blocked call cannot hide its wait) and 1 in `slowEvery` is held by
// the server for slowDelayMs; fast and slow calls are timed into separate histograms. On one HTTP/2 connection a
// slow stream holds no other stream back; on HTTP/1.1 a slow call holds its connection, so fast calls wait
// whenever every connection of the pool is busy. A closed loop would not do here: it runs the machine at
// saturation, where queueing for the CPU swamps the effect, and a blocked slot simply stops sending.
import { performance } from "node:perf_hooks";
import { createHistogram, encodeHistogram, recordUs, summarizeHistogram, type LatencyHistogram } from "../histogram.js";
import { failedMeasurement } from "../load/run-load.js";
import type { Measurement } from "../model/measurement.js";
import { CallSink } from "../load/call-sink.js";
import { OpenLoop } from "../load/open-loop.js";
import type { MultiplexResult } from "../model/multiplex-result.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { transportErrorCode } from "../drivers/error-code.js";
import { countCaseHandshakes } from "./case-handshakes.js";
import { ConnectionCountingMeter } from "./connection-counting-meter.js";
import type { MixedCallTransport } from "./mixed-call-transports.js";
import type { HeadOfLinePlan } from "./multiplex-plan.js";

/** A CallSink that also sorts measured latencies into fast and slow by asking the transport what just completed. */
class FastSlowSink extends CallSink {
  measuring = false;
  readonly fast: LatencyHistogram = createHistogram();
  readonly slow: LatencyHistogram = createHistogram();
  readonly all: LatencyHistogram = createHistogram();
  errors: Record<string, number> = {};
  constructor(private readonly transport: MixedCallTransport) {
    super();
  }
  override ok(latencyUs: number): void {
    super.ok(latencyUs);
    if (!this.measuring) return;
    recordUs(this.transport.completingSlow ? this.slow : this.fast, latencyUs);
    recordUs(this.all, latencyUs);
  }
  override error(code: string): void {
    super.error(code);
    if (this.measuring) this.errors[code] = (this.errors[code] ?? 0) + 1;
  }
}

export interface HeadOfLineCaseOptions {
  configuration: string;
  arm: string;
  note: string;
  /** one HTTP/2 connection, or HTTP/1.1 connections (keep-alive) */
  connections: number;
  streamsPerConnection: number | null;
  call: string;
  makeTransport(): MixedCallTransport;
  /** the server the transport dials: over TLS (grpcs://, https://) the entry counts the handshakes made with it */
  target?: string;
  server: ServerProcess | null;
  plan: HeadOfLinePlan;
  signal: AbortSignal;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function runHeadOfLineCase(o: HeadOfLineCaseOptions): Promise<MultiplexResult> {
  const { plan } = o;
  const meter = new ConnectionCountingMeter();
  const handshakes = o.target === undefined ? null : countCaseHandshakes(o.target);
  const tlsNote = () => handshakes?.note() ?? null;
  const transport = o.makeTransport();
  const base = {
    configuration: o.configuration,
    arm: o.arm,
    protocol: transport.protocol,
    call: o.call,
    inFlight: plan.inFlight,
    connections: o.connections,
    streamsPerConnection: o.streamsPerConnection,
    keepAlive: true,
    driver: transport.driver,
    view: transport.view,
    note: o.note,
  };
  const headOfLineEmpty = { slowDelayMs: plan.slowDelayMs, slowFraction: 1 / plan.slowEvery, fastP50Ms: 0, fastP99Ms: 0, slowP50Ms: 0, slowP99Ms: 0, fastCalls: 0, slowCalls: 0 };
  try {
    try {
      await transport.open();
    } catch (error) {
      const failed = failedMeasurement(transportErrorCode(error), `could not open ${o.connections} connection(s): ${(error as Error).message}`);
      return {
        ...base, note: [base.note, tlsNote()].filter(Boolean).join("; "), targetRps: plan.rateRps, ...failed, repetitions: [failed],
        connectionsOpened: meter.opened, connectionsOpenedMeasured: 0, connectionsPerCall: 0, headOfLine: headOfLineEmpty,
      };
    }
    const sink = new FastSlowSink(transport);
    const loop = new OpenLoop(transport, { rate: plan.rateRps, maxInFlight: plan.inFlight });
    loop.start(sink);
    let durationS = 0;
    let startedAt = new Date().toISOString();
    let cpuUs: number | null = null;
    try {
      await sleep(plan.warmupS * 1000, o.signal);
      const cpuBefore = o.server ? await o.server.cpuUsage().catch(() => null) : null;
      startedAt = new Date().toISOString();
      meter.snapshot();
      const t0 = performance.now();
      sink.measuring = true;
      await sleep(plan.durationS * 1000, o.signal);
      sink.measuring = false;
      durationS = (performance.now() - t0) / 1000;
      meter.snapshot();
      const cpuAfter = o.server ? await o.server.cpuUsage().catch(() => null) : null;
      if (cpuBefore && cpuAfter) cpuUs = cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system;
    } finally {
      await loop.stop();
    }
    const fast = summarizeHistogram(sink.fast);
    const slow = summarizeHistogram(sink.slow);
    const ok = sink.all.totalCount;
    const errors = Object.values(sink.errors).reduce((a, b) => a + b, 0);
    const measuredOpened = meter.openedBetweenSnapshots();
    const lag = loop.sendLag();
    const throughput = durationS > 0 ? ok / durationS : 0;
    const notes = [o.note, `open loop at ${plan.rateRps} calls/s, at most ${plan.inFlight} in flight; ${lag.queued} calls waited for a free slot (mean send lag ${round(lag.meanMs, 2)} ms)`];
    const tls = tlsNote();
    if (tls !== null) notes.push(tls);
    if (throughput < 0.9 * plan.rateRps) notes.push(`the target rate was NOT sustained (${round(throughput, 1)} of ${plan.rateRps} calls/s): latencies include a growing backlog`);
    const calls = ok + errors;
    const endReason = o.signal.aborted ? "aborted" : ok === 0 ? "failed" : "completed";
    // One window, in the load engine's shape: latency from the intended send time, fast and slow calls together.
    const window: Measurement = {
      endReason,
      ...(ok === 0 && !o.signal.aborted ? { failure: "no call completed in the measured window" } : {}),
      startedAt,
      durationS: round(durationS),
      requests: calls,
      errors: { total: errors, byCode: { ...sink.errors } },
      throughputRps: round(throughput, 1),
      latencyMs: summarizeHistogram(sink.all),
      histogram: encodeHistogram(sink.all),
      wireBytesPerCall: null,
      serverCpuUsPerCall: cpuUs !== null && calls > 0 ? round(cpuUs / calls, 2) : null,
      clientCpuUsPerCall: null,
      serverPeakRssMb: null,
      clientPeakRssMb: null,
      clientCpuUtilization: null,
      driverSaturated: false,
    };
    return {
      ...base,
      note: notes.join("; "),
      targetRps: plan.rateRps,
      ...window,
      repetitions: [window],
      connectionsOpened: meter.opened,
      connectionsOpenedMeasured: measuredOpened,
      connectionsPerCall: calls > 0 ? round(measuredOpened / calls, 4) : 0,
      headOfLine: {
        slowDelayMs: plan.slowDelayMs,
        slowFraction: 1 / plan.slowEvery,
        fastP50Ms: fast.p50,
        fastP99Ms: fast.p99,
        slowP50Ms: slow.p50,
        slowP99Ms: slow.p99,
        fastCalls: sink.fast.totalCount,
        slowCalls: sink.slow.totalCount,
      },
    };
  } finally {
    await transport.close().catch(() => {});
    meter.dispose();
  }
}
