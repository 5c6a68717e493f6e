// The REST arm on raw node:http (HTTP/1.1), no framework: the same routes, handlers, canonical JSON bytes and
// WebSocket chat as the express arm, on the same node:http server setup (rest/rest-http-server.ts).
import { restArmSetup, serveRestHttp } from "../rest/rest-http-server.js";
import type { RunningServer, ServerOptions } from "../server-arm.js";
import { restNodeApp } from "./rest-node-app.js";

/** `arm` is the id RunningServer.arm reports (another arm may serve with this implementation, e.g. a test fixture). */
export async function startRestNode(options: ServerOptions, arm = "rest-node"): Promise<RunningServer> {
  const { handlers, app } = restArmSetup(options);
  return serveRestHttp({ arm, host: options.host, port: options.port, token: options.token, tls: options.tls, handlers, maxRequestBytes: app.maxRequestBytes, listener: restNodeApp(handlers, app) });
}
