// The figures common to every measured window, whatever driver produced them (Fortio's RunnerResults):
// protocol-specific results embed these. A window that failed says so in endReason and can never
// look fast: its figures are whatever was measured before the failure, and `failure` says why.
import { Type, type Static } from "@sinclair/typebox";

export const EndReason = Type.Union([Type.Literal("completed"), Type.Literal("timeout"), Type.Literal("aborted"), Type.Literal("failed")], {
  description: "completed: ran its planned duration/count; timeout: stopped by a deadline; aborted: Ctrl-C or a signal; failed: the target or driver broke",
});
export type EndReason = Static<typeof EndReason>;

/** The arm's api (ArmApi), kept under its version-1 name: the entry's `arm` says which stack exactly. */
export const Protocol = Type.Union([Type.Literal("grpc"), Type.Literal("rest")], { description: "api of the arm (arms[].api)" });
export type Protocol = Static<typeof Protocol>;

export const PayloadClass = Type.Union([Type.Literal("small"), Type.Literal("medium"), Type.Literal("large"), Type.Literal("xlarge")]);
export type PayloadClass = Static<typeof PayloadClass>;

export const LatencySummaryMs = Type.Object(
  {
    p50: Type.Number(),
    p90: Type.Number(),
    p99: Type.Number(),
    p999: Type.Number(),
    max: Type.Number(),
    mean: Type.Number(),
  },
  { description: "Latency percentiles in milliseconds, read from the HDR histogram" },
);
export type LatencySummaryMs = Static<typeof LatencySummaryMs>;

export const ErrorCounts = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    byCode: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
      description: "gRPC status name (NOT_FOUND…), HTTP status as a string (\"404\"), or a transport condition (timeout, reset, refused)",
    }),
  },
);
export type ErrorCounts = Static<typeof ErrorCounts>;

export const EncodedHistogram = Type.Object(
  {
    unit: Type.Literal("us"),
    encoding: Type.Literal("hdr-compressed-base64"),
    lowest: Type.Integer(),
    highest: Type.Integer(),
    significantDigits: Type.Integer(),
    data: Type.String({ description: "hdr-histogram-js encodeIntoCompressedBase64(); decode and add to merge windows" }),
  },
  { description: "Latency HDR histogram in microseconds, mergeable across repetitions and workers" },
);
export type EncodedHistogram = Static<typeof EncodedHistogram>;

export const BytesPerCall = Type.Object(
  {
    request: Type.Number({ description: "bytes client → server per call, headers and framing included" }),
    response: Type.Number({ description: "bytes server → client per call, headers and framing included" }),
  },
);
export type BytesPerCall = Static<typeof BytesPerCall>;

export const PeakRssScope = Type.Union([Type.Literal("window"), Type.Literal("window-sampled"), Type.Literal("process-lifetime")], {
  description:
    "window: the peak within this measured window (Linux VmHWM reset at its start); window-sampled: the highest RSS a remote " +
    "server's monitor reported during the window (a sample every 100 ms or so, so a shorter spike can be missed); " +
    "process-lifetime: no reset was permitted, so the figure is the process's peak since it started (maxRSS) and may include earlier scenarios",
});
export type PeakRssScope = Static<typeof PeakRssScope>;

export const ServerMetricsSource = Type.Union([Type.Literal("process"), Type.Literal("monitor"), Type.Literal("not-measured")], {
  description:
    "where the server CPU and memory figures came from: process: a server process the harness started (its CPU time over IPC, " +
    "its RSS from /proc); monitor: a remote target's monitor endpoint over the wire (gRPC Monitor/Watch or GET /v1/monitor), " +
    "the remote process as a whole; not-measured: neither (serverMetricsNote says why)",
});
export type ServerMetricsSource = Static<typeof ServerMetricsSource>;

const StealFraction = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

export const CpuSteal = Type.Object(
  {
    server: StealFraction,
    client: StealFraction,
  },
  {
    description:
      "the fraction (0–1) of the server's and of the load generator's CPUs' time the hypervisor gave to other guests during the window " +
      "(steal, /proc/stat, read at the window's edges): the CPUs each process may run on (its pinned CPU when pinned), else every CPU. " +
      "null where it cannot be read (no /proc/stat) and, for the server, when it is not a process on this host. Aggregates: the max over repetitions",
  },
);
export type CpuSteal = Static<typeof CpuSteal>;

