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
// handshakes, which is what a TLS deployment pays.
import net from "node:net";
import tls from "node:tls";

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

function bump(counts: Record<string, number>, key: string | null): void {
  const k = key ?? "none";
  counts[k] = (counts[k] ?? 0) + 1;
}

/** Count one finished handshake against host:port (call it on "secureConnect"). */
export function recordHandshake(key: string, socket: tls.TLSSocket): HandshakeRecord {
  const record: HandshakeRecord = {
    resumed: socket.isSessionReused(),
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? null,
    alpn: typeof socket.alpnProtocol === "string" ? socket.alpnProtocol : null,
  };
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = { full: 0, resumed: 0, protocols: {}, ciphers: {}, alpn: {} };
    tallies.set(key, tally);
  }
  if (record.resumed) tally.resumed++;
  else tally.full++;
  bump(tally.protocols, record.protocol);
  bump(tally.ciphers, record.cipher);
  bump(tally.alpn, record.alpn);
  return record;
}

/** Every endpoint's tally so far (a copy). */
export function handshakeTallies(): Map<string, HandshakeTally> {
  return new Map([...tallies].map(([k, t]) => [k, structuredClone(t)]));
}

export function resetHandshakeTallies(): void {
  tallies.clear();
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
}

/**
 * TCP, then TLS on that socket; the returned TLSSocket emits "secureConnect" once the handshake is done, which is
 * counted in the tally. Errors arrive as "error" events on the TLSSocket, as with tls.connect.
 */
export function connectTls(options: TlsConnectOptions): tls.TLSSocket {
  const tcp = net.connect({ host: options.host, port: options.port, noDelay: true });
  const socket = tls.connect({
    ...clientTlsOptions(options.host, options.alpn, options.trust),
    socket: tcp,
    ...(options.session !== undefined ? { session: options.session } : {}),
  });
  // tls.connect({socket}) does not forward the TCP socket's errors before the handshake starts.
  tcp.once("error", (error) => socket.destroy(error));
  const key = endpointKey(options.host, options.port);
  if (options.tally !== false) socket.once("secureConnect", () => recordHandshake(key, socket));
  return socket;
}
