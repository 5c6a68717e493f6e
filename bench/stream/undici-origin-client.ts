// The undici Client the stream family's REST clients use for one origin: http:// exactly as before; https:// with a
// connector that opens each connection through bench/run-tls.ts connectTls (TCP first, then TLS with the run's trust,
// ALPN http/1.1), so its bytes are counted by the socket bytes meter and its handshake lands in the run's tally.
// undici's own connector calls tls.connect, which the meter (the net.client.socket channel) never sees.
import { Client, type buildConnector } from "undici";
import { connectTls } from "../run-tls.js";

/** How long a TCP connect plus TLS handshake may take (undici's own connector default). */
const CONNECT_TIMEOUT_MS = 10_000;

/** An undici connector speaking TLS through connectTls; `alpn` is what it offers (HTTP/1.1 clients: ["http/1.1"]). */
export function undiciTlsConnector(alpn: readonly string[] = ["http/1.1"]): buildConnector.connector {
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, "");
    const port = Number(options.port) || 443;
    const socket = connectTls({ host, port, alpn });
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === null) callback(null, socket);
      else callback(error, null);
    };
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error(`TLS connect to ${host}:${port}: no handshake within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: "UND_ERR_CONNECT_TIMEOUT" }));
    }, CONNECT_TIMEOUT_MS);
    socket.setNoDelay(true);
    socket.once("secureConnect", () => settle(null));
    socket.on("error", (error) => settle(error));
  };
}

/** An undici Client for `origin` (http:// or https://), TLS through connectTls when the origin is https. */
export function undiciOriginClient(origin: string, options: Client.Options = {}): Client {
  const tls = new URL(origin).protocol === "https:";
  return new Client(origin, tls ? { ...options, connect: undiciTlsConnector() } : options);
}
