// REST on raw node:http with no framework: the same routes and bytes as `rest`, so the gap between the two is
// what express costs (and this arm is the most REST/JSON over HTTP/1.1 can do on Node).
import type { ServerArm } from "../server-arm.js";

export const arm: ServerArm = {
  id: "rest-node",
  label: "REST (node:http)",
  api: "rest",
  wire: "json",
  transport: "http/1.1",
  framework: "node:http",
  description: "The rest arm's routes, canonical JSON bytes, NDJSON stream and WebSocket chat on raw node:http with no framework.",
  default: true,
  start: async (options) => (await import("../rest-node/rest-node-server.js")).startRestNode(options, "rest-node"),
};
