// The messages between the harness and a server child process (bench/server-process/server-child.ts).
import type { ArmApi, ServerOptions } from "../../servers/server-arm.js";

export interface ServerChildConfig {
  arm: string;
  options: ServerOptions;
}

export type ParentMessage = { id: number; type: "cpu" | "memory" | "stop" };

export interface CpuSnapshot {
  /** process.cpuUsage() of the server process, µs */
  user: number;
  system: number;
}

export interface MemorySnapshot {
  rssMb: number;
  /** process.resourceUsage().maxRSS: the peak over the process's life */
  peakRssMb: number;
}

export type ChildMessage =
  | { type: "ready"; arm: string; api: ArmApi; host: string; port: number; caveats: string[] }
  | { type: "start-failed"; message: string; code: string | null }
  | { id: number; type: "cpu"; cpu: CpuSnapshot }
  | { id: number; type: "memory"; memory: MemorySnapshot }
  | { id: number; type: "stopped" };
