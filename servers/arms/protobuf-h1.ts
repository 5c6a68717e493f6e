// protobuf with REST's transport: rest-node's routes, handlers, statuses and node:http server, with the very
// message bytes gRPC sends (no 5-byte prefix) as application/x-protobuf bodies. rest-node → protobuf-h1 changes
// the encoding only; protobuf-h1 → grpc-raw changes the transport only.
import type { RpcName } from "../shop-routes.js";
import type { ServerArm } from "../server-arm.js";

/** No StreamOrders (a stream of length-delimited protobuf messages is out of scope for now) and no Chat (no WebSocket). */
const CALLS: readonly RpcName[] = ["GetUser", "ListUsers", "CreateUser", "UpdateUser", "DeleteUser", "ListOrders", "Upload"];

export const arm: ServerArm = {
  id: "protobuf-h1",
  label: "protobuf over HTTP/1.1",
  api: "rest",
  wire: "protobuf",
  transport: "http/1.1",
  framework: "node:http",
  description: "rest-node's routes, statuses and node:http server with application/x-protobuf bodies (the gRPC message bytes, unprefixed): the encoding without HTTP/2.",
  default: true,
  calls: CALLS,
  start: async (options) => (await import("../protobuf-h1/protobuf-h1-server.js")).startProtobufH1(options, "protobuf-h1"),
};
