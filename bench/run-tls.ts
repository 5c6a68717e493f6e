// How every client of a run speaks TLS: the trust it applies (`--ca FILE`, else the system roots; `--insecure`:
// no verification at all), the one way our own drivers open a TLS connection, and the tally of the handshakes
// they made (full vs resumed, protocol version, cipher, ALPN), per target, for the report.
//
// Set once per run, before any family starts (bench/orchestrator.ts, like bench/run-token.ts): the trust is a
// property of the run, not of one client, and threading it through every family into every client would touch
// every constructor for one setting. A client's own options still win where it takes them (tests pass a CA).
//
// Our drivers connect TCP first and then start TLS on that socket (tls.connect({socket})): the socket bytes meter
// (bench/wire/socket-bytes-meter.ts) sees the TCP socket, so wire bytes per call include the TLS records and the
// handshakes, which is what a TLS deployment pays. Connections that are not measured traffic (the monitor's, the
// reachability check) ask for an unmetered TCP socket instead (`metered: false`). TCP plus the handshake is bounded
// by a timeout: the hooks that call connectTls (undici's `connect`, node:http2's and ws's `createConnection`) would
// otherwise wait forever on a server that accepts and never answers.
import net from "node:net";
import tls from "node:tls";
import { unmeteredSocket } from "./wire/unmetered-sockets.js";

export interface RunTlsTrust {
  /** PEM certificates to trust instead of the system roots (--ca FILE; the bench's own cert.pem under --tls) */
  ca: string | null;
  /** --insecure: no certificate or host name verification (the report says so) */
  insecure: boolean;
}

let trust: RunTlsTrust = { ca: null, insecure: false };

export function setRunTlsTrust(next: RunTlsTrust): void {
  trust = next;
}

export function runTlsTrust(): RunTlsTrust {
  return trust;
}

/** An IP literal gets no SNI (RFC 6066 forbids it); a host name does. */
function servername(host: string): string | undefined {
  return net.isIP(host) === 0 ? host : undefined;
}

/** tls.connect options for one endpoint with the run's trust: CA, verification, SNI, ALPN. */
export function clientTlsOptions(host: string, alpn: readonly string[], override?: Partial<RunTlsTrust>): tls.ConnectionOptions {
  const ca = override?.ca !== undefined ? override.ca : trust.ca;
  const insecure = override?.insecure ?? trust.insecure;
  const name = servername(host);
  return {
    // The name the certificate is checked against: tls.connect({socket}) falls back to "localhost" without it when
    // the TCP socket dialled an IP literal (net.connect does no lookup then, so the socket names no host).
    host,
    ...(ca !== null ? { ca } : {}),
    rejectUnauthorized: !insecure,
    ...(name !== undefined ? { servername: name } : {}),
    ALPNProtocols: [...alpn],
  };
}

/** One TLS handshake as the client saw it. */
export interface HandshakeRecord {
  resumed: boolean;
  /** "TLSv1.3" */
  protocol: string | null;
  /** OpenSSL cipher name, "TLS_AES_128_GCM_SHA256" */
  cipher: string | null;
  /** the ALPN protocol the server chose; null when none was agreed */
  alpn: string | null;
}

export interface HandshakeTally {
  full: number;
  resumed: number;
  /** how many handshakes ended with each value */
  protocols: Record<string, number>;
  ciphers: Record<string, number>;
  alpn: Record<string, number>;
}

const tallies = new Map<string, HandshakeTally>();

/** The key a tally is kept under: host:port as dialled (IPv6 in brackets). */
export function endpointKey(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

export const emptyHandshakeTally = (): HandshakeTally => ({ full: 0, resumed: 0, protocols: {}, ciphers: {}, alpn: {} });

/** What the client's socket says of its finished handshake: resumed (isSessionReused), version, cipher, ALPN. */
export function readHandshake(socket: tls.TLSSocket): HandshakeRecord {
  const cipher = socket.getCipher();
  return {
    resumed: socket.isSessionReused(),
    protocol: socket.getProtocol() ?? null,
    cipher: cipher?.standardName ?? cipher?.name ?? null,
    alpn: typeof socket.alpnProtocol === "string" ? socket.alpnProtocol : null,
  };
}

function bump(counts: Record<string, number>, key: string | null): void {
  const k = key ?? "none";
  counts[k] = (counts[k] ?? 0) + 1;
}

/** Counts one handshake into `tally` (a value none was agreed on counts as "none"). */
export function countHandshake(tally: HandshakeTally, record: HandshakeRecord): void {
  if (record.resumed) tally.resumed++;
  else tally.full++;
  bump(tally.protocols, record.protocol);
  bump(tally.ciphers, record.cipher);
  bump(tally.alpn, record.alpn);
}

/** Count one finished handshake against host:port in the run's tally (call it on "secureConnect"). */
export function recordHandshake(key: string, socket: tls.TLSSocket): HandshakeRecord {
  const record = readHandshake(socket);
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = emptyHandshakeTally();
    tallies.set(key, tally);
  }
  countHandshake(tally, record);
  return record;
}

