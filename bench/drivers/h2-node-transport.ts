// A lean gRPC driver on node:http2 (server view, driver "h2-node"): node:http2 streams carrying one pre-encoded,
// length-prefixed gRPC frame, success read from grpc-status in the trailers. No client library, no per-call
// encoding. It is kept beside the default "h2-frames" driver (bench/drivers/h2-frames-transport.ts) because
// node:http2 is the obvious way to build this and the crosscheck shows why it is not enough: its per-stream
// cost (a Duplex, a headers object, several events) is about what the grpc-js server spends per call, so on
// a 2-core machine the client sets the pace, not the server.
//
// Hot-path choices, all to keep per-call JS work near the floor node:http2 allows:
// - one frozen headers object and one options object, shared by every call;
// - the request frame is one Buffer, written with stream.end(frame) (one write + half-close);
// - per-stream state lives on the stream object and the listeners are shared module functions, so a call
//   allocates no closures of its own (node:http2 still allocates the stream itself);
// - large flow-control windows, as h2load's defaults (2^30-1), so big responses are not throttled by
//   WINDOW_UPDATE round trips the neutral tool does not pay.
import http2 from "node:http2";
import { grpcStatusFromHeader, transportErrorCode } from "./error-code.js";
import { H2SessionLanes } from "./h2-session-lanes.js";
import { grpcRequestHeaders, type LeanGrpcOptions } from "./lean-grpc-request.js";
import type { CallDone, Transport } from "./transport.js";

const WINDOW = 2 ** 30 - 1;
const { NGHTTP2_CANCEL } = http2.constants;

export type H2NodeOptions = LeanGrpcOptions;

const kDone = Symbol("done");
const kCode = Symbol("code");
const kTimer = Symbol("timer");

interface CallStream extends http2.ClientHttp2Stream {
  [kDone]: CallDone;
  [kCode]: string | null | undefined;
  [kTimer]: NodeJS.Timeout | undefined;
}

function onResponse(this: CallStream, headers: http2.IncomingHttpHeaders & http2.IncomingHttpStatusHeader): void {
  const status = headers[":status"];
  if (status !== 200) this[kCode] = `HTTP_${status}`;
  // Trailers-only responses (errors) carry grpc-status in the response headers.
  else if (headers["grpc-status"] !== undefined) this[kCode] = grpcStatusFromHeader(headers["grpc-status"]);
}

function onTrailers(this: CallStream, trailers: http2.IncomingHttpHeaders): void {
  if (this[kCode] === undefined) this[kCode] = grpcStatusFromHeader(trailers["grpc-status"]);
}

function onError(this: CallStream, error: unknown): void {
  if (this[kCode] === undefined || this[kCode] === null) this[kCode] = transportErrorCode(error);
}

function onData(): void {}

function onClose(this: CallStream): void {
  if (this[kTimer] !== undefined) clearTimeout(this[kTimer]);
  let code = this[kCode];
  if (code === undefined) code = this.rstCode !== undefined && this.rstCode !== 0 ? "reset" : "MISSING_GRPC_STATUS";
  this[kDone](code);
}

function onTimeout(stream: CallStream): void {
  stream[kCode] = "timeout";
  stream.close(NGHTTP2_CANCEL);
}

export class H2NodeTransport implements Transport {
  readonly driver = "h2-node";
  readonly protocol = "grpc" as const;
  readonly view = "server" as const;
  readonly connections: number;
  private readonly lanes: H2SessionLanes;
  private readonly headers: http2.OutgoingHttpHeaders;
  private readonly requestOptions: http2.ClientSessionRequestOptions = { endStream: false };

  constructor(private readonly options: H2NodeOptions) {
    this.connections = options.connections;
    this.headers = Object.freeze(Object.fromEntries(grpcRequestHeaders(options)));
    this.lanes = new H2SessionLanes({
      target: options.target,
      lanes: options.connections,
      session: { settings: { initialWindowSize: WINDOW, enablePush: false }, maxSessionMemory: 256 },
      onConnect: (session) => session.setLocalWindowSize(WINDOW),
      resend: (lane, done) => this.send(lane, done),
    });
  }

  open(): Promise<void> {
    return this.lanes.open();
  }

  send(lane: number, done: CallDone): void {
    const session = this.lanes.session(lane % this.connections, done);
    if (session === null) return;
    let stream: CallStream;
    try {
      stream = session.request(this.headers, this.requestOptions) as CallStream;
    } catch (error) {
      done(transportErrorCode(error));
      return;
    }
    stream[kDone] = done;
    stream[kCode] = undefined;
    stream[kTimer] = this.options.timeoutMs > 0 ? setTimeout(onTimeout, this.options.timeoutMs, stream) : undefined;
    stream.on("response", onResponse);
    stream.on("trailers", onTrailers);
    stream.on("data", onData);
    stream.on("error", onError);
    stream.on("close", onClose);
    stream.end(this.options.frame);
  }

  close(): Promise<void> {
    return this.lanes.close();
  }
}
