// The undici Client the stream family's REST clients use for one origin: http:// exactly as before; https:// with the
// bench's one undici TLS connector (bench/drivers/undici-tls-connector.ts: connectTls with the run's trust, ALPN
// http/1.1 checked, a handshake timeout), so its bytes are counted by the socket bytes meter and its handshake lands
// in the run's tally. undici's own connector calls tls.connect, which the meter (the net.client.socket channel)
// never sees. Each connection makes a full handshake (no resumption), as before.
import { Client } from "undici";
import { undiciTlsConnector } from "../drivers/undici-tls-connector.js";

/** An undici Client for `origin` (http:// or https://), TLS through connectTls when the origin is https. */
export function undiciOriginClient(origin: string, options: Client.Options = {}): Client {
  const tls = new URL(origin).protocol === "https:";
  return new Client(origin, tls ? { ...options, connect: undiciTlsConnector() } : options);
}
