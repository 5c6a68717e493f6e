// The lean HTTP/2 driver (server view, driver "h2-frames"): pre-encoded frames per call over a minimal HTTP/2
// client (bench/drivers/h2/h2-frame-connection.ts). gRPC: HEADERS + DATA, success read from grpc-status in the
// trailers. REST over h2c (json-h2): one HEADERS with END_STREAM (a GET of the REST path), success a 2xx :status
// and the end of the stream, any other status counted by its number as the HTTP/1.1 drivers count it. No client
// library, no per-call encoding or stream objects: the counterpart of autocannon and of h2load, so that the
// server is what gets measured (npm run bench:crosscheck compares it with h2load in both modes). A grpcs:// or
// https:// target is dialled over TLS with ALPN "h2" (h2/h2-frame-connection.ts), :scheme https.
import { authHeaders, tokenOf } from "../run-token.js";
import { targetEndpoint, type TargetEndpoint } from "./target-address.js";
import { H2FrameConnection, type H2ResponseKind } from "./h2/h2-frame-connection.js";
import { LaneReconnect } from "./lane-reconnect.js";
import { grpcRequestHeaders, type LeanGrpcOptions } from "./lean-grpc-request.js";
import type { CallDone, Transport } from "./transport.js";

/** REST mode: a GET of `path` with no body and no header but the pseudo-headers and the bearer token, if any (h1-lean sends only Host). */
export interface H2FramesRestOptions {
  api: "rest";
  /** http://host:port (or host:port); https://host:port for TLS */
  target: string;
  connections: number;
  /** REST path and query, e.g. /v1/users/u-6 */
  path: string;
  timeoutMs: number;
  /** Extra request headers; none by default. */
  headers?: Record<string, string>;
  /** The bearer token sent as `authorization`: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

/** gRPC mode (the default; `frames`: several requests sent round-robin in place of `frame`) or REST mode. */
export type H2FramesOptions = (LeanGrpcOptions & { api?: "grpc"; frames?: readonly Buffer[] }) | H2FramesRestOptions;

/** One REST call's request headers, pseudo-headers first: what h2load sends for a GET, less its user-agent. */
export function restGetHeaders(options: Pick<H2FramesRestOptions, "target" | "path" | "headers" | "token">): [string, string][] {
  const url = new URL(options.target.includes("://") ? options.target : `http://${options.target}`);
  return [
    [":method", "GET"],
    [":scheme", url.protocol === "https:" ? "https" : "http"],
    [":path", options.path],
    [":authority", url.host],
    ...Object.entries(options.headers ?? {}),
    ...Object.entries(authHeaders(tokenOf(options.token))),
  ];
}

interface Lane {
  connection: H2FrameConnection | null;
  reconnect: LaneReconnect;
}

export class H2FramesTransport implements Transport {
  readonly driver = "h2-frames";
  readonly protocol: H2ResponseKind;
  readonly view = "server" as const;
  readonly connections: number;
  private readonly lanes: Lane[] = [];
  private readonly address: TargetEndpoint;
  private readonly headers: [string, string][];
  private readonly payload: Buffer | null;
  private readonly payloads: readonly Buffer[] | undefined;
  private closing = false;

  constructor(private readonly options: H2FramesOptions) {
    this.connections = options.connections;
    this.address = targetEndpoint(options.target);
    if (options.api === "rest") {
      this.protocol = "rest";
      this.headers = restGetHeaders(options);
      this.payload = null;
      this.payloads = undefined;
    } else {
      this.protocol = "grpc";
      this.headers = grpcRequestHeaders(options);
      this.payload = options.frame;
      this.payloads = options.frames;
    }
    for (let i = 0; i < options.connections; i++) {
      const lane: Lane = {
        connection: null,
        reconnect: new LaneReconnect(
          () => this.connect(lane),
          (done) => this.send(i, done),
          () => this.closing,
        ),
      };
      this.lanes.push(lane);
    }
  }

  async open(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.reconnect.open()));
  }

  private async connect(lane: Lane): Promise<void> {
    const connection = new H2FrameConnection({
      ...this.address,
      headers: this.headers,
      payload: this.payload,
      ...(this.payloads !== undefined ? { payloads: this.payloads } : {}),
      responses: this.protocol,
      timeoutMs: this.options.timeoutMs,
    });
    await connection.open();
    lane.connection = connection;
    connection.onUnusable = () => {
      if (lane.connection === connection) lane.connection = null;
    };
  }

  send(lane: number, done: CallDone): void {
    const l = this.lanes[lane % this.connections] as Lane;
    const connection = l.connection;
    if (connection !== null && connection.usable) connection.request(done);
    else l.reconnect.send(done);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const lane of this.lanes) lane.connection?.close();
  }
}
