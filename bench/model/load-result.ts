// One load scenario's result: its resolved configuration (copied in, as the scenario list resolves it),
// the aggregate over repetitions at top level, and every repetition kept for statistics.
import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";
import { Measurement, PayloadClass, Protocol } from "./measurement.js";

export const LoadView = Type.Union([Type.Literal("server"), Type.Literal("end-to-end")], {
  description: "server: a lean driver (autocannon, pre-encoded HTTP/2 frames) so the server is measured; end-to-end: the idiomatic client library is measured too",
});
export type LoadView = Static<typeof LoadView>;

export const LoadMode = Type.Union([Type.Literal("closed"), Type.Literal("open")]);
export type LoadMode = Static<typeof LoadMode>;

/** What a scenario's calls carry: a shop size class, or "config" for a --config call (its requests are in the config). */
export const LoadPayload = Type.Union([PayloadClass, Type.Literal("config")], {
  description: "the payload size class of a shop call, or config: the requests a --config call names (call is then the config's call name)",
});
export type LoadPayload = Static<typeof LoadPayload>;

export const LoadConfig = Type.Object({
  scenario: Type.String({ description: "stable id, e.g. load/grpc/server/GetUser/small/closed/c4x8" }),
  arm: ArmId,
  protocol: Protocol,
  server: Type.String({ description: "server arm from the registry (the same as arm)" }),
  driver: Type.String({ description: "e.g. h2-frames, autocannon, grpc-js, undici" }),
  view: LoadView,
  call: Type.String({ description: "RPC name from proto/, e.g. GetUser; with --config, the call's name from the config" }),
  payload: LoadPayload,
  mode: LoadMode,
  connections: Type.Integer({ minimum: 1 }),
  concurrency: Type.Integer({ minimum: 1, description: "total in-flight calls, equal for every arm of a scenario" }),
  streamsPerConnection: Type.Union([Type.Integer(), Type.Null()], { description: "HTTP/2 arms only" }),
  pipelining: Type.Integer({ minimum: 1, description: "HTTP/1.1 pipelining depth; 1 = off" }),
  targetRps: Type.Union([Type.Number(), Type.Null()], { description: "open loop only: requested rate" }),
  warmupS: Type.Number(),
  durationS: Type.Number(),
  target: Type.String({ description: "host:port or URL that was loaded" }),
  serverPinnedCpus: Type.Union([Type.String(), Type.Null()], { description: "taskset CPU list, null when not pinned" }),
  clientPinnedCpus: Type.Union([Type.String(), Type.Null()]),
});
export type LoadConfig = Static<typeof LoadConfig>;

/** Open loop only: how the fixed-rate schedule was kept. */
export const OpenLoopStats = Type.Object(
  {
    scheduled: Type.Integer({ minimum: 0, description: "calls that fell due over the whole run, warm-up included" }),
    queued: Type.Integer({ minimum: 0, description: "due calls that waited for a free connection/stream (their wait is in the latency)" }),
    dropped: Type.Integer({ minimum: 0, description: "due calls dropped because the backlog was full (errors: backlog-overflow)" }),
    sendLagMeanMs: Type.Number({ description: "mean (actual send − intended send): timer resolution and queueing; negative when calls went out up to 0.5 ms early" }),
    sendLagMaxMs: Type.Number(),
    backlogAtStop: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          "due calls still waiting for a free slot when the loop stopped (end of the last window, give or take the few ms its edge takes): " +
          "never sent, so in no window's figures; under overload these are the longest waits, so the last window's tail latency is understated",
      }),
    ),
    backlogAtStopOldestWaitMs: Type.Optional(
      Type.Union([Type.Number(), Type.Null()], { description: "how long the oldest of those had waited at stop: a lower bound on its latency" }),
    ),
  },
  { description: "latency is measured from the intended send time; sendLag shows how late the sends actually were" },
);
export type OpenLoopStats = Static<typeof OpenLoopStats>;

export const LoadResult = Type.Composite([
  LoadConfig,
  Measurement,
  Type.Object({
    repetitions: Type.Array(Measurement, { description: "every repetition's own figures, in run order" }),
    coordinatedOmissionCorrected: Type.Boolean({ description: "open loop: latency measured from the intended send time" }),
    aggregation: Type.Optional(
      Type.String({
        description:
          "how the top-level figures combine the repetitions: histogram/latency merged, requests/errors/durationS summed, " +
          "throughput and CPU per call the median of the repetitions, wire bytes per call total/total, peak RSS the max, driverSaturated any",
      }),
    ),
    openLoop: Type.Optional(OpenLoopStats),
    notes: Type.Optional(Type.Array(Type.String(), { description: "scenario-specific caveats (saturated driver, unpinned CPUs…)" })),
  }),
]);
export type LoadResult = Static<typeof LoadResult>;
