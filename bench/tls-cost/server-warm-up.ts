// Unmeasured calls before a mode's first window, made the mode's own way (a new connection per call, full or resumed;
// kept alive) over the transport its windows will use. Two jobs: prime the transport (kept-alive connections open,
// each resuming lane holding a session, so no window starts with the lanes' first full handshakes), and, before a
// server's first windows, warm its code paths for every way of connecting — the accept and handshake path as much as
// the call path: a JIT warms by calls, and a path warmed for one mode only would make the first mode measured look
// dearer than the others.
import { performance } from "node:perf_hooks";
import type { Transport } from "../drivers/transport.js";
import { CallSink } from "../load/call-sink.js";
import { ClosedLoop } from "../load/closed-loop.js";

export interface WarmUpPlan {
  /** stop once this many calls succeeded … */
  minCalls: number;
  /** … or this many seconds passed */
  maxS: number;
}

/** Calls over `transport` with `lanes` in flight for at least `minS` and until `plan` is met; resolves with the calls that succeeded. Never throws. */
export async function warmUpTransport(transport: Transport, lanes: number, minS: number, plan: WarmUpPlan, signal: AbortSignal): Promise<number> {
  const sink = new CallSink();
  const loop = new ClosedLoop(transport, lanes);
  const started = performance.now();
  const elapsedS = () => (performance.now() - started) / 1000;
  try {
    loop.start(sink);
    while (!signal.aborted && elapsedS() < Math.max(minS, plan.maxS) && (elapsedS() < minS || sink.okTotal < plan.minCalls)) await new Promise((resolve) => setTimeout(resolve, 10));
  } catch {
    // a server that cannot be reached is the windows' to report, with their errors counted
  } finally {
    await loop.stop();
  }
  return sink.okTotal;
}
