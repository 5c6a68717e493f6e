// gRPC on @grpc/grpc-js: HTTP/2 cleartext, protobuf via the generated static codecs, plus grpc.health.v1.
import type { ServerArm } from "../server-arm.js";

export const arm: ServerArm = {
  id: "grpc",
  label: "gRPC (grpc-js)",
  api: "grpc",
  wire: "protobuf",
  transport: "h2c",
  framework: "grpc-js",
  description: "@grpc/grpc-js over cleartext HTTP/2, protobuf through the generated static codecs, with grpc.health.v1.",
  default: true,
  start: async (options) => (await import("../grpc/grpc-server.js")).startGrpcJs(options),
};
