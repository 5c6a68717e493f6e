// A statement computed from the measurements, never written by hand. Who is compared with whom, in which
// scenario and on which metric are fields, so no writer parses them back out of the id or the statement.
import { Type, type Static } from "@sinclair/typebox";
import { LoadMode, LoadPayload, LoadView } from "./load-result.js";

export const Verdict = Type.Union(
  [
    Type.Literal("candidate-better"),
    Type.Literal("baseline-better"),
    Type.Literal("no-significant-difference"),
    Type.Literal("insufficient-repetitions"),
    Type.Literal("inconclusive"),
    Type.Literal("supported"),
    Type.Literal("not-supported"),
    Type.Literal("depends"),
  ],
  {
    description:
      "arm comparisons: candidate-better / baseline-better (the 95% CI of candidate/baseline excludes 1), no-significant-difference, " +
      "insufficient-repetitions (no CI), inconclusive (e.g. load generator saturated); claims: supported, not-supported, depends",
  },
);
export type Verdict = Static<typeof Verdict>;

export const FindingKind = Type.Union([Type.Literal("arm-comparison"), Type.Literal("claim")]);
export type FindingKind = Static<typeof FindingKind>;

export const Finding = Type.Object({
  id: Type.String({ description: "stable: compare and links use it" }),
  kind: FindingKind,
  statement: Type.String(),
  baseline: Type.Union([Type.String(), Type.Null()], { description: "arm id the ratio's denominator measured (null for a claim about no arm in particular)" }),
  candidate: Type.Union([Type.String(), Type.Null()], { description: "arm id the ratio's numerator measured" }),
  scenario: Type.Union([Type.String(), Type.Null()], { description: "what was measured, without the arm: call, size class, view, loop, in flight" }),
  family: Type.Union([Type.String(), Type.Null()], { description: "the family whose entries the finding reads" }),
  subject: Type.Union(
    [
      Type.Object({
        call: Type.String(),
        payload: LoadPayload,
        view: LoadView,
        mode: LoadMode,
        concurrency: Type.Integer(),
        targetRps: Type.Union([Type.Number(), Type.Null()]),
      }),
      Type.Null(),
    ],
    { description: "what a load comparison measured, as fields (scenario is the same as one string key); null for a claim" },
  ),
  metric: Type.String({ description: "field path in the result model" }),
  metricLabel: Type.String({ description: "the metric for people, e.g. p50 latency" }),
  better: Type.Union([Type.Literal("lower"), Type.Literal("higher"), Type.Null()]),
  ratio: Type.Union([Type.Number(), Type.Null()], { description: "candidate / baseline (or as the statement says, for a claim)" }),
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  verdict: Verdict,
  verdictDetail: Type.Optional(Type.String({ description: "why, when the verdict alone does not say (inconclusive, depends)" })),
  pairing: Type.Optional(
    Type.Object(
      {
        rounds: Type.Integer({ minimum: 0, description: "rounds whose two windows (candidate and baseline, side by side) were paired" }),
        setAsideHeavySteal: Type.Integer({ minimum: 0, description: "rounds left out because either window lost more than the heavy-steal threshold of a CPU to the hypervisor" }),
      },
      {
        description:
          "an arm comparison whose ratio and CI come from per-round paired log-ratios (ABBA-interleaved windows, bench/load/paired-rounds.ts); " +
          "absent: unpaired, from each side's repetitions (Welch t on the logs)",
      },
    ),
  ),
  caveats: Type.Array(Type.String()),
  byFactor: Type.Optional(
    Type.Array(
      Type.Object({
        factor: Type.String({ description: "an attribution step's factor (framework, transport, encoding, library, or several joined with +)" }),
        from: Type.String({ description: "arm id" }),
        to: Type.String({ description: "arm id" }),
        ratio: Type.Number({ description: "median of the step's throughput ratio over the attributed calls and size classes" }),
        range: Type.Tuple([Type.Number(), Type.Number()], { description: "smallest and largest of those ratios" }),
        scenarios: Type.Integer({ minimum: 1 }),
      }),
      { description: "a speed claim split by factor, from report.attribution (throughput)" },
    ),
  ),
});
export type Finding = Static<typeof Finding>;
