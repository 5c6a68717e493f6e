// The Monitor service on grpc-js (proto/monitor.proto): a hand-written service definition over monitor-messages.ts's
// codecs (a side channel: reflection codecs, no generated static code), and its Watch handler: the first
// ProcessMetrics at once, then one every interval_ms until the client cancels; interval_ms 0: the first alone.
import * as grpc from "@grpc/grpc-js";
import { MONITOR_GRPC_PATH, type ProcessMetrics } from "./monitor-contract.js";
import { decodeProcessMetrics, decodeWatchRequest, encodeProcessMetrics, encodeWatchRequest } from "./monitor-messages.js";
import type { ServerMonitor } from "./server-monitor.js";
import { streamSnapshots } from "./snapshot-stream.js";

type WatchRequest = { intervalMs: number };

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A request that does not decode: the handler answers INVALID_ARGUMENT (a throwing deserializer would be INTERNAL). */
class BadWatchRequest {
  constructor(readonly reason: string) {}
}

export const MONITOR_SERVICE: grpc.ServiceDefinition = {
  Watch: {
    path: MONITOR_GRPC_PATH,
    requestStream: false,
    responseStream: true,
    requestSerialize: (request: WatchRequest | BadWatchRequest) => asBuffer(encodeWatchRequest(request instanceof BadWatchRequest ? 0 : request.intervalMs)),
    requestDeserialize: (bytes: Buffer): WatchRequest | BadWatchRequest => {
      try {
        return decodeWatchRequest(bytes);
      } catch (err) {
        return new BadWatchRequest(err instanceof Error ? err.message : String(err));
      }
    },
    responseSerialize: (metrics: ProcessMetrics) => asBuffer(encodeProcessMetrics(metrics)),
    responseDeserialize: (bytes: Buffer) => decodeProcessMetrics(bytes),
    originalName: "watch",
  } satisfies grpc.MethodDefinition<WatchRequest | BadWatchRequest, ProcessMetrics>,
};

/** The Watch implementation of one server. */
export function monitorImplementation(monitor: ServerMonitor): grpc.UntypedServiceImplementation {
  const watch: grpc.handleServerStreamingCall<WatchRequest | BadWatchRequest, ProcessMetrics> = (call) => {
    const request = call.request;
    if (request instanceof BadWatchRequest) {
      call.emit("error", { code: grpc.status.INVALID_ARGUMENT, details: `malformed WatchRequest: ${request.reason}` });
      return;
    }
    let ended = false;
    const stop = streamSnapshots(monitor, request.intervalMs, {
      send: (metrics) => void call.write(metrics),
      end: () => {
        ended = true;
        call.end();
      },
      get backedUp() {
        return call.writableNeedDrain;
      },
      get closed() {
        return ended || call.cancelled || call.destroyed;
      },
    });
    // grpc-js emits 'cancelled' when the client goes or the server shuts down, and 'close' once the call is over.
    call.once("cancelled", stop);
    call.once("close", stop);
  };
  return { Watch: watch };
}
