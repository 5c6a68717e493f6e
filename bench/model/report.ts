// The one result model every driver produces and every writer reads (ghz's Report). reports/ derives the
// JSON Schema of report.json from these TypeBox definitions, so type and schema cannot drift apart.
import { Type, type Static } from "@sinclair/typebox";
import { Arm, ArmId } from "./arm.js";
import { Attribution } from "./attribution.js";
import { CompressionResult } from "./compression-result.js";
import { Environment } from "./environment.js";
import { Finding } from "./finding.js";
import { LoadResult } from "./load-result.js";
import { MicroResult } from "./micro-result.js";
import { MultiplexResult } from "./multiplex-result.js";
import { ServerExit } from "./server-exit.js";
import { ShardMerge } from "./shard-merge.js";
import { SizeResult } from "./size-result.js";
import { StreamResult } from "./stream-result.js";
import { TlsResult } from "./tls-result.js";

/** 2: every entry of a family that drives servers names its arm; report.arms[]; structured findings. */
export const SCHEMA_VERSION = 2;

export const FAMILIES = ["load", "size", "compression", "micro", "multiplex", "stream", "tls"] as const;
export type FamilyName = (typeof FAMILIES)[number];

export const ProfileName = Type.Union([Type.Literal("quick"), Type.Literal("full")]);
export type ProfileName = Static<typeof ProfileName>;

export const FamilyRun = Type.Object({
  family: Type.String(),
  endReason: Type.Union([Type.Literal("completed"), Type.Literal("aborted"), Type.Literal("failed"), Type.Literal("skipped")]),
  durationS: Type.Number(),
  failure: Type.Optional(Type.String()),
  leftOut: Type.Optional(Type.Array(Type.String(), { description: "what this profile left out of the family (the full profile measures it), one sentence each" })),
});
export type FamilyRun = Static<typeof FamilyRun>;

/** What `--shard i/N` writes: which part of the load this report holds, for `npm run merge` to line shards up. */
export const ShardRun = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: "0-based (as a Kubernetes Job's JOB_COMPLETION_INDEX gives it): this shard is index of count" }),
    count: Type.Integer({ minimum: 1 }),
    host: Type.String({ description: "os.hostname() of the shard's load generator" }),
    startAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], { description: "the agreed wall-clock start (--start-at), by this host's clock; null without one" }),
    clockOffsetMs: Type.Union([Type.Number(), Type.Null()], {
      description: "this host's clock minus a target's (local = reference + offset), estimated before the first window; null when no target answered with a time (clockOffsetNote says why)",
    }),
    clockOffsetNote: Type.Optional(Type.String({ description: "how the offset was estimated and how precise it is, or why there is none" })),
  },
  { description: "present when the run was one shard of a load split over several hosts (--shard i/N)" },
);
export type ShardRun = Static<typeof ShardRun>;

export const Report = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    tool: Type.Object({ name: Type.String(), version: Type.String() }),
    profile: ProfileName,
    options: Type.Record(Type.String(), Type.Unknown(), { description: "every resolved option of the run" }),
    startedAt: Type.String({ format: "date-time" }),
    finishedAt: Type.String({ format: "date-time" }),
    endReason: Type.Union([Type.Literal("completed"), Type.Literal("aborted"), Type.Literal("failed")]),
    environment: Environment,
    families: Type.Array(FamilyRun, { description: "which families ran and how each ended" }),
    arms: Type.Array(Arm, { description: "every arm (server stack) in the run, in run order; entries name theirs by id" }),
    baseline: ArmId,
    load: Type.Array(LoadResult),
    sizes: Type.Array(SizeResult),
    micro: Type.Array(MicroResult),
    compression: Type.Array(CompressionResult),
    multiplex: Type.Array(MultiplexResult),
    stream: Type.Array(StreamResult),
    tls: Type.Optional(
      Type.Array(TlsResult, {
        description: "what TLS changes: connection per call with full and resumed handshakes, keep-alive, cleartext; TLS vs cleartext load (absent in reports written before the tls family)",
      }),
    ),
    findings: Type.Array(Finding),
    attribution: Type.Array(Attribution, {
      description: "per call, size class and metric (server view, closed loop): the chain of one-factor steps from rest to grpc, when the run measured arms between them",
    }),
    caveats: Type.Array(Type.String(), { description: "run-wide flags: unpinned CPUs, saturated driver, compression not applied…" }),
    serverExits: Type.Optional(
      Type.Array(ServerExit, {
        description: "server processes the harness started that exited without being stopped, in the order seen (any makes the run endReason failed); absent in reports written before it was recorded",
      }),
    ),
    merge: Type.Optional(ShardMerge),
    shard: Type.Optional(ShardRun),
  },
  { $id: "https://grpc-rest-bench/report.schema.json", title: "grpc-rest-bench report" },
);
export type Report = Static<typeof Report>;

/** The result arrays a family can append to. */
export type ResultSections = Pick<Report, "load" | "sizes" | "micro" | "compression" | "multiplex" | "stream"> & Required<Pick<Report, "tls">>;
