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
  // Additive detail (optional so older reports stay valid).
  does: Type.Optional(Type.String({ description: "what one call does, e.g. toCanonicalJson + JSON.stringify + Buffer.from" })),
  callsPerSample: Type.Optional(Type.Integer({ description: "consecutive calls timed as one sample; above 1, p99Ns is a percentile of call means over that many calls" })),
  attempts: Type.Optional(Type.Integer({ description: "tinybench runs whose samples were pooled to reach the rme target" })),
  timeBudgetMs: Type.Optional(Type.Number({ description: "tinybench time budgets of the pooled runs, summed, ms" })),
  note: Type.Optional(Type.String()),
});
export type MicroResult = Static<typeof MicroResult>;
