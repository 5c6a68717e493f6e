// What grpc-js really puts on the wire for one call configuration: a grpc-js client (the static codecs, built
// the way generated code builds it) with `grpc.default_compression_algorithm`, talking through a TcpTap, makes
// a few sequential calls; the captured HTTP/2 frames give each call's bytes per direction and every message's
// compressed flag. The first call and the last (steady state, HPACK's dynamic table warm) are reported apart.
import * as grpc from "@grpc/grpc-js";
import { tokenOf } from "../run-token.js";
import { bearerMetadata } from "../drivers/grpc-js-bearer.js";
import { grpcJsUnaryStub } from "../drivers/grpc-js-unary-stub.js";
import { targetEndpoint } from "../drivers/target-address.js";
import type { CompressionCall } from "./compression-calls.js";
import { readGrpcConnection, streamBytes, type StreamOnWire } from "./h2-grpc-frames.js";
import { TcpTap } from "./tcp-tap.js";

export type GrpcCodec = "identity" | "gzip" | "deflate";

export const GRPC_ALGORITHM: Record<GrpcCodec, number> = {
  identity: grpc.compressionAlgorithms.identity,
  deflate: grpc.compressionAlgorithms.deflate,
  gzip: grpc.compressionAlgorithms.gzip,
};

/**
 * A grpc-js stub for one call (the load family's, drivers/grpc-js-unary-stub.ts), compressing what it sends with
 * `codec`; `bearer` is the token it sends as metadata (undefined: the run's, bench/run-token.ts; null: none).
 */
export function grpcClient(target: string, call: CompressionCall, codec: GrpcCodec, bearer?: string | null): { invoke(): Promise<void>; close(): void } {
  const metadata = bearerMetadata(tokenOf(bearer));
  const options: grpc.ChannelOptions = { "grpc.max_receive_message_length": 64 * 1024 * 1024 };
  if (codec !== "identity") options["grpc.default_compression_algorithm"] = GRPC_ALGORITHM[codec];
  const stub = grpcJsUnaryStub(target, { name: call.call, path: call.grpc.path, serialize: call.grpc.serialize, deserialize: call.grpc.deserialize }, options);
  return {
    invoke: () =>
      new Promise<void>((resolve, reject) => {
        stub.call(call.grpc.request, metadata, { deadline: Date.now() + 30_000 }, (error) => (error ? reject(error) : resolve()));
      }),
    close: () => stub.close(),
  };
}

export interface GrpcCallOnWire {
  /** all frames of the call's stream, 9-byte frame headers included */
  requestBytes: number;
  responseBytes: number;
  request: StreamOnWire["request"];
  response: StreamOnWire["response"];
}

export interface GrpcWireProbe {
  first: GrpcCallOnWire;
  steady: GrpcCallOnWire;
  /** connection-level frames (SETTINGS, PINGs, WINDOW_UPDATEs on stream 0) and the client preface, over the probe */
  connectionBytes: { request: number; response: number };
  calls: number;
}

function onWire(s: StreamOnWire): GrpcCallOnWire {
  return { requestBytes: streamBytes(s.request), responseBytes: streamBytes(s.response), request: s.request, response: s.response };
}

/**
 * `calls` sequential calls (≥ 2) through a tap; throws when a call fails or the capture has no streams. A grpcs://
 * target is reached over TLS by the tap (ALPN h2, the run's trust) while the client speaks h2c to the tap, so the
 * capture holds the HTTP/2 frames in plaintext: the same frames, compressed flags and message bytes, but for
 * `:scheme` (http, one HPACK byte either way) and `:authority` (the tap's address, as for a cleartext target).
 */
export async function probeGrpcWire(target: string, call: CompressionCall, codec: GrpcCodec, calls = 4): Promise<GrpcWireProbe> {
  const { host, port, tls } = targetEndpoint(target);
  const tap = new TcpTap({ host, port, ...(tls ? { alpn: ["h2"] } : {}) });
  await tap.open();
  const client = grpcClient(`127.0.0.1:${tap.port}`, call, codec);
  try {
    for (let i = 0; i < calls; i++) {
      await client.invoke().catch((error: unknown) => {
        // A TLS failure happens between the tap and the server; the client only sees its connection drop.
        const upstream = tap.upstreamError;
        throw upstream !== null ? new Error(`grpc wire probe: ${target} over TLS: ${upstream.message}`) : error;
      });
    }
  } finally {
    client.close();
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the last frames reach the tap
    await tap.close();
  }
  const conn = tap.connections.find((c) => c.up.length > 0);
  if (!conn) throw new Error("grpc wire probe: no connection captured");
  const parsed = readGrpcConnection(Buffer.concat(conn.up), Buffer.concat(conn.down));
  const streams = parsed.streams.filter((s) => s.request.headerBytes > 0);
  if (streams.length < 2) throw new Error(`grpc wire probe: ${streams.length} streams captured for ${calls} calls`);
  return { first: onWire(streams[0]!), steady: onWire(streams[streams.length - 1]!), connectionBytes: parsed.connectionBytes, calls: streams.length };
}
