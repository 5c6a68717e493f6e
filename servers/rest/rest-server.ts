// The REST arm on express 5: node:http (HTTP/1.1), canonical proto3 JSON, plus the WebSocket chat echo.
import type { RunningServer, ServerOptions } from "../server-arm.js";
import { restApp } from "./rest-app.js";
import { restArmSetup, serveRestHttp } from "./rest-http-server.js";

export async function startRestExpress(options: ServerOptions, arm = "rest"): Promise<RunningServer> {
  const { handlers, app } = restArmSetup(options);
  return serveRestHttp({ arm, host: options.host, port: options.port, token: options.token, tls: options.tls, handlers, maxRequestBytes: app.maxRequestBytes, listener: restApp(handlers, app) });
}
