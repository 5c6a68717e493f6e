// The node:http2 client drivers' connections (h2-node, h2-json): one session per lane, opened up front, reconnected
// through LaneReconnect when it goes away, and closed without waiting long for streams still in flight. The drivers
// differ in the session settings they ask for and in what they do per call, not in how a lane lives.
//
// Over TLS (an https:// or grpcs:// target) each session's socket is bench/run-tls.ts's connectTls with ALPN "h2" (the
// run's trust, the TCP socket counted by the byte meter, the handshake tallied), and a session whose server did not
// choose "h2" fails as "alpn": node:http2 would otherwise try HTTP/2 on whatever was agreed.
import http2 from "node:http2";
import { connectTls } from "../run-tls.js";
import { alpnError } from "./error-code.js";
import { LaneReconnect } from "./lane-reconnect.js";
import { targetEndpoint } from "./target-address.js";
import type { CallDone } from "./transport.js";

export interface H2SessionLaneOptions {
  /** the target: host:port, http://host:port or grpc://host:port (cleartext); https://host:port or grpcs://host:port (TLS) */
  target: string;
  lanes: number;
  session: http2.SecureClientSessionOptions;
  /** runs once a lane's session is connected (e.g. to widen its local window) */
  onConnect?: (session: http2.ClientHttp2Session) => void;
  /** sends a call again on its lane once the lane's session is back */
  resend: (lane: number, done: CallDone) => void;
}

export class H2SessionLanes {
  private readonly sessions: (http2.ClientHttp2Session | null)[];
  private readonly reconnects: LaneReconnect[] = [];
  private closing = false;
  /** what http2.connect is given: the origin, and over TLS our own socket */
  private readonly authority: string;
  private readonly sessionOptions: http2.SecureClientSessionOptions;

  constructor(private readonly options: H2SessionLaneOptions) {
    const { host, port, tls } = targetEndpoint(options.target);
    const hostPart = host.includes(":") ? `[${host}]` : host;
    this.authority = `${tls ? "https" : "http"}://${hostPart}:${port}`;
    this.sessionOptions = tls ? { ...options.session, createConnection: () => connectTls({ host, port, alpn: ["h2"] }) } : options.session;
    this.sessions = new Array<http2.ClientHttp2Session | null>(options.lanes).fill(null);
    for (let i = 0; i < options.lanes; i++) {
      this.reconnects.push(new LaneReconnect(() => this.connect(i), (done) => options.resend(i, done), () => this.closing));
    }
  }

  /** Opens every lane's session; rejects with the first coded connect error. */
  async open(): Promise<void> {
    await Promise.all(this.reconnects.map((reconnect) => reconnect.open()));
  }

  private connect(lane: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const session = http2.connect(this.authority, this.sessionOptions);
      this.sessions[lane] = session;
      const fail = (error: unknown) => {
        this.sessions[lane] = null;
        reject(error);
      };
      session.once("error", fail);
      session.once("connect", () => {
        const refused = session.encrypted === true ? alpnError(session, "h2") : null;
        if (refused !== null) {
          session.destroy(refused);
          return;
        }
        session.off("error", fail);
        this.options.onConnect?.(session);
        // Session errors also surface on each stream (counted there); this listener only keeps them from crashing us.
        session.on("error", () => {});
        session.once("close", () => {
          if (this.sessions[lane] === session) this.sessions[lane] = null;
        });
        resolve();
      });
    });
  }

  /** The lane's usable session; null when it has none, and then the call waits for (or fails with) its reconnect. */
  session(lane: number, done: CallDone): http2.ClientHttp2Session | null {
    const session = this.sessions[lane];
    if (session == null || session.closed || session.destroyed) {
      (this.reconnects[lane] as LaneReconnect).send(done);
      return null;
    }
    return session;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.sessions.map(
        (session) =>
          new Promise<void>((resolve) => {
            if (session == null || session.destroyed) return resolve();
            session.once("close", () => resolve());
            session.close();
            // In-flight streams would hold close() open; the measured windows are over, so do not wait long.
            setTimeout(() => session.destroy(), 1000).unref();
          }),
      ),
    );
  }
}
