// The tls family's client, as a Transport the load engine's closed loop drives (so warm-up, windows, server CPU
// over IPC, client CPU and socket bytes are measured exactly as for a load scenario). Each lane makes one call at
// a time. Per call: connect (TCP, or TCP then TLS through bench/run-tls.ts connectTls), one call, close; with
// resumption the lane offers the session its previous connection received. Keep-alive: one connection per lane,
// opened up front, reused for every call (and opened again if the server ends it). Every TLS handshake is logged
// with the time it completed and what the client's socket said of it (handshake-log.ts) — resumed or not is read
// from isSessionReused(), never assumed from having offered a session. A connection that fails while opening fails
// with its own error (refused, a certificate's code, tls-timeout), never with the close that follows it.
import net from "node:net";
import type { Duplex } from "node:stream";
import type tls from "node:tls";
import { transportErrorCode } from "../drivers/error-code.js";
import type { CallDone, Transport } from "../drivers/transport.js";
import type { ArmApi } from "../model/arm.js";
import { authHeaders, tokenOf } from "../run-token.js";
import { connectTls, endpointKey, readHandshake, type RunTlsTrust } from "../run-tls.js";
import type { HandshakeEvent } from "./handshake-log.js";
import { H1CallConnection, h1Request } from "./h1-exchange.js";
import { H2CallConnection, h2RequestHeaders, type H2CallSpec } from "./h2-exchange.js";

export type HttpVersion = "http/1.1" | "h2";

export interface ConnectionCostOptions {
  host: string;
  port: number;
  api: ArmApi;
  http: HttpVersion;
  tls: boolean;
  /** a new connection for every call; false: one kept-alive connection per lane */
  perCall: boolean;
  /** per call over TLS: offer the lane's previous session */
  resume: boolean;
  lanes: number;
  /** REST path (GET) or gRPC method path (POST with `frame`) */
  path: string;
  /** the length-prefixed gRPC request; null for a REST GET */
  frame: Buffer | null;
  timeoutMs: number;
  /** trust overrides for connectTls (the family's own self-signed certificate) */
  trust?: Partial<RunTlsTrust>;
  /** the bearer token: undefined the run's, null none */
  token?: string | null;
}

interface CallConnection {
  readonly usable: boolean;
  call(done: CallDone): void;
}

interface OpenConnection {
  connection: CallConnection;
  socket: Duplex;
}

interface Lane {
  connection: CallConnection | null;
  socket: Duplex | null;
  connecting: Promise<OpenConnection> | null;
  /** the last session ticket the lane's connections received */
  session: Buffer | null;
  lastFailureAt: number;
  lastFailureCode: string;
}

/** A failed connect is retried no sooner than this, so a closed loop against a dead server cannot spin. */
const RETRY_AFTER_MS = 100;
/** A connection we ended is destroyed if the server has not closed its side by then. */
const CLOSE_GRACE_MS = 1000;

export class ConnectionCostTransport implements Transport {
  readonly driver: string;
  readonly protocol: ArmApi;
  readonly view = "server" as const;
  readonly connections: number;
  /** every TLS handshake completed, in order */
  readonly handshakes: HandshakeEvent[] = [];
  /** when each connection was opened (Date.now()), in order */
  readonly opened: number[] = [];
  private readonly lanes: Lane[] = [];
  private readonly sockets = new Set<Duplex>();
  /** connections we ended and the server has not closed yet */
  private readonly released = new Set<Duplex>();
  private readonly alpn: string[];
  private readonly authority: string;
  private readonly h1: Buffer;
  private readonly h2: H2CallSpec;
  private closing = false;

  constructor(private readonly options: ConnectionCostOptions) {
    this.driver = options.http === "h2" ? "tls-cost-h2" : "tls-cost-h1";
    this.protocol = options.api;
    this.connections = options.lanes;
    this.alpn = options.tls ? [options.http] : [];
    this.authority = endpointKey(options.host, options.port);
    const auth = authHeaders(tokenOf(options.token));
    this.h1 = h1Request(options.path, this.authority, auth, options.perCall);
    this.h2 = { api: options.api, headers: h2RequestHeaders(options.api, options.path, this.authority, options.tls, auth), payload: options.frame };
    for (let i = 0; i < options.lanes; i++) this.lanes.push({ connection: null, socket: null, connecting: null, session: null, lastFailureAt: 0, lastFailureCode: "refused" });
  }

  /** What each call sends, for the report: "GET /v1/users/u-6". */
  get requestLine(): string {
    return `${this.options.frame === null ? "GET" : "POST"} ${this.options.path}`;
  }

  /** Keep-alive: every lane's connection, opened before the first call (its handshake lands in the warm-up). */
  async open(): Promise<void> {
    if (this.options.perCall) return;
    await Promise.all(this.lanes.map((lane) => this.connect(lane)));
  }

