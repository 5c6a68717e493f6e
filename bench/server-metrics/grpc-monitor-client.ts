// The Monitor/Watch RPC over grpc-js (proto/monitor.proto), for gRPC arms. Its channel is dialled like every
// grpc-js client of the run (grpc-js-credentials.ts: TLS and trust per target) but with a subchannel pool of its
// own: grpc-js otherwise shares one connection between channels to the same address, and the monitor's calls would
// ride a measured connection.
import * as grpc from "@grpc/grpc-js";
import { MONITOR_GRPC_PATH, type ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import { decodeProcessMetrics, encodeWatchRequest } from "../../servers/monitor/monitor-messages.js";
import { bearerMetadata } from "../drivers/grpc-js-bearer.js";
import { grpcJsChannel } from "../drivers/grpc-js-credentials.js";
import { MonitorRefusedError, type MonitorClient, type MonitorWatch } from "./monitor-client.js";

/** Statuses that say the server answered and has no monitor for us; anything else may be the network. */
const REFUSED = new Set([grpc.status.UNIMPLEMENTED, grpc.status.UNAUTHENTICATED, grpc.status.PERMISSION_DENIED, grpc.status.INTERNAL]);

const serialize = (request: { intervalMs: number }): Buffer => Buffer.from(encodeWatchRequest(request.intervalMs));

function callError(error: grpc.ServiceError): Error {
  const name = grpc.status[error.code] ?? String(error.code);
  const text = `${MONITOR_GRPC_PATH} ended with ${name}${error.details ? `: ${error.details}` : ""}`;
  return REFUSED.has(error.code) ? new MonitorRefusedError(text) : new Error(text);
}

export class GrpcMonitorClient implements MonitorClient {
  readonly via = `gRPC ${MONITOR_GRPC_PATH}`;
  private readonly client: grpc.Client;
  private readonly metadata: grpc.Metadata;

  constructor(target: string, token: string | null) {
    const channel = grpcJsChannel(target, undefined, { tally: false });
    this.client = new grpc.Client(channel.address, channel.credentials, { "grpc.use_local_subchannel_pool": 1 });
    this.metadata = bearerMetadata(token) ?? new grpc.Metadata();
  }

  private call(intervalMs: number, deadline?: Date): grpc.ClientReadableStream<ProcessMetrics> {
    return this.client.makeServerStreamRequest<{ intervalMs: number }, ProcessMetrics>(
      MONITOR_GRPC_PATH,
      serialize,
      (bytes: Buffer) => decodeProcessMetrics(bytes),
      { intervalMs },
      this.metadata,
      deadline !== undefined ? { deadline } : {},
    );
  }

  snapshot(timeoutMs: number): Promise<ProcessMetrics> {
    return new Promise((resolve, reject) => {
      // interval 0: one snapshot, then the server ends the stream.
      const call = this.call(0, new Date(Date.now() + timeoutMs));
      let first: ProcessMetrics | null = null;
      call.on("data", (metrics: ProcessMetrics) => {
        first ??= metrics;
      });
      call.on("error", (error: grpc.ServiceError) => reject(callError(error)));
      call.on("end", () => {
        if (first !== null) resolve(first);
        else reject(new MonitorRefusedError(`${MONITOR_GRPC_PATH} ended without a snapshot`));
      });
    });
  }

  watch(intervalMs: number, onSample: (metrics: ProcessMetrics) => void, onEnd: (error: Error | null) => void): MonitorWatch {
    const call = this.call(intervalMs);
    let closed = false;
    let ended = false;
    const end = (error: Error | null) => {
      if (ended) return;
      ended = true;
      onEnd(closed ? null : error);
    };
    call.on("data", onSample);
    call.on("error", (error: grpc.ServiceError) => end(error.code === grpc.status.CANCELLED && closed ? null : callError(error)));
    call.on("end", () => end(new Error(`${MONITOR_GRPC_PATH} stream ended by the server`)));
    return {
      close: () => {
        closed = true;
        call.cancel();
      },
    };
  }

  close(): void {
    this.client.close();
  }
}
