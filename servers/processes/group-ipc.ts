// The messages between a process group's primary (process-group.ts) and its workers (group-worker.ts), over the
// node:cluster IPC channel. Every message carries `grb` so nothing is confused with cluster's own messages.
import type { ProcessMetrics } from "../monitor/monitor-contract.js";
import type { ProcessUsage, ServerOptions } from "../server-arm.js";

export interface GroupWorkerConfig {
  arm: string;
  /** the same for every worker: they all listen on the same host:port (cluster shares one listening socket) */
  options: ServerOptions;
}

/** One worker's own figures: its process, the upstream it started (the gateway's grpc arm), the calls it served. */
export interface WorkerUsage {
  pid: number;
  own: ProcessUsage;
  upstream: ProcessUsage | null;
  callsServed: number;
}

export type PrimaryMessage =
  | { grb: "config"; config: GroupWorkerConfig }
  | { grb: "usage"; id: number }
  /** the answer to a worker's "group-metrics": the group's sum, for its monitor endpoint */
  | { grb: "group-metrics"; id: number; metrics: ProcessMetrics | null }
  | { grb: "stop" };

export type WorkerMessage =
  | { grb: "awaiting-config" }
  | { grb: "ready"; host: string; port: number; caveats: string[]; upstreamPid: number | null }
  | { grb: "start-failed"; message: string; code: string | null; listenError: boolean }
  | { grb: "usage"; id: number; usage: WorkerUsage }
  /** a monitor request reached this worker: it asks the primary for the whole group's snapshot */
  | { grb: "group-metrics"; id: number };

export function isWorkerMessage(message: unknown): message is WorkerMessage {
  return typeof message === "object" && message !== null && "grb" in message;
}
