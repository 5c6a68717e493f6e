// The messages between the harness and a server child process (bench/server-process/server-child.ts).
import type { ArmApi, ServerOptions } from "../../servers/server-arm.js";

export interface ServerChildConfig {
  arm: string;
  options: ServerOptions;
  /**
   * --server-cpus N: N server processes (servers/processes/process-group.ts), this child their primary; absent or 1:
   * this child serves alone, as before
   */
  processes?: number;
}

/**
 * "config" answers the child's "awaiting-config": the arm and its options, TLS private key included, travel over the
 * IPC channel, never in the environment, which the server's own child processes (the gateway's upstream) inherit
 * and which the same user can read in /proc/PID/environ for as long as the process runs.
 */
export type ParentMessage = { id: number; type: "cpu" | "memory" | "stop" } | { type: "config"; config: ServerChildConfig };

export interface CpuSnapshot {
  /**
   * process.cpuUsage() of the server process, µs; plus its upstream's when it started one (RunningServer.upstream);
   * with N server processes, summed over the primary, the N workers and their upstreams
   */
  user: number;
  system: number;
  /** the upstream process's share of user and system, when there is one */
  upstream?: { user: number; system: number };
}

export interface MemorySnapshot {
  /** the server process's, plus its upstream's when it started one (with N server processes: summed over all) */
  rssMb: number;
  /**
   * process.resourceUsage().maxRSS: the peak over the process's life (summed with the upstream's; with N server
   * processes the sum of each one's peak, an upper bound of the group's peak)
   */
  peakRssMb: number;
  /** the upstream process's share, when there is one */
  upstream?: { rssMb: number; peakRssMb: number };
}

export type ChildMessage =
  /** sent once the child listens for messages (one sent before it listens would be lost) */
  | { type: "awaiting-config" }
  | { type: "ready"; arm: string; api: ArmApi; host: string; port: number; caveats: string[]; upstreamPids: number[]; workerPids: number[] }
  | { type: "start-failed"; message: string; code: string | null }
  | { id: number; type: "cpu"; cpu: CpuSnapshot }
  | { id: number; type: "memory"; memory: MemorySnapshot }
  | { id: number; type: "stopped" }
  /** a cpu or memory read that could not be made (a worker of N server processes did not answer) */
  | { id: number; type: "failed"; message: string };
