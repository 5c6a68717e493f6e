import { Type, type Static } from "@sinclair/typebox";
import { PayloadClass, Protocol } from "./measurement.js";

/** One compression configuration for one call and size class, as really sent on the wire. */
export const CompressionResult = Type.Object(
  {
    protocol: Protocol,
    call: Type.String(),
    payload: PayloadClass,
    direction: Type.Union([Type.Literal("request"), Type.Literal("response")]),
    requested: Type.String({ description: "what the client asked for: identity, gzip, deflate, br" }),
    applied: Type.String({ description: "what was observed on the wire" }),
    appliedAsRequested: Type.Boolean(),
    path: Type.String({ description: "which client/server path produced it, e.g. grpc-js, h2-frames (alternative, labelled), express+compression" }),
    note: Type.Optional(Type.String({ description: "plain statement when a setting had no effect" })),
    wireBytes: Type.Number({ description: "body bytes on the wire per call in this direction" }),
    uncompressedBytes: Type.Number(),
    bytesSavedPct: Type.Number(),
    serverCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
    clientCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
    latencyMs: Type.Union([Type.Object({ p50: Type.Number(), p99: Type.Number() }), Type.Null()]),
  },
  { additionalProperties: true },
);
export type CompressionResult = Static<typeof CompressionResult>;
