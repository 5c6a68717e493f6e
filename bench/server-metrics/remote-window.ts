// One measured window's server figures for a remote server (remote-server.ts), from a monitor snapshot at each edge
// and the RSS samples in between: CPU µs over the window, the sampled peak RSS, the calls the server says it
// started, and a note saying what the figures cover or why there are none. The load engine
// (bench/load/measure-windows.ts) calls it where it reads a local server over IPC and /proc.
import type { ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import type { PeakRssScope, ServerMetricsSource } from "../model/measurement.js";
import type { RemoteRssWindow, RemoteServer } from "./remote-server.js";

const MB = 1024 * 1024;

/** A window edge: the snapshot, or why there is none. */
export type RemoteEdge = { metrics: ProcessMetrics; error?: undefined } | { metrics: null; error: string };

export async function remoteEdge(server: RemoteServer): Promise<RemoteEdge> {
  try {
    return { metrics: await server.snapshot() };
  } catch (error) {
    return { metrics: null, error: (error as Error).message };
  }
}

export interface RemoteWindowFigures {
  source: Exclude<ServerMetricsSource, "process">;
  note: string;
  cpuUs: number | null;
  peakRssMb: number | null;
  peakRssScope?: PeakRssScope;
  callsServed?: number;
}

/** What a monitor's figures are, said once per window (the report shows it where the figures are). */
export function monitorScope(server: RemoteServer): string {
  return (
    `server CPU and memory through its monitor endpoint (${server.via ?? "none"}): the whole remote process, ` +
    `any other work it did in the window and the monitor's own snapshots included; peak RSS sampled every ${server.sampleMs} ms`
  );
}

/**
 * A window's figures. CPU needs both edges from the same process: a different pid or an uptime that went back means
 * the remote process was replaced in between (a restart this side cannot see otherwise), so its CPU times do not
 * subtract; the window says so and has no CPU figure, and the server is not declared dead.
 */
export function remoteWindowFigures(server: RemoteServer, begin: RemoteEdge, end: RemoteEdge, rss: RemoteRssWindow, completed: number): RemoteWindowFigures {
  const none = server.notMeasuredReason;
  if (none !== null) return { source: "not-measured", note: `server CPU and memory not measured: ${none}`, cpuUs: null, peakRssMb: null };
  const problems: string[] = [];
  let cpuUs: number | null = null;
  let callsServed: number | undefined;
  const a = begin.metrics;
  const b = end.metrics;
  if (a === null) problems.push(`no snapshot at the window's start: ${begin.error}`);
  if (b === null) problems.push(`no snapshot at the window's end: ${end.error}`);
  if (a !== null && b !== null) {
    if (a.pid !== b.pid || b.uptimeMs < a.uptimeMs) {
      problems.push(`the remote server process changed during the window (pid ${a.pid}, up ${a.uptimeMs} ms → pid ${b.pid}, up ${b.uptimeMs} ms): a restart; its CPU times do not subtract`);
    } else {
      cpuUs = b.cpuUserUs + b.cpuSystemUs - (a.cpuUserUs + a.cpuSystemUs);
      callsServed = Math.max(0, b.callsServed - a.callsServed);
    }
  }
  if (rss.pids.size > 1) problems.push(`RSS samples came from ${rss.pids.size} processes (pids ${[...rss.pids].join(", ")})`);
  let peakRssMb = rss.peakMb();
  let peakRssScope: PeakRssScope | undefined = peakRssMb !== null ? "window-sampled" : undefined;
  if (rss.gap !== null) problems.push(`peak RSS from fewer samples: ${rss.gap}`);
  if (peakRssMb === null && b !== null) {
    peakRssMb = b.peakRssBytes / MB;
    peakRssScope = "process-lifetime";
  }
  // calls from other clients in the window: CPU per call is then the server's, not our calls' alone
  if (callsServed !== undefined && completed > 0 && callsServed > completed * 1.5 + 100) {
    problems.push(`the server started ${callsServed} calls in the window, this bench completed ${completed}: its CPU includes other clients' calls`);
  }
  const measured = cpuUs !== null || peakRssMb !== null;
  const note = measured
    ? [monitorScope(server), ...problems].join("; ")
    : `server CPU and memory not measured in this window: ${problems.join("; ") || "no snapshot"}`;
  return {
    source: measured ? "monitor" : "not-measured",
    note,
    cpuUs,
    peakRssMb,
    ...(peakRssScope !== undefined ? { peakRssScope } : {}),
    ...(callsServed !== undefined ? { callsServed } : {}),
  };
}
