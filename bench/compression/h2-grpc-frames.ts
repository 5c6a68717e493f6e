// Reads recorded HTTP/2 bytes (RFC 9113 framing) back into per-stream accounting for gRPC: bytes of HEADERS,
// DATA and trailer frames (9-byte frame headers included) per direction, and every gRPC message's 5-byte
// prefix: its compressed flag and length. A compressed message's codec is identified from its own bytes
// (gzip magic 1f 8b, zlib header), so "applied" never relies on what a header claims.
const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");

const DATA = 0x0;
const HEADERS = 0x1;
const CONTINUATION = 0x9;
const FLAG_PADDED = 0x8;

export interface GrpcMessageOnWire {
  compressed: boolean;
  /** message length as sent (compressed length when compressed) */
  length: number;
  /** "identity" or the codec found in the bytes: gzip, deflate, or unknown */
  codec: string;
}

export interface DirectionBytes {
  /** HEADERS + CONTINUATION frames before the first DATA frame, frame headers included */
  headerBytes: number;
  /** DATA frames, frame headers and padding included (the gRPC prefixes are inside) */
  dataBytes: number;
  /** HEADERS frames after DATA (gRPC trailers) */
  trailerBytes: number;
  /** other frames on this stream (WINDOW_UPDATE, RST_STREAM…) */
  otherBytes: number;
  messages: GrpcMessageOnWire[];
}

export interface StreamOnWire {
  streamId: number;
  request: DirectionBytes;
  response: DirectionBytes;
}

export interface ConnectionOnWire {
  streams: StreamOnWire[];
  /** frames on stream 0 (SETTINGS, PING, WINDOW_UPDATE, GOAWAY) plus the client preface, per direction */
  connectionBytes: { request: number; response: number };
}

interface Frame {
  type: number;
  flags: number;
  streamId: number;
  payload: Buffer;
}

function frames(bytes: Buffer): Frame[] {
  const out: Frame[] = [];
  let pos = 0;
  while (pos + 9 <= bytes.length) {
    const length = bytes.readUIntBE(pos, 3);
    if (pos + 9 + length > bytes.length) break; // a partial frame at the end of the capture
    out.push({
      type: bytes[pos + 3] as number,
      flags: bytes[pos + 4] as number,
      streamId: bytes.readUInt32BE(pos + 5) & 0x7fffffff,
      payload: bytes.subarray(pos + 9, pos + 9 + length),
    });
    pos += 9 + length;
  }
  return out;
}

export function codecOf(message: Buffer): string {
  if (message.length >= 2 && message[0] === 0x1f && message[1] === 0x8b) return "gzip";
  if (message.length >= 2 && ((message[0] as number) & 0x0f) === 8 && ((message[0] as number) * 256 + (message[1] as number)) % 31 === 0) return "deflate";
  return "unknown";
}

function emptyDirection(): DirectionBytes {
  return { headerBytes: 0, dataBytes: 0, trailerBytes: 0, otherBytes: 0, messages: [] };
}

function account(list: Frame[], pick: (s: StreamOnWire) => DirectionBytes, streams: Map<number, StreamOnWire>, data: Map<number, Buffer[]>): number {
  let connection = 0;
  for (const f of list) {
    const size = 9 + f.payload.length;
    if (f.streamId === 0) {
      connection += size;
      continue;
    }
    let s = streams.get(f.streamId);
    if (!s) streams.set(f.streamId, (s = { streamId: f.streamId, request: emptyDirection(), response: emptyDirection() }));
    const d = pick(s);
    if (f.type === DATA) {
      d.dataBytes += size;
      let payload = f.payload;
      if (f.flags & FLAG_PADDED) payload = payload.subarray(1, payload.length - (payload[0] as number));
      const parts = data.get(f.streamId) ?? [];
      parts.push(payload);
      data.set(f.streamId, parts);
    } else if (f.type === HEADERS || f.type === CONTINUATION) {
      if (d.dataBytes > 0 || (d.headerBytes > 0 && f.type === HEADERS)) d.trailerBytes += size;
      else d.headerBytes += size;
    } else {
      d.otherBytes += size;
    }
  }
  for (const [id, parts] of data) {
    const s = streams.get(id);
    if (!s) continue;
    const body = Buffer.concat(parts);
    let pos = 0;
    while (pos + 5 <= body.length) {
      const compressed = body[pos] === 1;
      const length = body.readUInt32BE(pos + 1);
      const message = body.subarray(pos + 5, pos + 5 + length);
      pick(s).messages.push({ compressed, length, codec: compressed ? codecOf(message) : "identity" });
      pos += 5 + length;
    }
  }
  return connection;
}

/** One HTTP/2 connection's captured bytes (client → server, server → client) as per-stream gRPC accounting. */
export function readGrpcConnection(up: Buffer, down: Buffer): ConnectionOnWire {
  const hasPreface = up.subarray(0, PREFACE.length).equals(PREFACE);
  const upFrames = frames(hasPreface ? up.subarray(PREFACE.length) : up);
  const downFrames = frames(down);
  const streams = new Map<number, StreamOnWire>();
  const request = account(upFrames, (s) => s.request, streams, new Map()) + (hasPreface ? PREFACE.length : 0);
  const response = account(downFrames, (s) => s.response, streams, new Map());
  return { streams: [...streams.values()].sort((a, b) => a.streamId - b.streamId), connectionBytes: { request, response } };
}

/** All bytes of one direction of a stream. */
export function streamBytes(d: DirectionBytes): number {
  return d.headerBytes + d.dataBytes + d.trailerBytes + d.otherBytes;
}
