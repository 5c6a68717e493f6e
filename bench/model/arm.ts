// An arm is one server stack: the unit every result names (k6's tags, not names parsed back out of strings).
// report.arms[] holds the descriptor of every arm in the run; entries carry only the id.
import { Type, type Static } from "@sinclair/typebox";

export const ArmApi = Type.Union([Type.Literal("grpc"), Type.Literal("rest")], { description: "the API style the clients speak" });
export type ArmApi = Static<typeof ArmApi>;

export const ArmWire = Type.Union([Type.Literal("protobuf"), Type.Literal("json")], { description: "the encoding of message bodies" });
export type ArmWire = Static<typeof ArmWire>;

export const ArmTransport = Type.Union([Type.Literal("http/1.1"), Type.Literal("h2c")], { description: "HTTP/1.1, or HTTP/2 over cleartext" });
export type ArmTransport = Static<typeof ArmTransport>;

export const ArmId = Type.String({ pattern: "^[a-z0-9][a-z0-9-]*$", description: "arm id from the server registry, e.g. grpc, rest, rest-node" });

export const Arm = Type.Object({
  id: ArmId,
  label: Type.String({ description: "short human label, e.g. REST (express)" }),
  api: ArmApi,
  wire: ArmWire,
  transport: ArmTransport,
  framework: Type.String({ description: "e.g. grpc-js, express, node:http" }),
  description: Type.String(),
  target: Type.Union([Type.String(), Type.Null()], { description: "the running server measured (--target), or null when the harness started its own" }),
});
export type Arm = Static<typeof Arm>;
