// gRPC without grpc-js: the gRPC wire protocol served straight from node:http2 with the generated static codecs,
// so the gap between this arm and `grpc` is what grpc-js itself costs.
import type { ServerArm } from "../server-arm.js";

export const arm: ServerArm = {
  id: "grpc-raw",
  label: "gRPC (raw node:http2)",
  api: "grpc",
  wire: "protobuf",
  transport: "h2c",
  framework: "node:http2",
  description: "The grpc arm's RPCs, status codes and bytes over cleartext HTTP/2 served straight from node:http2 with the generated static codecs, no grpc-js.",
  default: true,
  start: async (options) => (await import("../grpc-raw/grpc-raw-server.js")).startGrpcRaw(options),
};
