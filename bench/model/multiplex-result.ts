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
      Type.Object({ slowDelayMs: Type.Number(), slowFraction: Type.Number(), fastP99Ms: Type.Number(), slowP99Ms: Type.Number() }),
    ),
  },
  { additionalProperties: true },
);
export type MultiplexResult = Static<typeof MultiplexResult>;