  send(laneIndex: number, done: CallDone): void {
    const lane = this.lanes[laneIndex % this.lanes.length]!;
    if (this.closing) {
      setImmediate(done, "reset");
      return;
    }
    if (!this.options.perCall && lane.connection !== null && lane.connection.usable) {
      lane.connection.call(done);
      return;
    }
    if (Date.now() - lane.lastFailureAt < RETRY_AFTER_MS) {
      setTimeout(done, 10, lane.lastFailureCode);
      return;
    }
    if (!this.options.perCall && lane.socket !== null) this.release(lane.socket);
    (lane.connecting ?? this.connect(lane)).then(
      ({ connection, socket }) => {
        if (!this.options.perCall) {
          connection.call(done);
          return;
        }
        connection.call((code) => {
          this.release(socket);
          done(code);
        });
      },
      (error: unknown) => {
        lane.lastFailureAt = Date.now();
        lane.lastFailureCode = transportErrorCode(error);
        done(lane.lastFailureCode);
      },
    );
  }

  private connect(lane: Lane): Promise<OpenConnection> {
    const promise = this.openConnection(lane).finally(() => {
      if (lane.connecting === promise) lane.connecting = null;
    });
    lane.connecting = promise;
    return promise;
  }

  private openConnection(lane: Lane): Promise<OpenConnection> {
    const { host, port, timeoutMs } = this.options;
    this.opened.push(Date.now());
    return new Promise<OpenConnection>((resolve, reject) => {
      let socket: net.Socket | tls.TLSSocket;
      const offered = this.options.tls && this.options.resume && lane.session !== null;
      if (this.options.tls) {
        // connectTls bounds TCP and the handshake together (ETIMEDOUT, or tls-timeout once TCP connected)
        const secure = connectTls({
          host,
          port,
          alpn: this.alpn,
          tally: false,
          ...(timeoutMs > 0 ? { timeoutMs } : {}),
          ...(offered ? { session: lane.session as Buffer } : {}),
          ...(this.options.trust ? { trust: this.options.trust } : {}),
        });
        // TLS 1.3 tickets arrive after the handshake: the last one seen is what the lane's next connection offers.
        secure.on("session", (session: Buffer) => {
          lane.session = session;
        });
        socket = secure;
      } else socket = net.connect({ host, port, noDelay: true });
      this.track(socket);
      lane.socket = socket;
      const timer =
        timeoutMs > 0 && !this.options.tls ? setTimeout(() => socket.destroy(Object.assign(new Error("connect timed out"), { code: "ETIMEDOUT" })), timeoutMs) : null;
      // Settled once, by the first thing that happens. The rejection goes out before destroy(): destroying a TLSSocket
      // emits "close" at once, and a refused connection must be "refused", not the "reset" that close would say.
      let settled = false;
      const settle = () => {
        if (settled) return false;
        settled = true;
        if (timer !== null) clearTimeout(timer);
        socket.off("close", closed);
        return true;
      };
      const fail = (error: Error) => {
        if (!settle()) return;
        reject(error);
        socket.destroy();
      };
      // a close that comes first still fails with the socket's own error when it has one
      const closed = () => fail(socket.errored ?? Object.assign(new Error("connection closed while opening"), { code: "ECONNRESET" }));
      // stays attached (a no-op once settled): a second "error" of a failed connection must not go unhandled
      socket.on("error", fail);
      socket.once("close", closed);
      const ready = () => {
        if (!settle()) return;
        if (this.options.tls) {
          const secure = socket as tls.TLSSocket;
          const event: HandshakeEvent = { ...readHandshake(secure), atMs: Date.now(), offered };
          this.handshakes.push(event);
          if (this.options.http === "h2" && event.alpn !== "h2") {
            reject(Object.assign(new Error(`the server did not agree to h2 by ALPN (${event.alpn ?? "none"})`), { code: "no-h2-alpn" }));
            socket.destroy();
            return;
          }
        }
        const connection: CallConnection =
          this.options.http === "h2" ? new H2CallConnection(socket, this.h2, timeoutMs) : new H1CallConnection(socket, this.h1, timeoutMs);
        lane.connection = connection;
        resolve({ connection, socket });
      };
      socket.once(this.options.tls ? "secureConnect" : "connect", ready);
    });
  }

  private track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
  }

  /** Ends a connection we are done with: TLS close_notify and FIN, then destroyed when the server closes (or after a grace). */
  private release(socket: Duplex): void {
    if (socket.destroyed) return;
    this.released.add(socket);
    socket.end();
    const timer = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
    timer.unref();
    socket.once("close", () => {
      clearTimeout(timer);
      this.released.delete(socket);
    });
  }

  /**
   * Resolves once every connection we ended has closed (at most CLOSE_GRACE_MS: release() destroys the rest then), so
   * the teardown of one window's last connections is not charged to whatever is measured next.
   */
  async idle(): Promise<void> {
    const until = Date.now() + CLOSE_GRACE_MS + 100;
    while (this.released.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
