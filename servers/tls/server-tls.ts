// What every TLS server arm is created with (ServerOptions.tls): its certificate and key, the one ALPN protocol its
// transport speaks, and a listener that drops failed handshakes. HTTP/2 arms offer "h2" only, with no HTTP/1.1
// fallback, as grpc-js's secure server does; HTTP/1.1 arms offer "http/1.1" only, so a client that asks for h2 gets
// HTTP/1.1 and the report's ALPN result says which transport was measured.
import type { SecureContextOptions, Server as TlsServer, TlsOptions } from "node:tls";
import type { ServerTlsMaterial } from "../server-arm.js";

export const H2_ALPN: readonly string[] = ["h2"];
export const HTTP1_ALPN: readonly string[] = ["http/1.1"];

/** The tls.createServer options of an arm: its certificate chain and key, and the ALPN protocols it accepts. */
export function serverTlsOptions(material: ServerTlsMaterial, alpn: readonly string[]): SecureContextOptions & Pick<TlsOptions, "ALPNProtocols"> {
  return { cert: material.cert, key: material.key, ALPNProtocols: [...alpn] };
}

function noop(): void {}

/**
 * A client that fails the handshake (distrusts the certificate, speaks cleartext to a TLS port, wants another ALPN
 * protocol) costs its own connection and nothing else: node:tls emits 'tlsClientError' and destroys that socket.
 * Listening says so explicitly, so no later listener change can turn it into an unhandled error.
 */
export function dropFailedHandshakes(server: TlsServer): void {
  server.on("tlsClientError", noop);
}
