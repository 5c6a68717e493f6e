// The node:http2 client drivers' connections (h2-node, h2-json): one session per lane, opened up front, reconnected
// through LaneReconnect when it goes away, and closed without waiting long for streams still in flight. The drivers
// differ in the session settings they ask for and in what they do per call, not in how a lane lives.
import http2 from "node:http2";
import { LaneReconnect } from "./lane-reconnect.js";
import type { CallDone } from "./transport.js";

export interface H2SessionLaneOptions {
  /** http://host:port */
  authority: string;
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

  constructor(private readonly options: H2SessionLaneOptions) {
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
      const session = http2.connect(this.options.authority, this.options.session);
      this.sessions[lane] = session;
      const fail = (error: unknown) => {
        this.sessions[lane] = null;
        reject(error);
      };
      session.once("error", fail);
      session.once("connect", () => {
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
