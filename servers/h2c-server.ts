// The node:http2 server under the arms that serve HTTP/2 streams themselves (grpc-raw, json-h2): grpc-js's session
// options, no idle timeout, and grpc-js's shutdown. One place, so the two arms differ by what they do per stream
// only, and json-h2 → grpc-raw stays a step in the encoding alone. Cleartext (h2c, prior knowledge) by default; with
// a certificate, HTTP/2 over TLS negotiated by ALPN "h2" only (no HTTP/1.1 fallback, as grpc-js's secure server).
import { constants, createSecureServer, createServer, type Http2SecureServer, type Http2Server, type Http2Session } from "node:http2";
import type { ServerTlsMaterial } from "./server-arm.js";
import { dropFailedHandshakes, H2_ALPN, serverTlsOptions } from "./tls/server-tls.js";

export interface H2cServer {
  server: Http2Server | Http2SecureServer;
  /**
   * As grpc-js's tryShutdown + forceShutdown: stop accepting, GOAWAY every session so calls in flight can finish,
   * and after 2 s destroy whatever is left (a stream a client keeps open). The same promise on every call.
   */
  shutdown(): Promise<void>;
}

/** `tls` (ServerOptions.tls): serve HTTP/2 over TLS with this certificate; absent, cleartext h2c. */
export function createH2cServer(tls?: ServerTlsMaterial): H2cServer {
  // grpc-js's session options: no header block limit, and no session memory limit (Node degrades badly at it). No
  // timeout: an idle session stays open as long as the client keeps it, as gRPC's does.
  const sessionOptions = { maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER, maxSessionMemory: Number.MAX_SAFE_INTEGER };
  let server: Http2Server | Http2SecureServer;
  if (tls === undefined) server = createServer(sessionOptions);
  else {
    const secure = createSecureServer({ ...sessionOptions, ...serverTlsOptions(tls, H2_ALPN), allowHTTP1: false });
    dropFailedHandshakes(secure);
    server = secure;
  }
  server.setTimeout(0);
  const sessions = new Set<Http2Session>();
  server.on("session", (session: Http2Session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  let closing: Promise<void> | null = null;
  return {
    server,
    shutdown() {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          for (const session of sessions) session.destroy(undefined, constants.NGHTTP2_CANCEL);
        }, 2000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        for (const session of sessions) session.close();
      });
      return closing;
    },
  };
}
