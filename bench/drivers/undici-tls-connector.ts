// undici's `connect` hook for an https:// origin, for every undici Pool and Client of the bench (the end-to-end load
// driver, the head-of-line transports, the stream family's REST clients): each connection is bench/run-tls.ts's
// connectTls — the run's trust, ALPN "http/1.1", TCP first so the socket bytes meter counts the TLS records, every
// handshake tallied, TCP plus handshake bounded by a timeout — instead of undici's own tls.connect, which the meter
// (the net.client.socket channel) never sees. undici's `connectTimeout` only governs its own connector, so the
// timeout is connectTls's. Our undici clients speak HTTP/1.1 only (no allowH2), so the server must agree on
// http/1.1 or choose nothing by ALPN; anything else fails as "alpn" before undici writes a request.
import type { buildConnector } from "undici";
import { connectTls } from "../run-tls.js";
import { alpnError } from "./error-code.js";

export interface UndiciTlsConnectorOptions {
  /**
   * Offer the last session the server gave to each new connection, as undici's own connector does (it keeps one per
   * server name; a connector serves one origin, so one is enough here). The run's tally shows how many resumed.
   * Default false: every connection a full handshake.
   */
  resume?: boolean;
  /** TCP plus the handshake, ms (connectTls's timeoutMs; its default when absent) */
  timeoutMs?: number;
}

export function undiciTlsConnector(options: UndiciTlsConnectorOptions = {}): buildConnector.connector {
  let session: Buffer | undefined;
  return (connect, callback) => {
    // undici has already taken the brackets off an IPv6 literal; an origin without a port means 443
    const host = connect.hostname.replace(/^\[|\]$/g, "");
    const port = Number(connect.port) || 443;
    const socket = connectTls({
      host,
      port,
      alpn: ["http/1.1"],
      ...(options.resume === true && session !== undefined ? { session } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    if (options.resume === true) {
      socket.on("session", (next: Buffer) => {
        session = next;
      });
    }
    let pending: typeof callback | null = callback;
    const settle = (error: Error | null): void => {
      const cb = pending;
      pending = null;
      if (cb === null) return;
      if (error === null) cb(null, socket);
      else cb(error, null);
    };
    socket.once("secureConnect", () => {
      const refused = alpnError(socket, "http/1.1");
      if (refused !== null) socket.destroy(refused);
      else settle(null);
    });
    socket.on("error", (error) => settle(error));
    return socket;
  };
}
