// The REST arm on raw node:http (HTTP/1.1), no framework: the same routes, handlers, canonical JSON bytes and
// WebSocket chat as the express arm, on the same node:http server setup (rest/rest-http-server.ts).
import { createShopHandlers } from "../handlers/shop-handlers.js";
import { serveRestHttp } from "../rest/rest-http-server.js";
import { SERVER_DEFAULTS, type RunningServer, type ServerOptions } from "../server-arm.js";
import { restNodeApp } from "./rest-node-app.js";

/** `arm` is the id RunningServer.arm reports (another arm may serve with this implementation, e.g. a test fixture). */
export async function startRestNode(options: ServerOptions, arm = "rest-node"): Promise<RunningServer> {
  const handlers = createShopHandlers({ seed: options.seed, userCount: options.userCount });
  const maxRequestBytes = options.maxRequestBytes ?? SERVER_DEFAULTS.maxRequestBytes;
  const listener = restNodeApp(handlers, {
    maxRequestBytes,
    maxDelayMs: options.maxDelayMs ?? SERVER_DEFAULTS.maxDelayMs,
    compression: options.compression ?? SERVER_DEFAULTS.compression,
  });
  return serveRestHttp({ arm, host: options.host, port: options.port, handlers, maxRequestBytes, listener });
}
