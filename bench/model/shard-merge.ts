// What `npm run merge` adds to a report merged from shard reports (`--shard i/N` runs on several hosts): which
// shards went in, each shard's own share of the load, and what a reader must know about how well they lined up.
// The merged load entries themselves are ordinary LoadResults (histograms added, counts summed).
import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";
import { Environment } from "./environment.js";

export const MergedShard = Type.Object({
  index: Type.Integer({ minimum: 0, description: "the shard's index (0-based, as --shard i/N gave it)" }),
  host: Type.String({ description: "the host the shard ran on (its report's shard.host)" }),
  file: Type.String({ description: "the shard's report.json as it was given to merge" }),
  startedAt: Type.String({ format: "date-time", description: "the shard run's startedAt, by its own clock" }),
  finishedAt: Type.String({ format: "date-time" }),
  startAt: Type.Union([Type.String({ description: "the wall-clock start the shard was given (--start-at)" }), Type.Null()]),
  clockOffsetMs: Type.Union([Type.Number({ description: "the shard's clock offset as it estimated it (its report's shard.clockOffsetMs); null when it could not" }), Type.Null()]),
  clockOffsetNote: Type.Optional(Type.String({ description: "how the shard estimated its offset and how precise that is, or why it has none (its report's shard.clockOffsetNote)" })),
  endReason: Type.Union([Type.Literal("completed"), Type.Literal("aborted"), Type.Literal("failed")]),
  requests: Type.Integer({ minimum: 0, description: "calls the shard completed over all its load windows" }),
  errors: Type.Integer({ minimum: 0 }),
  throughputRps: Type.Number({ description: "the shard's successful calls / the seconds of all its load windows: its average share of the offered load" }),
  driverSaturated: Type.Boolean({ description: "the shard's load generator was saturated in at least one load window" }),
  environment: Environment,
});
export type MergedShard = Static<typeof MergedShard>;

export const ShardShare = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  requests: Type.Integer({ minimum: 0 }),
  errors: Type.Integer({ minimum: 0 }),
  throughputRps: Type.Number({ description: "the shard entry's own throughput (its median repetition)" }),
  p50Ms: Type.Number(),
  p99Ms: Type.Number(),
  concurrency: Type.Integer({ minimum: 1, description: "the shard's share of the in-flight calls" }),
  driverSaturated: Type.Boolean(),
  endReason: Type.String(),
});
export type ShardShare = Static<typeof ShardShare>;

export const MergedScenario = Type.Object({
  scenario: Type.String({ description: "the merged load entry's scenario id" }),
  arm: ArmId,
  shards: Type.Array(ShardShare, { description: "each shard's own figures for this scenario, before merging" }),
  windowSpreadMs: Type.Union([Type.Number({ description: "the largest spread, over the merged repetitions, between the shards' window starts (each corrected by its clock offset where known)" }), Type.Null()]),
  overlap: Type.Union([Type.Number({ minimum: 0, maximum: 1, description: "the smallest, over the merged repetitions, share of a window during which every shard's window was open (1: they coincided)" }), Type.Null()]),
});
export type MergedScenario = Static<typeof MergedScenario>;

export const MergeFlagKind = Type.Union([
  Type.Literal("missing-shard"),
  Type.Literal("missing-scenario"),
  Type.Literal("missing-repetition"),
  Type.Literal("clock-skew"),
  Type.Literal("window-skew"),
  Type.Literal("no-overlap"),
  Type.Literal("saturated-shard"),
  Type.Literal("shard-not-completed"),
]);
export type MergeFlagKind = Static<typeof MergeFlagKind>;

export const MergeFlag = Type.Object({
  kind: MergeFlagKind,
  shard: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  scenario: Type.Union([Type.String(), Type.Null()]),
  text: Type.String({ description: "one sentence, also in the report's caveats" }),
});
export type MergeFlag = Static<typeof MergeFlag>;

export const ShardMerge = Type.Object(
  {
    count: Type.Integer({ minimum: 1, description: "the shards the run was split into (shard.count)" }),
    merged: Type.Array(Type.Integer({ minimum: 0 }), { description: "the indices merged, in order" }),
    missing: Type.Array(Type.Integer({ minimum: 0 }), { description: "indices not given (merged with --allow-missing): the figures hold only the others' share of the load" }),
    skewThresholdMs: Type.String({ description: "the rule a window or clock skew is flagged by" }),
    shards: Type.Array(MergedShard),
    load: Type.Array(MergedScenario, { description: "per merged load entry, every shard's own figures" }),
    fromOneShard: Type.Array(Type.String(), { description: "families whose entries come from one shard only (per-host figures), one sentence each" }),
    flags: Type.Array(MergeFlag),
  },
  { description: "present when the report was merged from shard reports by npm run merge" },
);
export type ShardMerge = Static<typeof ShardMerge>;
