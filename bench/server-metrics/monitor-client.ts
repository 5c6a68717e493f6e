// A client of one server's monitor endpoint (servers/monitor/monitor-contract.ts): one snapshot on demand, or a
// stream of them. Three wire forms, picked by the arm's api and transport: the gRPC Monitor/Watch RPC over
// node:http2, GET /v1/monitor over HTTP/1.1, and the same over HTTP/2. The monitor's connections are its own, never
// the measured ones, and no meter counts them, reconnects included: every form dials unmetered sockets
// (unmetered-socket.ts), the gRPC one too (not grpc-js, whose net.connect the meters would hear), and none of their
// handshakes is in the run's tally. What they cannot leave out: decoding the snapshots (one per window edge and one
// per sample, about ten a second, each a few dozen bytes) runs in the bench process, so its client CPU includes it.
import type { ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import type { Arm } from "../model/arm.js";
import { GrpcMonitorClient } from "./grpc-monitor-client.js";
import { H2MonitorClient } from "./h2-monitor-client.js";
import { Http1MonitorClient } from "./http1-monitor-client.js";

/**
 * The target answered, and not with a monitor: no such route or method (404, UNIMPLEMENTED), the token refused
 * (401, UNAUTHENTICATED), a reply that is not ProcessMetrics. Asking again will not help; a network error might.
 */
export class MonitorRefusedError extends Error {
  override name = "MonitorRefusedError";
}

export interface MonitorWatch {
  /** ends the stream (onEnd is then called with null) */
  close(): void;
}

export interface MonitorClient {
  /** how the monitor is reached, for notes: "gRPC /grb.monitor.v1.Monitor/Watch" */
  readonly via: string;
  /** One snapshot; rejects with MonitorRefusedError or a transport error, or after timeoutMs. */
  snapshot(timeoutMs: number): Promise<ProcessMetrics>;
  /** A snapshot at once and then one every intervalMs, until close(); onEnd once: null when we closed it, else why it ended. */
  watch(intervalMs: number, onSample: (metrics: ProcessMetrics) => void, onEnd: (error: Error | null) => void): MonitorWatch;
  /** Closes the monitor's connections (the server itself is not touched). */
  close(): void;
}

export interface MonitorEndpoint {
  arm: Pick<Arm, "id" | "api" | "transport">;
  /** as the measured clients dial it: host:port, grpc://, grpcs://, http://, https:// */
  target: string;
  /** the bearer token the monitor needs (the run's, bench/run-token.ts); null: none */
  token: string | null;
}

export function monitorClient(endpoint: MonitorEndpoint): MonitorClient {
  if (endpoint.arm.api === "grpc") return new GrpcMonitorClient(endpoint.target, endpoint.token);
  if (endpoint.arm.transport === "http/1.1") return new Http1MonitorClient(endpoint.target, endpoint.token);
  return new H2MonitorClient(endpoint.target, endpoint.token);
}
