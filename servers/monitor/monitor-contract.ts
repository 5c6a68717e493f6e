// The wire contract of the monitor endpoint every arm serves on its own port (proto/monitor.proto): where it is and
// what one snapshot holds. Servers (servers/monitor/) and the bench's client (bench/server-metrics/) both read it.
//
// gRPC arms: the server-streaming RPC below, protobuf ProcessMetrics messages. HTTP arms: GET MONITOR_PATH, one
// ProcessMetrics as canonical JSON (proto3 JSON mapping: camelCase, 64-bit integers as strings); with
// `?intervalMs=N` the response is NDJSON, one snapshot at once and then one every N ms until the client goes.
// With `serve --token`, the monitor needs the token like every other call.

/** the gRPC method path */
export const MONITOR_GRPC_PATH = "/grb.monitor.v1.Monitor/Watch";
/** the HTTP route (GET) */
export const MONITOR_HTTP_PATH = "/v1/monitor";
/** the query parameter asking for a stream of snapshots */
export const MONITOR_INTERVAL_PARAM = "intervalMs";

/** One snapshot, as the client works with it (numbers, not the JSON mapping's strings). */
export interface ProcessMetrics {
  pid: number;
  arm: string;
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  peakRssBytes: number;
  callsServed: number;
  uptimeMs: number;
  nodeVersion: string;
  hostCpus: number;
  /**
   * Several server processes (--server-cpus N): N, and the figures above are their sum plus the primary's that
   * hands them connections (pid is the primary's). Absent for one process.
   */
  processes?: number;
  /** with several processes: each one's pid and calls served */
  serving?: ServingProcess[];
}

export interface ServingProcess {
  pid: number;
  callsServed: number;
}

/**
 * Servers send snapshots no faster than this: a smaller non-zero interval (gRPC interval_ms, HTTP intervalMs) is
 * raised to it, so a client's typo cannot turn the side channel into a busy loop on the server it measures.
 */
export const MONITOR_MIN_INTERVAL_MS = 10;
