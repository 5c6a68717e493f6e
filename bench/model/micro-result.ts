import { Type, type Static } from "@sinclair/typebox";
import { PayloadClass } from "./measurement.js";

/** One tinybench task: encode or decode of one message of one size class in one format. */
export const MicroResult = Type.Object({
  format: Type.String({ description: "e.g. json, protobuf-static, protobuf-reflect, canonical-json-mapping" }),
  op: Type.Union([Type.Literal("encode"), Type.Literal("decode")]),
  message: Type.String(),
  payload: PayloadClass,
  state: Type.Union([Type.Literal("completed"), Type.Literal("errored")], { description: "an errored task carries no figures worth reading" }),
  opsPerSec: Type.Number(),
  meanNs: Type.Number(),
  p99Ns: Type.Number(),
  rmePct: Type.Number({ description: "relative margin of error of the mean, %" }),
  samples: Type.Integer(),
  error: Type.Optional(Type.String()),
});
export type MicroResult = Static<typeof MicroResult>;
