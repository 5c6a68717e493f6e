import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";
import { BytesPerCall, PayloadClass, Protocol } from "./measurement.js";

const nullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

/** One compression configuration for one call and size class, as really sent on the wire. */
export const CompressionResult = Type.Object(
  {
    arm: ArmId,
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
    // Additive detail (optional so older reports stay valid).
    measuredBy: Type.Optional(Type.String({ description: "load engine (driver, in flight, windows), sequential calls, or a stand-alone estimate" })),
    wirePerCall: Type.Optional(
      Type.Object(
        { firstCall: BytesPerCall, steadyState: BytesPerCall, note: Type.String() },
        { description: "all bytes of one call, each direction, headers and framing included: the first call on a connection and a later one (HPACK tables warm)" },
      ),
    ),
    loadWireBytesPerCall: Type.Optional(Type.Union([BytesPerCall, Type.Null()], { description: "socket bytes per call under load (load engine's meter)" })),
    clientCodecUsPerCall: Type.Optional(nullableNumber("client-side (de)compression µs per call timed stand-alone, when the driver does not do it itself")),
    requests: Type.Optional(Type.Integer({ description: "calls measured" })),
    errors: Type.Optional(Type.Integer()),
    vsIdentity: Type.Optional(
      Type.Object(
        {
          bytesSavedPerCall: Type.Number({ description: "body bytes per call identity minus this configuration (negative: compression made it larger)" }),
          serverCpuUsAdded: nullableNumber("server CPU µs per call over identity"),
          clientCpuUsAdded: nullableNumber("client CPU µs per call over identity (driver CPU difference plus clientCodecUsPerCall)"),
          latencyP50MsDelta: nullableNumber("p50 latency minus identity's, ms"),
          latencyP99MsDelta: nullableNumber("p99 latency minus identity's, ms"),
        },
        { description: "the same call and direction without compression, measured the same way" },
      ),
    ),
  },
  { additionalProperties: true },
);
export type CompressionResult = Static<typeof CompressionResult>;
