// The Monitor/Watch RPC (proto/monitor.proto), for gRPC arms, spoken over a node:http2 session of the monitor's own
// (monitor-h2-session.ts: unmetered socket, TLS with the run's trust and ALPN h2 for grpcs://, out of the handshake
// tally) rather than over grpc-js: grpc-js dials with net.connect, which the socket bytes meter and the connection
// counter hear of, so a monitor reconnecting while a meter runs would count as measured bytes and a measured
// connection. The call is plain gRPC over HTTP/2: POST with content-type application/grpc and te: trailers, the
// bearer token as `authorization` metadata, one Length-Prefixed WatchRequest, ProcessMetrics messages back, and the
// outcome in grpc-status (in the trailers, or in the headers of a Trailers-Only reply).
import { status as GrpcStatus } from "@grpc/grpc-js";
import http2 from "node:http2";
import { MONITOR_GRPC_PATH, type ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import { decodeProcessMetrics, encodeWatchRequest } from "../../servers/monitor/monitor-messages.js";
import { grpcStatusName } from "../drivers/error-code.js";
import { grpcFrame, GrpcMessageReader } from "../drivers/grpc-frame.js";
import { authHeaders } from "../run-token.js";
import { MonitorRefusedError, type MonitorClient, type MonitorWatch } from "./monitor-client.js";
import { MonitorH2Session } from "./monitor-h2-session.js";
import { refusedStatus } from "./monitor-http-reply.js";

const { NGHTTP2_CANCEL } = http2.constants;

/** Statuses that say the server answered and has no monitor for us; anything else may be the network. */
const REFUSED = new Set<number>([GrpcStatus.UNIMPLEMENTED, GrpcStatus.UNAUTHENTICATED, GrpcStatus.PERMISSION_DENIED, GrpcStatus.INTERNAL]);

/** grpc-message is percent-encoded (gRPC over HTTP/2, "Status-Message"). */
function statusMessage(value: unknown): string {
  const text = Array.isArray(value) ? String(value[0] ?? "") : typeof value === "string" ? value : "";
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One Watch call, read as events: each snapshot, then exactly one end (null: grpc-status OK; else why not). */
interface WatchHandlers {
  sample(metrics: ProcessMetrics): void;
  end(error: Error | null): void;
}

export class GrpcMonitorClient implements MonitorClient {
  readonly via = `gRPC ${MONITOR_GRPC_PATH}`;
  private readonly session: MonitorH2Session;
  private readonly headers: http2.OutgoingHttpHeaders;

  constructor(target: string, token: string | null) {
    this.session = new MonitorH2Session(target);
    this.headers = {
      ":method": "POST",
      ":path": MONITOR_GRPC_PATH,
      "content-type": "application/grpc",
      te: "trailers",
      ...authHeaders(token),
    };
  }

  private statusError(code: number, message: string): Error {
    const text = `${MONITOR_GRPC_PATH} ended with ${grpcStatusName(code)}${message !== "" ? `: ${message}` : ""}`;
    return REFUSED.has(code) ? new MonitorRefusedError(text) : new Error(text);
  }

  /**
   * Starts a Watch with `intervalMs` (0: one snapshot, then the server ends the call) and reads it. Throws only when
   * no stream can be opened at all; everything later arrives at handlers.end, once.
   */
  private call(intervalMs: number, handlers: WatchHandlers, extraHeaders: http2.OutgoingHttpHeaders = {}): http2.ClientHttp2Stream {
    const stream = this.session.request({ ...this.headers, ...extraHeaders });
    let ended = false;
    const end = (error: Error | null) => {
      if (ended) return;
      ended = true;
      handlers.end(error);
    };
    const reader = new GrpcMessageReader();
    let status: number | null = null;
    // grpc-status arrives in the trailers, or with the response headers of a Trailers-Only reply (an error at once)
    const onStatus = (headers: http2.IncomingHttpHeaders) => {
      const value = headers["grpc-status"];
      if (value === undefined) return false;
      const code = Number(Array.isArray(value) ? value[0] : value);
      if (!Number.isInteger(code)) end(new MonitorRefusedError(`${this.via}: a grpc-status that is not a number (${String(value)})`));
      else if (code !== 0) end(this.statusError(code, statusMessage(headers["grpc-message"])));
      else if (reader.leftover > 0) end(new MonitorRefusedError(`${this.via}: the reply ended inside a message`));
      status = code;
      return true;
    };
    stream.once("response", (headers) => {
      const httpStatus = Number(headers[":status"] ?? 0);
      if (httpStatus !== 200) {
        end(refusedStatus(this.via, httpStatus));
        stream.close(NGHTTP2_CANCEL);
        return;
      }
      if (onStatus(headers)) return;
      const type = String(headers["content-type"] ?? "");
      if (!type.startsWith("application/grpc")) {
        end(new MonitorRefusedError(`${this.via}: the reply is ${type === "" ? "untyped" : type}, not application/grpc`));
        stream.close(NGHTTP2_CANCEL);
      }
    });
    stream.on("data", (chunk: Buffer) => {
      if (ended) return;
      for (const message of reader.push(chunk)) {
        if (message.compressed) {
          end(new MonitorRefusedError(`${this.via}: a compressed message, though none was asked for`));
          stream.close(NGHTTP2_CANCEL);
          return;
        }
        let metrics: ProcessMetrics;
        try {
          metrics = decodeProcessMetrics(message.bytes);
        } catch (error) {
          end(new MonitorRefusedError(`${this.via}: ${(error as Error).message}`));
          stream.close(NGHTTP2_CANCEL);
          return;
        }
        handlers.sample(metrics);
      }
    });
    stream.once("trailers", (trailers) => {
      if (!onStatus(trailers)) end(new MonitorRefusedError(`${this.via}: trailers without grpc-status`));
    });
    stream.once("error", (error) => end(error));
    stream.once("end", () => {
      if (status === 0) end(null);
      else if (status === null) end(new Error(`${this.via}: the call ended without a grpc-status`));
    });
    // a reset or a session gone without an error event (a no-op once ended)
    stream.once("close", () => end(status === 0 ? null : new Error(`${this.via}: the stream closed before the call ended (code ${stream.rstCode ?? "none"})`)));
    stream.end(grpcFrame(encodeWatchRequest(intervalMs)));
    return stream;
  }

  snapshot(timeoutMs: number): Promise<ProcessMetrics> {
    return new Promise((resolve, reject) => {
      let first: ProcessMetrics | null = null;
      let timer: NodeJS.Timeout | undefined;
      const handlers: WatchHandlers = {
        sample: (metrics) => {
          first ??= metrics;
        },
        end: (error) => {
          clearTimeout(timer);
          if (error !== null) reject(error);
          else if (first !== null) resolve(first);
          else reject(new MonitorRefusedError(`${MONITOR_GRPC_PATH} ended without a snapshot`));
        },
      };
      let stream: http2.ClientHttp2Stream;
      try {
        // interval 0: one snapshot, then the server ends the call; grpc-timeout tells the server our deadline too
        stream = this.call(0, handlers, { "grpc-timeout": `${Math.max(1, Math.ceil(timeoutMs))}m` });
      } catch (error) {
        reject(error as Error);
        return;
      }
      timer = setTimeout(() => {
        handlers.end = () => {};
        stream.close(NGHTTP2_CANCEL);
        reject(new Error(`${MONITOR_GRPC_PATH} ended with DEADLINE_EXCEEDED: no snapshot within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  watch(intervalMs: number, onSample: (metrics: ProcessMetrics) => void, onEnd: (error: Error | null) => void): MonitorWatch {
    let closed = false;
    const handlers: WatchHandlers = {
      sample: (metrics) => {
        if (!closed) onSample(metrics);
      },
      // the call runs until we close it: the server ending it, even with OK, is an end we did not ask for
      end: (error) => onEnd(closed ? null : (error ?? new Error(`${MONITOR_GRPC_PATH} stream ended by the server`))),
    };
    let stream: http2.ClientHttp2Stream;
    try {
      stream = this.call(intervalMs, handlers);
    } catch (error) {
      queueMicrotask(() => handlers.end(error as Error));
      return { close: () => (closed = true) };
    }
    return {
      close: () => {
        closed = true;
        stream.close(NGHTTP2_CANCEL);
      },
    };
  }

  close(): void {
    this.session.close();
  }
}