/** One load-generator process's own share of a window measured by several (--workers N), before merging. */
export const WorkerShare = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  pinnedCpu: Type.Union([Type.String(), Type.Null()], { description: "the CPU the worker process was pinned to (taskset list); null when not pinned" }),
  connections: Type.Integer({ minimum: 1, description: "the worker's share of the scenario's connections" }),
  concurrency: Type.Integer({ minimum: 1, description: "the worker's share of the in-flight calls" }),
  targetRps: Type.Union([Type.Number(), Type.Null()], { description: "open loop: the worker's share of the rate" }),
  requests: Type.Integer({ minimum: 0 }),
  errors: Type.Integer({ minimum: 0 }),
  throughputRps: Type.Number(),
  clientCpuUtilization: Type.Union([Type.Number(), Type.Null()], { description: "the worker's CPU time / wall time (1 = one full core)" }),
  driverSaturated: Type.Boolean(),
  endReason: EndReason,
});
export type WorkerShare = Static<typeof WorkerShare>;

/** One measured window (one repetition). */
export const Measurement = Type.Object({
  endReason: EndReason,
  failure: Type.Optional(Type.String({ description: "why the window ended early, when endReason is not completed" })),
  startedAt: Type.String({ format: "date-time" }),
  round: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: "the interleaved round the window was measured in: windows of two arms with the same round ran side by side (ABBA order), and the paired arm ratios pair them by it",
    }),
  ),
  durationS: Type.Number({ description: "measured window, warm-up excluded" }),
  requests: Type.Integer({ minimum: 0, description: "calls that completed, successfully or not" }),
  errors: ErrorCounts,
  throughputRps: Type.Number({ description: "successful calls per second over the measured window" }),
  latencyMs: LatencySummaryMs,
  histogram: EncodedHistogram,
  wireBytesPerCall: Type.Union([BytesPerCall, Type.Null()], { description: "counted at the socket; null when the driver cannot see the socket" }),
  serverCpuUsPerCall: Type.Union([Type.Number(), Type.Null()], {
    description: "server process user+system CPU µs over the window / completed calls; null when not measured (serverMetrics says why)",
  }),
  clientCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
  serverPeakRssMb: Type.Union([Type.Number(), Type.Null()]),
  clientPeakRssMb: Type.Union([Type.Number(), Type.Null()]),
  serverPeakRssScope: Type.Optional(PeakRssScope),
  clientPeakRssScope: Type.Optional(PeakRssScope),
  serverMetrics: Type.Optional(ServerMetricsSource),
  serverMetricsNote: Type.Optional(
    Type.String({ description: "why the server figures are not measured, or what a monitor's figures cover (the whole remote process, other work included)" }),
  ),
  serverCallsServed: Type.Optional(
    Type.Integer({ minimum: 0, description: "monitor only: the calls the remote server says it started over the window, from every client (ours are `requests`)" }),
  ),
  clientCpuUtilization: Type.Union([Type.Number(), Type.Null()], { description: "load generator CPU time / wall time over the window (1 = one full core)" }),
  driverSaturated: Type.Boolean({ description: "the load generator used ≥ 90% of its core: throughput is a lower bound on server capacity" }),
  cpuSteal: Type.Optional(CpuSteal),
  heavySteal: Type.Optional(
    Type.Boolean({
      description:
        "either cpuSteal fraction exceeded the heavy-steal threshold (bench/cpu/cpu-steal.ts HEAVY_STEAL, 0.05): the window measured the host " +
        "as much as the server; flagged, and the paired arm ratios leave it out. Aggregates: any repetition",
    }),
  ),
  workerOverlap: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: 1,
      description: "--workers N: the share of the longest worker window during which every worker's window was open (1: they coincided). Aggregates: the min of repetitions",
    }),
  ),
  workers: Type.Optional(
    Type.Array(WorkerShare, {
      description:
        "--workers N: each load-generator process's own figures (the window's are their exact merge). Aggregates: per worker, requests and " +
        "errors summed, throughput and CPU utilization the median of repetitions, driverSaturated any",
    }),
  ),
});
export type Measurement = Static<typeof Measurement>;

/** A measurement and every repetition it aggregates: what the load engine returns, whichever family drives it. */
export const EngineMeasurement = Type.Composite([
  Measurement,
  Type.Object({ repetitions: Type.Array(Measurement, { description: "every repetition's own figures, in run order" }) }),
]);
export type EngineMeasurement = Static<typeof EngineMeasurement>;
