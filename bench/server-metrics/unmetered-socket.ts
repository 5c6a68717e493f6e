// The monitor's own connections, kept out of every measured figure. The socket bytes meter and the connection
// counter (bench/wire/socket-bytes-meter.ts, bench/multiplex/connection-counting-meter.ts) see each socket that
// net.connect() makes, through the "net.client.socket" diagnostics channel; a socket made with `new net.Socket()`
// and connect() is not announced there (nor is TLS started on such a socket), so the monitor's bytes and a monitor
// that reconnects mid-window never count as the measured calls' wire bytes or connections.
import net from "node:net";
import tls from "node:tls";
import { clientTlsOptions } from "../run-tls.js";

/** TCP to host:port that no meter of this process counts. */
export function connectUnmetered(host: string, port: number): net.Socket {
  const socket = new net.Socket();
  socket.setNoDelay(true);
  return socket.connect({ host, port });
}

/**
 * TLS with the run's trust (bench/run-tls.ts) on an unmetered TCP socket. Its handshake stays out of the run's tally
 * (as the grpc-js monitor channel's do: grpcJsChannel's tally: false): the arms table counts measured traffic only.
 */
export function connectUnmeteredTls(host: string, port: number, alpn: readonly string[]): tls.TLSSocket {
  const tcp = connectUnmetered(host, port);
  const socket = tls.connect({ ...clientTlsOptions(host, alpn), socket: tcp });
  // tls.connect({socket}) does not forward the TCP socket's errors before the handshake starts.
  tcp.once("error", (error) => socket.destroy(error));
  return socket;
}
