// REST/JSON with gRPC's transport: rest-node's routes, JSON bytes and per-request work over cleartext HTTP/2 from
// node:http2 streams, so rest-node → json-h2 is the transport step and json-h2 → grpc-raw the encoding step.
import type { RpcName } from "../shop-routes.js";
import type { ServerArm } from "../server-arm.js";

/** Every call but Chat: that is a WebSocket on the HTTP/1.1 arms, and HTTP/2 has no Upgrade. */
const CALLS: readonly RpcName[] = ["GetUser", "ListUsers", "CreateUser", "UpdateUser", "DeleteUser", "ListOrders", "StreamOrders", "Upload"];

export const arm: ServerArm = {
  id: "json-h2",
  label: "REST/JSON (node:http2)",
  api: "rest",
  wire: "json",
  transport: "h2c",
  framework: "node:http2",
  description: "The rest arm's routes, canonical JSON bytes and NDJSON stream over cleartext HTTP/2 (node:http2 streams, no framework), with rest-node's per-request work; no Chat (HTTP/2 has no Upgrade).",
  default: true,
  calls: CALLS,
  start: async (options) => (await import("../json-h2/json-h2-server.js")).startJsonH2(options),
};
