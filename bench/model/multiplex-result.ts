// One way of carrying N in-flight calls, run by the load engine: the configuration, then the same measurement
// (aggregate, every repetition, HDR histogram) a load entry has, so compare and the writers treat both alike.
import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";
import { EngineMeasurement, Protocol } from "./measurement.js";

export const MultiplexConfig = Type.Object({
  configuration: Type.String({ description: "connection pattern: grpc-1conn, grpc-kconn, rest-keepalive, rest-pool4, rest-no-keepalive, hol-…" }),
  arm: ArmId,
  protocol: Protocol,
  call: Type.String(),
  inFlight: Type.Integer({ minimum: 1, description: "equal for every configuration compared" }),
  connections: Type.Integer(),
  streamsPerConnection: Type.Union([Type.Integer(), Type.Null()]),
  keepAlive: Type.Boolean(),
  driver: Type.String({ description: "h2-frames / h1-lean (server view) or grpc-js / undici (end-to-end view)" }),
  view: Type.Union([Type.Literal("server"), Type.Literal("end-to-end")]),
  note: Type.String(),
  targetRps: Type.Union([Type.Number(), Type.Null()], { description: "open-loop arrival rate (head-of-line runs); null for closed loops" }),
});
export type MultiplexConfig = Static<typeof MultiplexConfig>;

export const MultiplexResult = Type.Composite([
  MultiplexConfig,
  EngineMeasurement,
  Type.Object({
    connectionsOpened: Type.Integer({ description: "every connection the client opened, the ones opened up front included" }),
    connectionsOpenedMeasured: Type.Integer({ description: "connections opened inside the measured windows" }),
    connectionsPerCall: Type.Number({ description: "connectionsOpenedMeasured / requests" }),
    headOfLine: Type.Optional(
      Type.Object({
        slowDelayMs: Type.Number(),
        slowFraction: Type.Number(),
        fastP50Ms: Type.Number(),
        fastP99Ms: Type.Number(),
        slowP50Ms: Type.Number(),
        slowP99Ms: Type.Number(),
        fastCalls: Type.Integer({ description: "fast calls measured" }),
        slowCalls: Type.Integer({ description: "slow (delayed) calls measured" }),
      }),
    ),
    noKeepAliveExtra: Type.Optional(
      Type.Object(
        {
          versus: Type.String({ description: "the keep-alive configuration of the same arm at the same inFlight" }),
          serverCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
          clientCpuUsPerCall: Type.Union([Type.Number(), Type.Null()]),
          latencyP50Us: Type.Number(),
          latencyP99Us: Type.Number(),
          connectionsPerCall: Type.Number(),
        },
        { description: "what a new TCP connection per call costs over keep-alive, per call" },
      ),
    ),
  }),
]);
export type MultiplexResult = Static<typeof MultiplexResult>;

