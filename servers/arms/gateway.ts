// A REST gateway in front of the grpc arm, as grpc-gateway or Envoy's transcoder deploy one: REST/JSON routes
// derived from shop.proto's google.api.http annotations, each call forwarded over one HTTP/2 channel. It sends
// rest's bytes, so gateway vs rest is what the gateway hop costs against a REST server that does the work itself.
import type { ServerArm } from "../server-arm.js";

export const arm: ServerArm = {
  id: "gateway",
  label: "REST gateway → gRPC",
  api: "rest",
  wire: "json",
  transport: "http/1.1",
  framework: "node:http + grpc-js",
  description:
    "REST/JSON on node:http with routes from the google.api.http annotations, each call transcoded and forwarded over one HTTP/2 " +
    "channel to the grpc arm (its own child process unless --upstream names one; both processes' CPU and memory are the server's); rest's bytes on the wire.",
  default: true,
  // The annotated unary calls: a transcoder's server stream is not rest's NDJSON, and Upload and Chat have no annotation.
  calls: ["GetUser", "ListUsers", "CreateUser", "UpdateUser", "DeleteUser", "ListOrders"],
  start: async (options) => (await import("../gateway/gateway-server.js")).startGateway(options, "gateway"),
};
