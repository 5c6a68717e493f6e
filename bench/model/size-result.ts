import { Type, type Static } from "@sinclair/typebox";
import { PayloadClass } from "./measurement.js";

export const EncodedSizes = Type.Object({
  raw: Type.Integer(),
  gzip: Type.Integer(),
  deflate: Type.Integer(),
  br: Type.Integer(),
});
export type EncodedSizes = Static<typeof EncodedSizes>;

/** Serialized size of one message of one size class, canonical JSON vs protobuf. */
export const SizeResult = Type.Object({
  message: Type.String({ description: "proto message name, e.g. ListOrdersResponse" }),
  payload: PayloadClass,
  json: EncodedSizes,
  protobuf: EncodedSizes,
  ratio: Type.Object({ raw: Type.Number(), gzip: Type.Number(), deflate: Type.Number(), br: Type.Number() }, { description: "json / protobuf" }),
});
export type SizeResult = Static<typeof SizeResult>;
