// A lean HTTP/1.1 driver (server view) for the engine's load shapes: keep-alive net.Sockets, one pre-built
// request buffer, and a minimal response reader (status line, Content-Length or chunked body, skipped
// without copying). autocannon drives the closed-loop REST runs; this transport exists for what autocannon
// cannot do faithfully: open-loop (fixed-rate) load with latency from the intended send time, since
// autocannon's -R issues a burst at each second and applies no real coordinated-omission correction; and the
// one that loads HTTP/1.1 arms over TLS (https:// targets), which autocannon cannot do within our trust and byte meter.
// Over TLS each connection is bench/run-tls.ts's connectTls with ALPN "http/1.1" (the run's trust, its handshake
// tallied), requests written once the handshake is done.
import net from "node:net";
import { connectTls } from "../run-tls.js";
import { authHeaders, tokenOf } from "../run-token.js";
import type { RestRequest } from "../load/call-spec.js";
import { alpnError, transportErrorCode } from "./error-code.js";
import { targetEndpoint, type TargetEndpoint } from "./target-address.js";
import type { CallDone, Transport } from "./transport.js";

export interface H1LeanOptions {
  /** http://host:port, or https://host:port for TLS */
  target: string;
  connections: number;
  /** path and query, e.g. /v1/users/u-6 */
  path: string;
  /** several requests (method, path, JSON body) sent round-robin in place of a GET of `path` (a --config call) */
  requests?: readonly RestRequest[];
  timeoutMs: number;
  /** requests written ahead on one connection; 1 = no pipelining (default) */
  pipelining?: number;
  headers?: Record<string, string>;
  /** The bearer token sent as `authorization`: undefined the run's (bench/run-token.ts), null none. HTTP/1.1 repeats it in full on every request. */
  token?: string | null;
}

const CRLFCRLF = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

const enum Phase {
  Head,
  Body,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailers,
}

class Lane {
  socket: net.Socket | null = null;
  connected = false;
  /** calls written, oldest first */
  readonly inFlight: CallDone[] = [];
  /** calls waiting for the pipelining window */
  readonly waiting: CallDone[] = [];
  private phase = Phase.Head;
  private pending: Buffer | null = null;
  private remaining = 0;
  private status = 0;
  private closeAfter = false;
  private timer: NodeJS.Timeout | null = null;
  private lastFailure = 0;

  constructor(private readonly owner: H1LeanTransport) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const { host, port, tls } = this.owner.address;
      const socket: net.Socket = tls ? connectTls({ host, port, alpn: ["http/1.1"] }) : net.connect({ host, port, noDelay: true });
      this.socket = socket;
      this.connected = false;
      this.phase = Phase.Head;
      this.pending = null;
      socket.on(tls ? "secureConnect" : "connect", () => {
        const refused = tls ? alpnError(socket, "http/1.1") : null;
        if (refused !== null) {
          socket.destroy(refused);
          return;
        }
        this.connected = true;
        resolve();
        this.flush();
      });
      socket.on("data", (chunk: Buffer) => this.onData(chunk));
      socket.on("error", (error) => {
        if (!this.connected) {
          this.lastFailure = Date.now();
          reject(error);
        }
        this.fail(transportErrorCode(error), socket);
      });
      socket.on("close", () => this.fail(this.connected ? "reset" : "refused", socket));
    });
  }

  send(done: CallDone): void {
    this.waiting.push(done);
    if (this.socket === null) {
      if (Date.now() - this.lastFailure < 100 || this.owner.closing) {
        // A dead target: fail after a tick instead of hammering it with connection attempts.
        const code = this.owner.closing ? "reset" : "refused";
        const failed = this.waiting.splice(0);
        setTimeout(() => failed.forEach((d) => d(code)), 1);
        return;
      }
      this.connect().catch(() => {});
      return;
    }
    if (this.connected) this.flush();
  }

  private flush(): void {
    const socket = this.socket;
    if (socket === null) return;
    while (this.waiting.length > 0 && this.inFlight.length < this.owner.pipelining) {
      this.inFlight.push(this.waiting.shift() as CallDone);
      socket.write(this.owner.nextRequest());
      if (this.timer === null) this.armTimer();
    }
  }

  private armTimer(): void {
    if (this.owner.timeoutMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const socket = this.socket;
      if (socket !== null) this.fail("timeout", socket);
    }, this.owner.timeoutMs);
  }

  /**
   * Fails the calls written to this socket with `code` and drops the socket. Calls still waiting were never
   * sent: a timeout or reset of the call ahead of them is not theirs, so they go out on a fresh connection,
   * as a real pool would send them (a connection that never came up fails them as `code`, e.g. refused).
   */
  private fail(code: string, socket: net.Socket): void {
    if (this.socket !== socket) return;
    const wasConnected = this.connected;
    this.socket = null;
    this.connected = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    socket.destroy();
    const sent = this.inFlight.splice(0);
    const unsent = this.waiting.splice(0);
    // Requeued first, so they keep their place ahead of the calls the failures below set off.
    if (wasConnected) for (const done of unsent) this.send(done);
    else for (const done of unsent) done(code);
    for (const done of sent) done(code);
  }

  private complete(): void {
    const done = this.inFlight.shift();
    const status = this.status;
    this.phase = Phase.Head;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight.length > 0) this.armTimer();
    if (this.closeAfter && this.socket !== null) {
      // The server ends the connection after this response: the next call reconnects.
      const socket = this.socket;
      this.socket = null;
      this.connected = false;
      socket.destroy();
    }
    done?.(status >= 200 && status < 300 ? null : String(status));
    if (this.socket !== null) this.flush();
    else if (this.waiting.length > 0 && !this.owner.closing) {
      const waiting = this.waiting.splice(0);
      for (const d of waiting) this.send(d);
    }
  }

  private onData(input: Buffer): void {
    let chunk = input;
    if (this.pending !== null) {
      chunk = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    }
    let at = 0;
    const end = chunk.length;
    while (at < end) {
      switch (this.phase) {
        case Phase.Head: {
          const headEnd = chunk.indexOf(CRLFCRLF, at);
          if (headEnd < 0) {
            this.pending = chunk.subarray(at);
            return;
          }
          this.parseHead(chunk.toString("latin1", at, headEnd));
          at = headEnd + 4;
          if ((this.phase as Phase) === Phase.Body && this.remaining === 0) this.complete();
          break;
        }
        case Phase.Body: {
          const take = Math.min(this.remaining, end - at);
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) this.complete();
          break;
        }
        case Phase.ChunkSize: {
          const lineEnd = chunk.indexOf(CRLF, at);
          if (lineEnd < 0) {
            this.pending = chunk.subarray(at);
            return;
          }
          const size = Number.parseInt(chunk.toString("latin1", at, lineEnd), 16);
          at = lineEnd + 2;
          if (size === 0) this.phase = Phase.Trailers;
          else {
            this.remaining = size;
            this.phase = Phase.ChunkData;
          }
          break;
        }
        case Phase.ChunkData: {
          const take = Math.min(this.remaining, end - at);
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) {
            this.remaining = 2;
            this.phase = Phase.ChunkDataEnd;
          }
          break;
        }
        case Phase.ChunkDataEnd: {
          const take = Math.min(this.remaining, end - at);
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) this.phase = Phase.ChunkSize;
          break;
        }
        case Phase.Trailers: {
          const lineEnd = chunk.indexOf(CRLF, at);
          if (lineEnd < 0) {
            this.pending = chunk.subarray(at);
            return;
          }
          const empty = lineEnd === at;
          at = lineEnd + 2;
          if (empty) this.complete();
          break;
        }
      }
    }
  }

  private parseHead(head: string): void {
    // "HTTP/1.1 200 OK"
    this.status = Number.parseInt(head.slice(9, 12), 10);
    const lower = head.toLowerCase();
    // The server closes after this response when it says so, or when our requests said so (RFC 9112 §9.6: a client
    // that sent "close" sends nothing more on the connection, whether or not the server echoes it).
    this.closeAfter = this.owner.closeEach || lower.includes("\r\nconnection: close");
    const te = lower.indexOf("\r\ntransfer-encoding:");
    if (te >= 0 && lower.indexOf("chunked", te) >= 0) {
      this.phase = Phase.ChunkSize;
      return;
    }
    const cl = lower.indexOf("\r\ncontent-length:");
    this.remaining = cl >= 0 ? Number.parseInt(lower.slice(cl + 17), 10) : 0;
    this.phase = Phase.Body;
  }

  close(): void {
    if (this.socket !== null) this.fail("reset", this.socket);
  }
}

