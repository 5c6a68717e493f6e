// The REST arm on express 5: node:http (HTTP/1.1), canonical proto3 JSON, plus the WebSocket chat echo.
import { createShopHandlers } from "../handlers/shop-handlers.js";
import { SERVER_DEFAULTS, type RunningServer, type ServerOptions } from "../server-arm.js";
import { restApp } from "./rest-app.js";
import { serveRestHttp } from "./rest-http-server.js";

export async function startRestExpress(options: ServerOptions, arm = "rest"): Promise<RunningServer> {
  const handlers = createShopHandlers({ seed: options.seed, userCount: options.userCount });
  const maxRequestBytes = options.maxRequestBytes ?? SERVER_DEFAULTS.maxRequestBytes;
  const app = restApp(handlers, {
    maxRequestBytes,
    maxDelayMs: options.maxDelayMs ?? SERVER_DEFAULTS.maxDelayMs,
    compression: options.compression ?? SERVER_DEFAULTS.compression,
  });
  return serveRestHttp({ arm, host: options.host, port: options.port, handlers, maxRequestBytes, listener: app });
}
