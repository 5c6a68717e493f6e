// The lean gRPC driver (server view, driver "h2-frames"): pre-encoded HEADERS + DATA frames per call over a
// minimal HTTP/2 client (bench/drivers/h2/h2-frame-connection.ts), success read from grpc-status in the
// trailers. No client library, no per-call encoding or stream objects: the counterpart of autocannon and of
// h2load, so that the server is what gets measured (npm run bench:crosscheck compares it with h2load).
import { targetHostPort } from "./target-address.js";
import { H2FrameConnection } from "./h2/h2-frame-connection.js";
import { transportErrorCode } from "./error-code.js";
import type { CallDone, Transport } from "./transport.js";

export interface H2FramesOptions {
  /** host:port */
  target: string;
  connections: number;
  /** gRPC method path, e.g. /shop.v1.UserService/GetUser */
  path: string;
  /** the length-prefixed request (grpcFrame(encoded message)) */
  frame: Buffer;
  timeoutMs: number;
  /** Extra request headers (e.g. grpc-accept-encoding); none by default. */
  headers?: Record<string, string>;
}

class Lane {
  connection: H2FrameConnection | null = null;
  connecting = false;
  lastFailure = 0;
  readonly waiting: CallDone[] = [];
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
  /** connections opened over the transport's life (reconnects included) */
  connectionsOpened = 0;

  constructor(private readonly options: H2FramesOptions) {
    this.connections = options.connections;
    this.address = targetHostPort(options.target);
    this.headers = [
      [":method", "POST"],
      [":scheme", "http"],
      [":path", options.path],
      [":authority", options.target],
      ["content-type", "application/grpc"],
      ["te", "trailers"],
      ...Object.entries(options.headers ?? {}),
    ];
    for (let i = 0; i < options.connections; i++) this.lanes.push(new Lane());
  }

  async open(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => this.connect(lane)));
  }

  private async connect(lane: Lane): Promise<void> {
    const connection = new H2FrameConnection({ ...this.address, headers: this.headers, payload: this.options.frame, timeoutMs: this.options.timeoutMs });
    lane.connecting = true;
    try {
      await connection.open();
      this.connectionsOpened++;
      lane.connection = connection;
      connection.onUnusable = () => {
        if (lane.connection === connection) lane.connection = null;
      };
    } catch (error) {
      lane.lastFailure = Date.now();
      throw error;
    } finally {
      lane.connecting = false;
    }
  }

  send(lane: number, done: CallDone): void {
    const l = this.lanes[lane % this.connections] as Lane;
    const connection = l.connection;
    if (connection !== null && connection.usable) {
      connection.request(done);
      return;
    }
    this.sendWhenReconnected(l, done);
  }

  // A lost connection is re-opened lazily (at most every 100 ms); calls meanwhile fail as refused, after a
  // tick so a closed loop against a dead server cannot spin.
  private sendWhenReconnected(lane: Lane, done: CallDone): void {
    if (this.closing) {
      setImmediate(done, "reset");
      return;
    }
    lane.waiting.push(done);
    if (lane.connecting) return;
    if (Date.now() - lane.lastFailure < 100) {
      const failed = lane.waiting.splice(0);
      setTimeout(() => failed.forEach((d) => d("refused")), 1);
      return;
    }
    this.connect(lane).then(
      () => {
        const waiting = lane.waiting.splice(0);
        for (const d of waiting) this.send(this.lanes.indexOf(lane), d);
      },
      (error: unknown) => {
        const code = transportErrorCode(error);
        for (const d of lane.waiting.splice(0)) d(code);
      },
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const lane of this.lanes) lane.connection?.close();
  }
}
