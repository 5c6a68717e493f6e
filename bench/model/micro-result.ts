import { Type, type Static } from "@sinclair/typebox";
import { PayloadClass } from "./measurement.js";

/**
 * One micro task: encode or decode of one message of one size class in one format, measured in repetitions (each a
 * short tinybench run in a fresh worker thread, spread across the family). Reports from before repetitions carry
 * one tinybench run's figures and no `repetitions`.
 */
export const MicroResult = Type.Object({
  format: Type.String({ description: "e.g. json, protobuf-static, protobuf-reflect, canonical-json-mapping" }),
  op: Type.Union([Type.Literal("encode"), Type.Literal("decode")]),
  message: Type.String({ description: "proto message name; a --config run's fully qualified" }),
  payload: Type.Union([PayloadClass, Type.String({ description: "a --config run's message: the sample file, as the config names it" })], {
    description: "the size class of a shop message, or the sample file of a --config run's message",
  }),
  state: Type.Union([Type.Literal("completed"), Type.Literal("errored")], { description: "an errored task carries no figures worth reading" }),
  opsPerSec: Type.Number({ description: "calls per second: the median of `repetitions` (older reports: one tinybench run's 1e9 / meanNs)" }),
  meanNs: Type.Number({
    description:
      "mean call time over the pooled samples of every repetition, ns, leaving out each repetition's samples over 10× its median sample (the thread descheduled, or a long GC pause; the note counts them); 1e9 / meanNs is near, not equal to, opsPerSec (older reports: one run's mean of every sample)",
  }),
  p99Ns: Type.Number({ description: "the median of the repetitions' p99 call times, ns (of k-call means when callsPerSample > 1)" }),
  rmePct: Type.Number({
    description:
      "relative margin of error, %: with 2 or more repetitions, the 95% margin (Student's t) of the mean of the repetitions' ops/s, which covers the drift between isolates and moments; with one repetition (and in older reports), that tinybench run's rme of its mean, which describes the spread inside one run only",
  }),
  samples: Type.Integer({ description: "tinybench samples over all repetitions" }),
  error: Type.Optional(Type.String()),
  // Additive detail (optional so older reports stay valid).
  does: Type.Optional(Type.String({ description: "what one call does, e.g. toCanonicalJson + JSON.stringify + Buffer.from" })),
  callsPerSample: Type.Optional(Type.Integer({ description: "consecutive calls timed as one sample; above 1, p99Ns is a percentile of call means over that many calls" })),
  attempts: Type.Optional(Type.Integer({ description: "older reports: tinybench runs whose samples were pooled to reach the rme target" })),
  timeBudgetMs: Type.Optional(Type.Number({ description: "tinybench time budgets of all repetitions (older reports: of the pooled runs), summed, ms" })),
  repetitions: Type.Optional(
    Type.Array(Type.Number(), {
      description:
        "ops/s of each repetition, in run order: 1e9 / its mean call time over the samples at most 10× its median sample; each repetition is one short tinybench run in a fresh worker thread (V8 isolate)",
    }),
  ),
  repetitionNote: Type.Optional(Type.String({ description: "how the figures were repeated and summarized, in words" })),
  note: Type.Optional(Type.String()),
});
export type MicroResult = Static<typeof MicroResult>;
