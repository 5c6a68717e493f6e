// The monitor's own HTTP/2 session with one target, for the monitors that speak HTTP/2: GET /v1/monitor on json-h2
// (h2-monitor-client.ts) and the gRPC Monitor/Watch RPC (grpc-monitor-client.ts). Cleartext with prior knowledge,
// or TLS with ALPN h2 for grpcs:// and https://, on an unmetered socket out of the run's handshake tally
// (unmetered-socket.ts): no meter ever counts it, a reconnect mid-window included. A session that breaks is dropped
// and a new one made at the next request.
import http2 from "node:http2";
import { targetEndpoint } from "../drivers/target-address.js";
import { endpointKey } from "../run-tls.js";
import { connectUnmetered, connectUnmeteredTls } from "./unmetered-socket.js";

export class MonitorH2Session {
  /** true for grpcs:// and https:// */
  readonly tls: boolean;
  private session: http2.ClientHttp2Session | null = null;
  private readonly connect: () => http2.ClientHttp2Session;

  constructor(target: string) {
    const { host, port, tls } = targetEndpoint(target);
    this.tls = tls;
    const authority = `${tls ? "https" : "http"}://${endpointKey(host, port)}`;
    this.connect = () => http2.connect(authority, { createConnection: () => (tls ? connectUnmeteredTls(host, port, ["h2"]) : connectUnmetered(host, port)) });
  }

  private open(): http2.ClientHttp2Session {
    if (this.session !== null && !this.session.closed && !this.session.destroyed) return this.session;
    const session = this.connect();
    // errors reach the streams; a session that failed is dropped and a new one made on the next request
    session.on("error", () => {});
    session.once("close", () => {
      if (this.session === session) this.session = null;
    });
    this.session = session;
    return session;
  }

  /** A stream on the current session (opened, or reopened, as needed); throws if no session can be made. */
  request(headers: http2.OutgoingHttpHeaders, options?: http2.ClientSessionRequestOptions): http2.ClientHttp2Stream {
    return this.open().request(headers, options);
  }

  close(): void {
    this.session?.close();
    this.session?.destroy();
    this.session = null;
  }
}
