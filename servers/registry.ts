// Every server arm, by name. Adding an arm is one file exporting a ServerArm plus one line here.
import { grpcArm } from "./grpc/grpc-server.js";
import { restArm } from "./rest/rest-server.js";
import type { ServerArm } from "./server-arm.js";

/** Looked up by any name (CLI, harness config); grpc and rest are always there, so `SERVER_ARMS.grpc` needs no check. */
export const SERVER_ARMS: Readonly<Record<string, ServerArm> & Record<"grpc" | "rest", ServerArm>> = {
  grpc: grpcArm,
  rest: restArm,
};
