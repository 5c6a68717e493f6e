// Names for everything that can go wrong in a call, as errors.byCode keys: gRPC status names, HTTP statuses
// as strings, and a few transport conditions (refused, reset, timeout, tls-timeout) so that reports compare like
// with like.
import { status as GrpcStatus } from "@grpc/grpc-js";

const GRPC_STATUS_NAMES: string[] = [];
for (const [name, value] of Object.entries(GrpcStatus)) if (typeof value === "number") GRPC_STATUS_NAMES[value] = name;

/** "NOT_FOUND" for 5; unknown numbers keep their digits ("GRPC_42") so they stay distinguishable. */
export function grpcStatusName(code: number): string {
  return GRPC_STATUS_NAMES[code] ?? `GRPC_${code}`;
}

/** A grpc-status header value ("0", "14") to a status name; null when it says OK. */
export function grpcStatusFromHeader(value: string | string[] | undefined): string | null {
  if (value === undefined) return "MISSING_GRPC_STATUS";
  const text = Array.isArray(value) ? value[0] : value;
  if (text === "0") return null;
  const code = Number(text);
  return Number.isInteger(code) ? grpcStatusName(code) : "MISSING_GRPC_STATUS";
}

const TRANSPORT_CODES: Record<string, string> = {
  ECONNREFUSED: "refused",
  ENOTFOUND: "refused",
  EHOSTUNREACH: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  ECONNABORTED: "reset",
  ERR_HTTP2_STREAM_ERROR: "reset",
  ERR_HTTP2_SESSION_ERROR: "reset",
  ERR_HTTP2_GOAWAY_SESSION: "reset",
  ERR_HTTP2_STREAM_CANCEL: "reset",
  ERR_HTTP2_INVALID_SESSION: "reset",
  ERR_HTTP2_ERROR: "reset",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
  UND_ERR_DESTROYED: "reset",
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  // TCP connected, but no TLS handshake within connectTls's timeoutMs (bench/run-tls.ts): a server that accepts and
  // never answers, or speaks something other than TLS and waits.
  ERR_TLS_HANDSHAKE_TIMEOUT: "tls-timeout",
  // The server chose none of the protocols we offered by ALPN (RFC 7301 no_application_protocol alert).
  ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL: "alpn",
};

/** A thrown/emitted error to its byCode key. Connection-level conditions collapse onto refused/reset/timeout. */
export function transportErrorCode(error: unknown): string {
  const err = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof err?.code === "string" ? err.code : typeof err?.cause?.code === "string" ? err.cause.code : undefined;
  if (code === undefined) return "error";
  return TRANSPORT_CODES[code] ?? code;
}

/**
 * A TLS connection whose ALPN result is not `expected` as a coded error ("alpn"), else null. HTTP/2 needs "h2"
 * agreed (RFC 9113 §3.2); HTTP/1.1 is also what a server that does no ALPN at all speaks, so none is fine for it.
 * Certificate errors keep OpenSSL's codes (DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID…).
 */
export function alpnError(socket: object, expected: "h2" | "http/1.1"): Error | null {
  // tls.TLSSocket and http2.ClientHttp2Session both carry alpnProtocol; a string once a protocol was agreed.
  const agreed = (socket as { alpnProtocol?: unknown }).alpnProtocol;
  const chosen = typeof agreed === "string" ? agreed : null;
  if (chosen === expected || (chosen === null && expected === "http/1.1")) return null;
  return Object.assign(new Error(`the server chose ${chosen === null ? "no protocol" : JSON.stringify(chosen)} by ALPN, not ${expected}`), { code: "alpn" });
}
