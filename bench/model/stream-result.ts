import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";
import { EngineMeasurement, Protocol } from "./measurement.js";

/** One streaming configuration; every run verifies count and checksum so a fast wrong answer cannot win. */
export const StreamResult = Type.Object(
  {
    kind: Type.Union([Type.Literal("server-stream"), Type.Literal("client-stream"), Type.Literal("bidi")]),
    configuration: Type.String({ description: "e.g. grpc-StreamOrders, rest-ndjson, rest-json-array, rest-pagination, grpc-Upload, rest-upload, grpc-Chat, rest-websocket" }),
    arm: ArmId,
    protocol: Protocol,
    items: Type.Integer({ description: "orders, bytes, or messages, per kind" }),
    inFlight: Type.Integer({ minimum: 1 }),
    verified: Type.Boolean({ description: "item count and checksum matched the expected values" }),
    timeToFirstItemMs: Type.Union([Type.Number(), Type.Null()]),
    timeToLastItemMs: Type.Union([Type.Number(), Type.Null()]),
    itemsPerSec: Type.Union([Type.Number(), Type.Null()]),
    roundTripMs: Type.Optional(Type.Object({ p50: Type.Number(), p99: Type.Number() })),
    clientPeakRssMb: Type.Union([Type.Number(), Type.Null()]),
    serverPeakRssMb: Type.Union([Type.Number(), Type.Null()]),
    wireBytes: Type.Union([Type.Object({ request: Type.Number(), response: Type.Number() }), Type.Null()]),
    repetitions: Type.Integer(),
    endReason: Type.String({ description: "completed | failed | aborted | timeout | not-applicable (the configuration cannot serve this size; figures are null)" }),
    driver: Type.Optional(Type.String({ description: "client library and shape that carried the case" })),
    note: Type.Optional(Type.String({ description: "how to read this entry (emulations, caps, why an equivalent was chosen)" })),
    failure: Type.Optional(Type.String({ description: "why the case failed or was not verified" })),
    clientRssStartMb: Type.Optional(Type.Union([Type.Number(), Type.Null()], { description: "client RSS when the measured window opened; peak minus start is what the case added" })),
    serverRssStartMb: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    serverCpuMs: Type.Optional(Type.Union([Type.Number(), Type.Null()], { description: "server process user+system CPU over one measured repetition (median)" })),
    chunkBytes: Type.Optional(Type.Integer({ description: "client-stream chunk size" })),
    measurement: Type.Union([EngineMeasurement, Type.Null()], {
      description:
        "the repetitions as the load engine's result shape: one window per repetition (one fetch, upload or chat run), latency = its time to the last item " +
        "(chat: every round trip), so compare and the writers read stream figures as they read load figures; null when nothing was measured",
    }),
    requestsPerFetch: Type.Optional(Type.Integer({ description: "requests one fetch of all items took (pagination: one per page)" })),
  },
  { additionalProperties: true },
);
export type StreamResult = Static<typeof StreamResult>;
