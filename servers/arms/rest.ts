// REST on express 5: HTTP/1.1, proto3 canonical JSON, NDJSON streaming, WebSocket chat.
import type { ServerArm } from "../server-arm.js";

export const arm: ServerArm = {
  id: "rest",
  label: "REST (express)",
  api: "rest",
  wire: "json",
  transport: "http/1.1",
  framework: "express",
  description: "express 5 over node:http (HTTP/1.1), proto3 canonical JSON, NDJSON streaming and a WebSocket chat.",
  default: true,
  start: async (options) => (await import("../rest/rest-server.js")).startRestExpress(options, "rest"),
};