export class H1LeanTransport implements Transport {
  readonly driver = "h1-lean";
  readonly protocol = "rest" as const;
  readonly view = "server" as const;
  readonly connections: number;
  readonly pipelining: number;
  readonly timeoutMs: number;
  /** the first (usually the only) request, as written to the socket */
  readonly request: Buffer;
  /** the requests say Connection: close: one call per connection */
  readonly closeEach: boolean;
  readonly address: TargetEndpoint;
  closing = false;
  private readonly lanes: Lane[] = [];
  private readonly requests: readonly Buffer[];
  private next = 0;

  constructor(options: H1LeanOptions) {
    const url = new URL(options.target);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`h1-lean speaks http:// and https:// only, got ${options.target}`);
    this.address = targetEndpoint(options.target);
    this.connections = options.connections;
    this.pipelining = Math.max(1, options.pipelining ?? 1);
    this.timeoutMs = options.timeoutMs;
    const extra = Object.entries({ ...options.headers, ...authHeaders(tokenOf(options.token)) }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    this.closeEach = Object.entries(options.headers ?? {}).some(([k, v]) => k.toLowerCase() === "connection" && v.toLowerCase() === "close");
    const requests = options.requests !== undefined && options.requests.length > 0 ? options.requests : [{ method: "GET", path: options.path, body: null }];
    this.requests = requests.map((r) => requestBytes(r, url.host, extra));
    this.request = this.requests[0] as Buffer;
    for (let i = 0; i < options.connections; i++) this.lanes.push(new Lane(this));
  }

  /** The bytes of the next call's request, round-robin over the requests. */
  nextRequest(): Buffer {
    const requests = this.requests;
    if (requests.length === 1) return requests[0] as Buffer;
    const k = this.next;
    this.next = k + 1 === requests.length ? 0 : k + 1;
    return requests[k] as Buffer;
  }

  async open(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.connect()));
  }

  send(lane: number, done: CallDone): void {
    (this.lanes[lane % this.connections] as Lane).send(done);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const lane of this.lanes) lane.close();
  }
}

/** Methods whose requests carry a body by definition: without one they say content-length: 0, as curl and undici do. */
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** One request as written to the socket: a GET is its request line and Host alone; a body goes as application/json. */
export function requestBytes(request: RestRequest, host: string, extraHeaders: string): Buffer {
  const head = `${request.method} ${request.path} HTTP/1.1\r\nHost: ${host}\r\n${extraHeaders}`;
  if (request.body === null) {
    return Buffer.from(`${head}${BODY_METHODS.has(request.method) ? "content-length: 0\r\n" : ""}\r\n`, "latin1");
  }
  const body = Buffer.from(request.body, "utf8");
  return Buffer.concat([Buffer.from(`${head}content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`, "latin1"), body]);
}
