// Head-of-line blocking: calls arrive at a fixed rate (the load engine's open loop, at most `inFlight` at once,
// latency from the intended send time so a blocked call cannot hide its wait) and 1 in `slowEvery` is held by
// the server for slowDelayMs; fast and slow calls are timed into separate histograms. On one HTTP/2 connection a
// slow stream holds no other stream back; on HTTP/1.1 a slow call holds its connection, so fast calls wait
// whenever every connection of the pool is busy. A closed loop would not do here: it runs the machine at
// saturation, where queueing for the CPU swamps the effect, and a blocked slot simply stops sending.
import { performance } from "node:perf_hooks";
import { createHistogram, recordUs, summarizeHistogram, type LatencyHistogram } from "../histogram.js";
import { CallSink } from "../load/call-sink.js";
import { OpenLoop } from "../load/open-loop.js";
import type { MultiplexResult } from "../model/multiplex-result.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { transportErrorCode } from "../drivers/error-code.js";
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
  note: string;
  /** one HTTP/2 connection, or HTTP/1.1 connections (keep-alive) */
  connections: number;
  streamsPerConnection: number | null;
  call: string;
  makeTransport(): MixedCallTransport;
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
  const transport = o.makeTransport();
  const base = {
    configuration: o.configuration,
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
  const headOfLineEmpty = { slowDelayMs: plan.slowDelayMs, slowFraction: 1 / plan.slowEvery, fastP99Ms: 0, slowP99Ms: 0 };
  try {
    try {
      await transport.open();
    } catch (error) {
      return {
        ...base, connectionsOpened: meter.opened, connectionsPerCall: 0, requests: 0, errors: 1, errorsByCode: { [transportErrorCode(error)]: 1 },
        throughputRps: 0, latencyMs: { p50: 0, p99: 0 }, serverCpuUsPerCall: null, headOfLine: headOfLineEmpty,
        endReason: "failed", failure: `could not open ${o.connections} connection(s): ${(error as Error).message}`,
      };
    }
    const sink = new FastSlowSink(transport);
    const loop = new OpenLoop(transport, { rate: plan.rateRps, maxInFlight: plan.inFlight });
    loop.start(sink);
    let durationS = 0;
    let cpuUs: number | null = null;
    try {
      await sleep(plan.warmupS * 1000, o.signal);
      const cpuBefore = o.server ? await o.server.cpuUsage().catch(() => null) : null;
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
    const all = summarizeHistogram(sink.all);
    const ok = sink.all.totalCount;
    const errors = Object.values(sink.errors).reduce((a, b) => a + b, 0);
    const measuredOpened = meter.openedBetweenSnapshots();
    const lag = loop.sendLag();
    const throughput = durationS > 0 ? ok / durationS : 0;
    const notes = [o.note, `open loop at ${plan.rateRps} calls/s, at most ${plan.inFlight} in flight; ${lag.queued} calls waited for a free slot (mean send lag ${round(lag.meanMs, 2)} ms)`];
    if (throughput < 0.9 * plan.rateRps) notes.push(`the target rate was NOT sustained (${round(throughput, 1)} of ${plan.rateRps} calls/s): latencies include a growing backlog`);
    return {
      ...base,
      note: notes.join("; "),
      targetRps: plan.rateRps,
      connectionsOpened: meter.opened,
      connectionsOpenedMeasured: measuredOpened,
      connectionsPerCall: ok + errors > 0 ? round(measuredOpened / (ok + errors), 4) : 0,
      requests: ok + errors,
      errors,
      ...(errors > 0 ? { errorsByCode: sink.errors } : {}),
      throughputRps: round(throughput, 1),
      latencyMs: { p50: all.p50, p99: all.p99 },
      latencyP90Ms: all.p90,
      serverCpuUsPerCall: cpuUs !== null && ok + errors > 0 ? round(cpuUs / (ok + errors), 2) : null,
      headOfLine: {
        slowDelayMs: plan.slowDelayMs,
        slowFraction: 1 / plan.slowEvery,
        fastP99Ms: fast.p99,
        slowP99Ms: slow.p99,
        fastP50Ms: fast.p50,
        slowP50Ms: slow.p50,
        fastCalls: sink.fast.totalCount,
        slowCalls: sink.slow.totalCount,
      },
      durationS: round(durationS),
      repetitions: 1,
      endReason: o.signal.aborted ? "aborted" : ok === 0 ? "failed" : "completed",
      ...(ok === 0 ? { failure: "no call completed in the measured window" } : {}),
    };
  } finally {
    await transport.close().catch(() => {});
    meter.dispose();
  }
}