/** Every endpoint's tally so far (a copy). */
export function handshakeTallies(): Map<string, HandshakeTally> {
  return new Map([...tallies].map(([k, t]) => [k, structuredClone(t)]));
}

export function resetHandshakeTallies(): void {
  tallies.clear();
}

/** How long connectTls waits for TCP and the TLS handshake together unless told otherwise (undici's own default). */
export const TLS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * The error code connectTls fails with when TCP connected but the handshake did not finish in time (a server that
 * accepts and never answers, or speaks something else and waits): errors.byCode "tls-timeout"
 * (bench/drivers/error-code.ts). Node's own name for the server-side condition. A TCP connect that does not finish in
 * time fails as ETIMEDOUT ("timeout").
 */
export const TLS_HANDSHAKE_TIMEOUT_CODE = "ERR_TLS_HANDSHAKE_TIMEOUT";

/**
 * TCP to host:port as our clients dial it (no Nagle). `metered: false`: a socket the socket bytes meter and the
 * connection counter skip (bench/wire/unmetered-sockets.ts), so a side channel (the monitor's) is never counted as
 * measured traffic.
 */
export function connectTcp(options: { host: string; port: number; metered?: boolean }): net.Socket {
  if (options.metered !== false) return net.connect({ host: options.host, port: options.port, noDelay: true });
  const socket = unmeteredSocket();
  socket.setNoDelay(true);
  return socket.connect({ host: options.host, port: options.port });
}

export interface TlsConnectOptions {
  host: string;
  port: number;
  /** ALPN protocols to offer: ["h2"] for HTTP/2 arms, ["http/1.1"] for HTTP/1.1 arms */
  alpn: readonly string[];
  /** a session to resume (tls.TLSSocket "session" event); absent: a full handshake */
  session?: Buffer;
  /** overrides of the run's trust (tests) */
  trust?: Partial<RunTlsTrust>;
  /**
   * false: leave this handshake out of the run's tally. For connections that are not the arm's measured traffic —
   * the monitor's, and the tls family's deliberate full/resumed experiments, which it counts itself — so the arms
   * table reports what the measured clients did and "sessions resumed" is not raised by an experiment. Default true.
   */
  tally?: boolean;
  /**
   * false: a TCP socket no meter of this process sees (connectTcp), for connections that are not measured traffic
   * (the monitor's, the reachability check). Default true: the meters count the TLS records and handshakes.
   */
  metered?: boolean;
  /**
   * How long TCP plus the handshake may take before the socket is destroyed with ETIMEDOUT (TCP not connected) or
   * TLS_HANDSHAKE_TIMEOUT_CODE (connected, no handshake). Custom `connect` hooks (undici, node:http2, ws) bring no
   * timeout of their own. Default TLS_CONNECT_TIMEOUT_MS.
   */
  timeoutMs?: number;
}

/**
 * TCP, then TLS on that socket; the returned TLSSocket emits "secureConnect" once the handshake is done, which is
 * counted in the tally. Errors arrive as one "error" event on the TLSSocket, as with tls.connect; a handshake that
 * has not finished within timeoutMs is one too.
 */
export function connectTls(options: TlsConnectOptions): tls.TLSSocket {
  const tcp = connectTcp({ host: options.host, port: options.port, metered: options.metered ?? true });
  const socket = tls.connect({
    ...clientTlsOptions(options.host, options.alpn, options.trust),
    socket: tcp,
    ...(options.session !== undefined ? { session: options.session } : {}),
  });
  // The TLSSocket re-emits the errors of the socket it wraps (a refused connect: ECONNREFUSED) as its own; should a
  // Node version not, forward them here. Never both: a failure is one "error" event.
  if (tcp.listenerCount("error") === 0) tcp.once("error", (error) => socket.destroy(error));
  const key = endpointKey(options.host, options.port);
  const timeoutMs = options.timeoutMs ?? TLS_CONNECT_TIMEOUT_MS;
  const timer = setTimeout(() => {
    const connected = !tcp.connecting && !tcp.destroyed;
    const what = `${connected ? "TLS handshake" : "TCP connect"} with ${key}`;
    socket.destroy(Object.assign(new Error(`${what}: not done within ${timeoutMs / 1000} s`), { code: connected ? TLS_HANDSHAKE_TIMEOUT_CODE : "ETIMEDOUT" }));
  }, timeoutMs);
  socket.once("secureConnect", () => clearTimeout(timer));
  socket.once("close", () => {
    clearTimeout(timer);
    // a TLSSocket destroyed while TCP still connects may leave the TCP socket to finish; it has no use any more
    tcp.destroy();
  });
  if (options.tally !== false) socket.once("secureConnect", () => recordHandshake(key, socket));
  return socket;
}
