// The monitor's own connections, kept out of every measured figure: bench/run-tls.ts's connectTcp and connectTls with
// `metered: false` make sockets the socket bytes meter and the connection counter skip (bench/wire/unmetered-sockets.ts
// marks them before they connect), so the monitor's bytes and a
// monitor that reconnects mid-window never count as the measured calls' wire bytes or connections.
import type net from "node:net";
import type tls from "node:tls";
import { connectTcp, connectTls } from "../run-tls.js";

/** TCP to host:port that no meter of this process counts. */
export function connectUnmetered(host: string, port: number): net.Socket {
  return connectTcp({ host, port, metered: false });
}

/**
 * TLS with the run's trust (bench/run-tls.ts) on an unmetered TCP socket. Its handshake stays out of the run's tally
 * too: the arms table counts measured traffic only.
 */
export function connectUnmeteredTls(host: string, port: number, alpn: readonly string[]): tls.TLSSocket {
  return connectTls({ host, port, alpn, metered: false, tally: false });
}
