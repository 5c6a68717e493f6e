// Stand-alone per-call timing, for the configurations the load engine's transports cannot issue (requests with a
// compressed body): one call in flight, back to back, after a warm-up; latency into the shared histogram, CPU time
// of this process and of the server process over the measured calls. Errors are counted, never thrown.
import { createHistogram, recordUs, summarizeHistogram } from "../histogram.js";
import type { ServerProcess } from "../server-process/server-process.js";

export interface SequentialTiming {
  calls: number;
  errors: number;
  lastError?: string;
  latencyMs: { p50: number; p99: number };
  serverCpuUsPerCall: number | null;
  clientCpuUsPerCall: number | null;
}

export async function timeSequentialCalls(
  invoke: () => Promise<void>,
  options: { calls: number; warmupCalls: number; server: ServerProcess | null; signal: AbortSignal },
): Promise<SequentialTiming> {
  let errors = 0;
  let lastError: string | undefined;
  const once = async (): Promise<boolean> => {
    try {
      await invoke();
      return true;
    } catch (error) {
      errors++;
      lastError = error instanceof Error ? error.message : String(error);
      return false;
    }
  };
  for (let i = 0; i < options.warmupCalls && !options.signal.aborted; i++) await once();
  errors = 0;
  const histogram = createHistogram();
  const serverBefore = options.server ? await options.server.cpuUsage().catch(() => null) : null;
  const clientBefore = process.cpuUsage();
  let done = 0;
  for (; done < options.calls && !options.signal.aborted; done++) {
    const start = performance.now();
    if (await once()) recordUs(histogram, (performance.now() - start) * 1000);
  }
  const client = process.cpuUsage(clientBefore);
  const serverAfter = options.server ? await options.server.cpuUsage().catch(() => null) : null;
  const summary = summarizeHistogram(histogram);
  const perCall = (us: number) => (done > 0 ? us / done : null);
  return {
    calls: done,
    errors,
    ...(lastError !== undefined ? { lastError } : {}),
    latencyMs: { p50: summary.p50, p99: summary.p99 },
    serverCpuUsPerCall: serverBefore && serverAfter ? perCall(serverAfter.user + serverAfter.system - serverBefore.user - serverBefore.system) : null,
    clientCpuUsPerCall: perCall(client.user + client.system),
  };
}

/** Mean µs of `fn` over about `budgetMs` (at least 3 runs), for stand-alone codec costs. */
export function meanUs(fn: () => unknown, budgetMs: number): number {
  fn();
  let runs = 0;
  const start = performance.now();
  while (runs < 3 || performance.now() - start < budgetMs) {
    fn();
    runs++;
  }
  return ((performance.now() - start) * 1000) / runs;
}
