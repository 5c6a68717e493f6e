// Every server arm, by name. Adding an arm is one file exporting a ServerArm plus one line here.
import { grpcArm } from "./grpc/grpc-server.js";
import { restArm } from "./rest/rest-server.js";
import type { ServerArm } from "./server-arm.js";

export const SERVER_ARMS: Record<string, ServerArm> = {
  grpc: grpcArm,
  rest: restArm,
};
