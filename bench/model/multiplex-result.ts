import { Type, type Static } from "@sinclair/typebox";
import { Protocol } from "./measurement.js";

/** One way of carrying N in-flight calls: connections × streams, keep-alive or not, with or without slow calls mixed in. */
export const MultiplexResult = Type.Object(
  {
    configuration: Type.String({ description: "e.g. grpc-1conn, grpc-kconn, rest-keepalive, rest-pool4, rest-no-keepalive" }),
    protocol: Protocol,
    call: Type.String(),
    inFlight: Type.Integer({ minimum: 1, description: "equal for every configuration compared" }),
    connections: Type.Integer(),
    streamsPerConnection: Type.Union([Type.Integer(), Type.Null()]),
    keepAlive: Type.Boolean(),
    connectionsOpened: Type.Integer(),
    connectionsPerCall: Type.Number(),
    requests: Type.Integer(),
    errors: Type.Integer(),
    throughputRps: Type.Number(),
    latencyMs: Type.Object({ p50: Type.Number(), p99: Type.Number() }),
    serverCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
    headOfLine: Type.Optional(
      Type.Object({
        slowDelayMs: Type.Number(),
        slowFraction: Type.Number(),
        fastP99Ms: Type.Number(),
        slowP99Ms: Type.Number(),
        fastP50Ms: Type.Optional(Type.Number()),
        slowP50Ms: Type.Optional(Type.Number()),
        fastCalls: Type.Optional(Type.Integer({ description: "fast calls measured" })),
        slowCalls: Type.Optional(Type.Integer({ description: "slow (delayed) calls measured" })),
      }),
    ),
    driver: Type.Optional(Type.String({ description: "h2-frames / h1-lean (server view) or grpc-js / undici (end-to-end view)" })),
    view: Type.Optional(Type.Union([Type.Literal("server"), Type.Literal("end-to-end")])),
    durationS: Type.Optional(Type.Number({ description: "measured time, warm-up excluded, all repetitions" })),
    repetitions: Type.Optional(Type.Integer()),
    endReason: Type.Optional(Type.String({ description: "completed | failed | aborted | timeout" })),
    failure: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
    errorsByCode: Type.Optional(Type.Record(Type.String(), Type.Integer())),
    latencyP90Ms: Type.Optional(Type.Number()),
    connectionsOpenedMeasured: Type.Optional(
      Type.Integer({ description: "connections opened inside the measured windows (connectionsOpened also counts the ones opened up front)" }),
    ),
    clientCpuUsPerCall: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    targetRps: Type.Optional(Type.Number({ description: "open-loop arrival rate (head-of-line runs); absent for closed loops" })),
    driverSaturated: Type.Optional(Type.Boolean({ description: "the load generator used >= 90% of its core: throughput is a lower bound" })),
    wireBytesPerCall: Type.Optional(Type.Union([Type.Object({ request: Type.Number(), response: Type.Number() }), Type.Null()])),
    noKeepAliveExtra: Type.Optional(
      Type.Object(
        {
          versus: Type.String({ description: "the keep-alive configuration at the same inFlight" }),
          serverCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
          clientCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
          latencyP50Us: Type.Number(),
          latencyP99Us: Type.Number(),
          connectionsPerCall: Type.Number(),
        },
        { description: "what a new TCP connection per call costs over keep-alive, per call" },
      ),
    ),
  },
  { additionalProperties: true },
);
export type MultiplexResult = Static<typeof MultiplexResult>;
