// Before a server's first case: calls on kept-alive connections until the server has served enough of them (a JIT
// warms by calls, not seconds) or the time is up. Nothing is measured; without it the first cases of a fresh server
// process would measure its JIT, and the comparison between ways of connecting with it.
import { performance } from "node:perf_hooks";
import { CallSink } from "../load/call-sink.js";
import { ClosedLoop } from "../load/closed-loop.js";
import type { ConnectionCostOptions } from "./connection-cost-transport.js";
import { ConnectionCostTransport } from "./connection-cost-transport.js";

export interface WarmUpPlan {
  minCalls: number;
  maxS: number;
}

/** Warms the server behind `options` (perCall and resume are ignored: kept alive); resolves with the calls that succeeded. Never throws. */
export async function warmUpServer(options: Omit<ConnectionCostOptions, "perCall" | "resume">, plan: WarmUpPlan, signal: AbortSignal): Promise<number> {
  const transport = new ConnectionCostTransport({ ...options, perCall: false, resume: false });
  const sink = new CallSink();
  const loop = new ClosedLoop(transport, options.lanes);
  try {
    await transport.open();
    loop.start(sink);
    const until = performance.now() + plan.maxS * 1000;
    while (sink.okTotal < plan.minCalls && performance.now() < until && !signal.aborted) await new Promise((resolve) => setTimeout(resolve, 20));
  } catch {
    // a server that cannot be reached is the cases' to report, with their errors counted
  } finally {
    await loop.stop();
    await transport.close();
  }
  return sink.okTotal;
}
