// Where the gap between REST and gRPC comes from: a chain of arms from the baseline `rest` to `grpc`, each link
// changing one factor, so each step's ratio isolates that factor and the steps multiply to the end-to-end ratio.
import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";
import { LoadPayload } from "./load-result.js";

export const AttributionFactor = Type.Union(
  [Type.Literal("framework"), Type.Literal("transport"), Type.Literal("encoding"), Type.Literal("library")],
  {
    description:
      "framework: express → raw node:http; transport: HTTP/1.1 → HTTP/2 (JSON both sides); encoding: JSON → protobuf in gRPC framing (which also turns a bodiless GET into a POST with a length-prefixed request and a trailers frame: the protobuf-h1 side path isolates JSON → protobuf alone); library: hand-written gRPC on node:http2 → grpc-js",
  },
);
export type AttributionFactor = Static<typeof AttributionFactor>;

export const AttributionStep = Type.Object({
  factor: Type.String({ description: "the factor this step changes, or several joined with + when the arms between them were not in the run" }),
  factors: Type.Array(AttributionFactor, { minItems: 1 }),
  from: ArmId,
  to: ArmId,
  ratio: Type.Number({ description: "to / from: ratio of the geometric means of the repetitions" }),
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
});
export type AttributionStep = Static<typeof AttributionStep>;

export const AttributionSide = Type.Object({
  factor: Type.String({ description: "what differs between the two arms: framework, encoding, transport, gateway" }),
  label: Type.String({ description: "the change in words, e.g. \"express → fastify\"" }),
  from: ArmId,
  to: ArmId,
  ratio: Type.Number({ description: "to / from: ratio of the geometric means of the repetitions" }),
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
});
export type AttributionSide = Static<typeof AttributionSide>;

export const Attribution = Type.Object({
  call: Type.String(),
  payload: LoadPayload,
  scenario: Type.String({ description: "what was measured, without the arm (server view, closed loop)" }),
  metric: Type.String({ description: "field path in the result model" }),
  metricLabel: Type.String(),
  better: Type.Union([Type.Literal("lower"), Type.Literal("higher")]),
  baseline: ArmId,
  candidate: ArmId,
  ratio: Type.Number({ description: "candidate / baseline; equals the product of the steps' ratios" }),
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  steps: Type.Array(AttributionStep, { minItems: 1 }),
  sides: Type.Optional(
    Type.Array(AttributionSide, {
      description:
        "comparisons beside the chain: another framework (fastify), the other order of encoding and transport (protobuf over HTTP/1.1), and a REST gateway in front of grpc (vs rest and vs grpc); absent in reports written before side paths existed",
    }),
  ),
  missing: Type.Array(ArmId, { description: "arms of the chain this run did not measure: their factors are merged into the neighbouring step" }),
  caveats: Type.Array(Type.String()),
});
export type Attribution = Static<typeof Attribution>;
