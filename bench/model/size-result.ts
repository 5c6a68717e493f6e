import { Type, type Static } from "@sinclair/typebox";
import { PayloadClass } from "./measurement.js";

export const EncodedSizes = Type.Object({
  raw: Type.Integer(),
  gzip: Type.Integer(),
  deflate: Type.Integer(),
  br: Type.Integer(),
});
export type EncodedSizes = Static<typeof EncodedSizes>;

export const SizeRatios = Type.Object({ raw: Type.Number(), gzip: Type.Number(), deflate: Type.Number(), br: Type.Number() }, { description: "json / protobuf" });
export type SizeRatios = Static<typeof SizeRatios>;

const levels = (description: string) =>
  Type.Object({ gzip: Type.Integer(), deflate: Type.Integer(), br: Type.Integer() }, { description: `zlib level of gzip/deflate and brotli quality of br: ${description}` });
export const CompressionLevels = levels("as named");
export type CompressionLevels = Static<typeof CompressionLevels>;

/** Serialized size of one message of one size class, canonical JSON vs protobuf. */
export const SizeResult = Type.Object({
  message: Type.String({ description: "proto message name, e.g. ListOrdersResponse; a --config run's fully qualified, e.g. routeguide.Feature" }),
  payload: Type.Union([PayloadClass, Type.String({ description: "a --config run's message: the sample file, as the config names it" })], {
    description: "the size class of a shop message, or the sample file of a --config run's message",
  }),
  json: EncodedSizes,
  protobuf: EncodedSizes,
  ratio: SizeRatios,
  // Additive detail (optional so older reports stay valid).
  role: Type.Optional(Type.Union([Type.Literal("response"), Type.Literal("request"), Type.Literal("stream-item")], {
    description: "response: what the server sends for the class; request: the request message (REST sends no JSON body for it); stream-item: one message of a stream",
  })),
  call: Type.Optional(Type.String({ description: "the RPC that carries the message" })),
  subject: Type.Optional(Type.String({ description: "which object exactly, in one sentence" })),
  protobufMinimalRaw: Type.Optional(Type.Integer({
    description:
      "protobuf length without the fields protobufjs writes although they hold their proto3 default (nanos 0, false, 0): " +
      "what Python, C++ or Go encoders produce for the same message; protobuf.raw is what the gRPC server really sends",
  })),
  levels: Type.Optional(levels("of the json/protobuf columns above, node:zlib defaults")),
  atServerLevels: Type.Optional(
    Type.Object(
      {
        levels: levels("what the servers use"),
        json: EncodedSizes,
        protobuf: EncodedSizes,
        ratio: SizeRatios,
        restCompressesResponse: Type.Union([Type.Boolean(), Type.Null()], {
          description: "whether express compression would compress this JSON as a response body (threshold); null when the message is not a REST response body",
        }),
        note: Type.String(),
      },
      { description: "the same sizes at the levels the servers really use (express compression middleware, grpc-js)" },
    ),
  ),
});
export type SizeResult = Static<typeof SizeResult>;
