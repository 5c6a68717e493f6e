// The protobuf-h1 arm: protobuf bodies on rest-node's node:http server setup (rest/rest-http-server.ts: keep-alive,
// limits, close()), without the WebSocket chat, which it does not serve.
import { restArmSetup, serveRestHttp } from "../rest/rest-http-server.js";
import type { RunningServer, ServerOptions } from "../server-arm.js";
import { protobufH1App } from "./protobuf-h1-app.js";

export async function startProtobufH1(options: ServerOptions, arm = "protobuf-h1"): Promise<RunningServer> {
  const { handlers, app } = restArmSetup(options);
  return serveRestHttp({ arm, host: options.host, port: options.port, token: options.token, tls: options.tls, handlers, maxRequestBytes: app.maxRequestBytes, listener: protobufH1App(handlers, app), chat: false });
}
