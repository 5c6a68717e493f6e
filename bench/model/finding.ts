import { Type, type Static } from "@sinclair/typebox";

/** A statement computed from the measurements, never written by hand. */
export const Finding = Type.Object({
  id: Type.String(),
  statement: Type.String(),
  metric: Type.String(),
  ratio: Type.Union([Type.Number(), Type.Null()], { description: "gRPC / REST (or as the statement says)" }),
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  verdict: Type.String({ description: "e.g. grpc-better, rest-better, no-significant-difference, supported, not-supported, depends" }),
  caveats: Type.Array(Type.String()),
});
export type Finding = Static<typeof Finding>;
