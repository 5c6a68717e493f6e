// The HTTP/2 capture reader the compression family verifies gRPC compression with, on hand-built frames.
import assert from "node:assert/strict";
import { test } from "node:test";
import zlib from "node:zlib";
import { codecOf, readGrpcConnection } from "../bench/compression/h2-grpc-frames.js";

function frame(type: number, flags: number, streamId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(9);
  header.writeUIntBE(payload.length, 0, 3);
  header[3] = type;
  header[4] = flags;
  header.writeUInt32BE(streamId, 5);
  return Buffer.concat([header, payload]);
}

function grpcMessage(compressed: boolean, message: Buffer): Buffer {
  const prefix = Buffer.alloc(5);
  prefix[0] = compressed ? 1 : 0;
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

test("codecOf tells gzip, zlib-deflate and anything else apart from the bytes", () => {
  const data = Buffer.from("hello hello hello");
  assert.equal(codecOf(zlib.gzipSync(data)), "gzip");
  assert.equal(codecOf(zlib.deflateSync(data)), "deflate");
  assert.equal(codecOf(data), "unknown");
});

test("per-stream bytes, compressed flags across split DATA frames, trailers and connection frames", () => {
  const preface = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");
  const compressed = zlib.gzipSync(Buffer.from("x".repeat(100)));
  const body = grpcMessage(true, compressed);
  const up = Buffer.concat([
    preface,
    frame(0x4, 0, 0, Buffer.alloc(6)), // SETTINGS
    frame(0x1, 0x4, 1, Buffer.alloc(20)), // HEADERS
    frame(0x0, 0, 1, body.subarray(0, 7)), // DATA split mid-prefix
    frame(0x0, 0x1, 1, body.subarray(7)),
  ]);
  const down = Buffer.concat([
    frame(0x4, 0, 0, Buffer.alloc(0)),
    frame(0x1, 0x4, 1, Buffer.alloc(10)), // response HEADERS
    frame(0x0, 0, 1, grpcMessage(false, Buffer.alloc(30))),
    frame(0x1, 0x5, 1, Buffer.alloc(8)), // trailers
    frame(0x8, 0, 1, Buffer.alloc(4)), // WINDOW_UPDATE on the stream
  ]);
  const c = readGrpcConnection(up, down);
  assert.equal(c.streams.length, 1);
  const s = c.streams[0]!;
  assert.deepEqual(s.request.messages, [{ compressed: true, length: compressed.length, codec: "gzip" }]);
  assert.equal(s.request.headerBytes, 29);
  assert.equal(s.request.dataBytes, 18 + body.length);
  assert.deepEqual(s.response.messages, [{ compressed: false, length: 30, codec: "identity" }]);
  assert.equal(s.response.headerBytes, 19);
  assert.equal(s.response.dataBytes, 9 + 35);
  assert.equal(s.response.trailerBytes, 17);
  assert.equal(s.response.otherBytes, 13);
  assert.deepEqual(c.connectionBytes, { request: preface.length + 15, response: 9 });
});
