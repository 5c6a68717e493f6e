// REST on fastify 5: the rest arm's routes, status codes and bytes on the REST framework many Node teams pick
// over express, so the gap between the two (and to rest-node) is what each framework costs.
import type { ServerArm } from "../server-arm.js";

export const arm: ServerArm = {
  id: "rest-fastify",
  label: "REST (fastify)",
  api: "rest",
  wire: "json",
  transport: "http/1.1",
  framework: "fastify",
  description: "The rest arm's routes, canonical JSON bytes, NDJSON stream and WebSocket chat on fastify 5 over node:http (HTTP/1.1).",
  default: true,
  start: async (options) => (await import("../rest-fastify/rest-fastify-server.js")).startRestFastify(options, "rest-fastify"),
};
