// The bytes and header values of gRPC over HTTP/2 (grpc/grpc doc/PROTOCOL-HTTP2.md) that the raw arm writes and
// reads, chosen to match what a grpc-js 1.14 server sends, so a client cannot tell the two gRPC arms apart:
// the same response headers, OK trailers with `grpc-message: OK`, trailers-only errors, the same limits.
import $protobuf from "protobufjs/minimal.js";

/** Response-Headers of every call that sends a message (grpc-js's defaultResponseHeaders + defaultCompressionHeaders). */
export const RESPONSE_HEADERS = Object.freeze({
  ":status": 200,
  "content-type": "application/grpc+proto",
  // grpc-js's client stops compressing requests when the server does not list the codec here.
  "grpc-accept-encoding": "identity,deflate,gzip",
  "grpc-encoding": "identity",
});

/** Trailers of a call that ends OK: grpc-js sends the details "OK". */
export const OK_TRAILERS = Object.freeze({ "grpc-status": "0", "grpc-message": "OK" });

/** Response options: HEADERS now, trailers on 'wantTrailers' after the last DATA frame. */
export const WAIT_FOR_TRAILERS = Object.freeze({ waitForTrailers: true });
export const END_STREAM = Object.freeze({ endStream: true });

/** Trailers-Only: one HEADERS frame with END_STREAM carrying the status (an error before any message). */
export function trailersOnly(code: number, details: string): Record<string, string | number> {
  return {
    ":status": 200,
    "content-type": "application/grpc+proto",
    "grpc-status": String(code),
    "grpc-message": percentEncode(details),
  };
}

export function statusTrailers(code: number, details: string): Record<string, string> {
  return { "grpc-status": String(code), "grpc-message": percentEncode(details) };
}

const NEEDS_ENCODING = /[^\x20-\x24\x26-\x7e]/;

/**
 * grpc-message is Percent-Encoded: the UTF-8 bytes of the text, with every byte outside 0x20–0x7E and "%"
 * itself written as %XX (Percent-Byte-Unencoded is %x20-%x24 / %x26-%x7E). grpc-js encodes with encodeURI
 * (more characters escaped, e.g. space); both decode to the same text with the spec's decoding and with the
 * grpc-js client's decodeURI.
 */
export function percentEncode(text: string): string {
  if (!NEEDS_ENCODING.test(text)) return text;
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** A generated static codec as the raw arm uses it: encode into a given writer, decode from bytes. */
export interface WriterCodec {
  encode(message: object, writer?: $protobuf.Writer): $protobuf.Writer;
  decode(bytes: Uint8Array): object;
}

/**
 * One Length-Prefixed-Message with no copy: five zero bytes go into the writer first, the message is encoded
 * after them, and the big-endian length is patched into bytes 1–4 of the finished Buffer (compressed flag 0).
 * grpc-js instead serializes to a Buffer and copies it into a new 5-byte-longer one.
 */
export function encodeFramed(codec: WriterCodec, message: object): Buffer {
  const writer = $protobuf.Writer.create();
  writer.fixed32(0).uint32(0); // 4 + 1 zero bytes: the compressed flag and room for the length
  const bytes = codec.encode(message, writer).finish() as Buffer;
  bytes.writeUInt32BE(bytes.length - 5, 1);
  return bytes;
}

/** grpc-js's own grpc-timeout parser (server-interceptors.ts DEADLINE_REGEX, unanchored) and units. */
const TIMEOUT = /(\d{1,8})\s*([HMSmun])/;
const UNIT_MS: Record<string, number> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 };

/** The timeout in ms (truncated, as grpc-js does), or null when the header value is not a valid timeout. */
export function parseGrpcTimeout(value: string): number | null {
  const match = TIMEOUT.exec(value);
  if (match === null) return null;
  return (Number(match[1]) * (UNIT_MS[match[2]!] ?? 0)) | 0;
}
