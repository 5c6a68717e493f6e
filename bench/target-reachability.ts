// --target ID=URL names servers the user started: check each one answers before the run, so an unreachable or
// untrusted target is one clear line (exit 2), not a family failing minutes later. A cleartext target is reachable
// when a TCP connection opens; a TLS target (grpcs://, https://) only when the TLS handshake with the run's trust
// (--ca FILE, else the system roots; --insecure: none) succeeds too, since every client of the run would fail there.
import { targetEndpoint } from "./drivers/target-address.js";
import { connectTcp, connectTls, runTlsTrust, TLS_HANDSHAKE_TIMEOUT_CODE, type RunTlsTrust } from "./run-tls.js";

const DEFAULT_TIMEOUT_MS = 3000;

/** Resolves null when a TCP connection opens, else the reason (ECONNREFUSED, timeout…). */
export function tcpReachable(host: string, port: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string | null> {
  return new Promise((resolve) => {
    // unmetered: a check before the run, never a measured connection
    const socket = connectTcp({ host: host.replace(/^\[|\]$/g, ""), port, metered: false });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs / 1000} s`));
    socket.once("connect", () => done(null));
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** Any target form (host:port, grpc://, grpcs://, http://, https://) → [host, port]. */
export function hostPort(target: string): [string, number] {
  const { host, port } = targetEndpoint(target);
  return [host, port];
}

/** Certificate verification failures that trusting the right CA fixes (OpenSSL's verify codes, as Node names them). */
const UNTRUSTED = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "INVALID_CA",
]);

export type TlsHandshakeOutcome =
  | { ok: true; alpn: string | null; protocol: string | null }
  | { ok: false; kind: "untrusted" | "wrong-name" | "no-alpn" | "no-tls" | "timeout" | "unreachable"; reason: string };

/**
 * One TLS handshake with host:port under `trust`, offering `alpn`, through connectTls as the run's drivers connect
 * (TCP first, then TLS on it), on an unmetered socket and out of the run's handshake tally: it is a check, not a
 * measured connection.
 */
export function tlsHandshake(host: string, port: number, alpn: readonly string[], trust: RunTlsTrust, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TlsHandshakeOutcome> {
  return new Promise((resolve) => {
    const socket = connectTls({ host, port, alpn, trust, metered: false, tally: false, timeoutMs });
    function done(outcome: TlsHandshakeOutcome): void {
      socket.destroy();
      resolve(outcome);
    }
    socket.once("secureConnect", () =>
      done({ ok: true, alpn: typeof socket.alpnProtocol === "string" ? socket.alpnProtocol : null, protocol: socket.getProtocol() ?? null }),
    );
    socket.once("error", (error: NodeJS.ErrnoException & { reason?: unknown }) => {
      const code = error.code ?? "";
      if (code === "ETIMEDOUT" || code === TLS_HANDSHAKE_TIMEOUT_CODE) return done({ ok: false, kind: "timeout", reason: `no TLS handshake within ${timeoutMs / 1000} s` });
      // the TCP connect itself failed (refused, no route, no such host): the target is not there, TLS aside
      if (error.syscall === "connect" || error.syscall === "getaddrinfo") return done({ ok: false, kind: "unreachable", reason: code || error.message });
      // OpenSSL's errors carry a short `reason` ("wrong version number") beside a multi-line message.
      const text = typeof error.reason === "string" ? error.reason : (error.message.split("\n")[0] ?? "").trim();
      const reason = code !== "" && !text.includes(code) ? `${code}: ${text}` : text;
      if (code === "ERR_TLS_CERT_ALTNAME_INVALID") done({ ok: false, kind: "wrong-name", reason });
      else if (code === "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL") done({ ok: false, kind: "no-alpn", reason });
      else if (UNTRUSTED.has(code)) done({ ok: false, kind: "untrusted", reason });
      else done({ ok: false, kind: "no-tls", reason });
    });
  });
}

/**
 * Why arm `arm`'s target cannot be measured, as the one line the CLI prints (exit 2), or null when it answers:
 * a TCP connect for cleartext targets, a TLS handshake under `trust` (default: the run's) for grpcs:// and https://.
 */
export async function targetProblem(
  arm: string,
  target: string,
  trust: RunTlsTrust = runTlsTrust(),
  timeoutMs = DEFAULT_TIMEOUT_MS,
  /** how the line names the target (a --config run: the config file and key) */
  what = `--target ${arm}=${target}`,
): Promise<string | null> {
  const { host, port, tls: overTls } = targetEndpoint(target);
  if (!overTls) {
    const problem = await tcpReachable(host, port, timeoutMs);
    return problem === null ? null : `${what} is not reachable (${problem})`;
  }
  const grpcs = target.startsWith("grpcs://");
  // gRPC needs HTTP/2; an https:// arm may serve either, and a server picks one it speaks (or ignores ALPN).
  const outcome = await tlsHandshake(host, port, grpcs ? ["h2"] : ["h2", "http/1.1"], trust, timeoutMs);
  if (outcome.ok) {
    if (grpcs && outcome.alpn !== null && outcome.alpn !== "h2") return `${what}: the TLS server chose ${outcome.alpn} by ALPN, but gRPC needs HTTP/2 (h2)`;
    return null;
  }
  switch (outcome.kind) {
    case "unreachable":
    case "timeout":
      return `${what} is not reachable (${outcome.reason})`;
    case "untrusted":
      return `${what}: its TLS certificate is not trusted (${outcome.reason}); pass --ca FILE with the server's certificate or its CA (npm run serve -- --tls writes cert.pem), or --insecure to skip verification`;
    case "wrong-name":
      return `${what}: its TLS certificate does not name ${host} (${outcome.reason}); dial a name the certificate carries, or --insecure to skip verification`;
    case "no-alpn":
      return `${what}: the TLS server accepts none of the protocols offered by ALPN (${grpcs ? "h2: gRPC needs HTTP/2" : "h2, http/1.1"})`;
    case "no-tls":
      return `${what}: no TLS handshake (${outcome.reason}); if the server speaks cleartext, use ${grpcs ? "grpc://" : "http://"} instead`;
  }
}
