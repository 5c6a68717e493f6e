// The messages between the load family's process and its load-generator worker processes (--workers N,
// bench/load/load-worker-pool.ts ↔ load-worker-child.ts). JSON over the fork IPC channel.
import type { LoadResult } from "../model/load-result.js";
import type { RunTlsTrust } from "../run-tls.js";
import type { DriverName, ResolvedScenario } from "./load-scenario.js";

/** One worker's share of one scenario run. */
export interface WorkerRunRequest {
  /** the worker's share (load-split.ts scenarioShare), repetitions as the caller asked */
  scenario: ResolvedScenario;
  target: string;
  rateRps?: number;
  failAfterMs?: number;
  /** the run's bearer token and TLS trust: process-wide state the worker must set like the run did */
  token: string | null;
  trust: RunTlsTrust;
  /** the CPU the worker is pinned to, for the result's clientPinnedCpus */
  clientCpu: string | null;
}

export type ToWorker =
  | { type: "run"; id: number; request: WorkerRunRequest }
  /** every worker of the run is connected: warm up until beginAtMs, then measure */
  | { type: "begin"; id: number; beginAtMs: number }
  | { type: "abort"; id: number }
  /** load these drivers' modules now, before any window's set-up */
  | { type: "prepare"; id: number; drivers: DriverName[] };

export type FromWorker =
  | { type: "ready" }
  /** connections open; waiting for "begin" */
  | { type: "connected"; id: number }
  | { type: "result"; id: number; result: LoadResult }
  | { type: "error"; id: number; message: string }
  | { type: "prepared"; id: number };
