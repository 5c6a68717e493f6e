// The lean gRPC driver (server view, driver "h2-frames"): pre-encoded HEADERS + DATA frames per call over a
// minimal HTTP/2 client (bench/drivers/h2/h2-frame-connection.ts), success read from grpc-status in the
// trailers. No client library, no per-call encoding or stream objects: the counterpart of autocannon and of
// h2load, so that the server is what gets measured (npm run bench:crosscheck compares it with h2load).
import { targetHostPort } from "./target-address.js";
import { H2FrameConnection } from "./h2/h2-frame-connection.js";
import { LaneReconnect } from "./lane-reconnect.js";
import { grpcRequestHeaders, type LeanGrpcOptions } from "./lean-grpc-request.js";
import type { CallDone, Transport } from "./transport.js";

export type H2FramesOptions = LeanGrpcOptions;

interface Lane {
  connection: H2FrameConnection | null;
  reconnect: LaneReconnect;
}

export class H2FramesTransport implements Transport {
  readonly driver = "h2-frames";
  readonly protocol = "grpc" as const;
  readonly view = "server" as const;
  readonly connections: number;
  private readonly lanes: Lane[] = [];
  private readonly address: { host: string; port: number };
  private readonly headers: [string, string][];
  private closing = false;

  constructor(private readonly options: H2FramesOptions) {
    this.connections = options.connections;
    this.address = targetHostPort(options.target);
    this.headers = grpcRequestHeaders(options);
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
    const connection = new H2FrameConnection({ ...this.address, headers: this.headers, payload: this.options.frame, timeoutMs: this.options.timeoutMs });
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
