// The REST arm on fastify 5 (HTTP/1.1): the same routes, handlers, canonical JSON bytes and WebSocket chat as
// the express arm, on the same node:http server setup (rest/rest-http-server.ts). fastify serves through its
// documented `routing` handler on that server instead of creating and listening on its own.
import { restArmSetup, serveRestHttp } from "../rest/rest-http-server.js";
import type { RunningServer, ServerOptions } from "../server-arm.js";
import { restFastifyApp } from "./rest-fastify-app.js";

/** `arm` is the id RunningServer.arm reports (another arm may serve with this implementation, e.g. a test fixture). */
export async function startRestFastify(options: ServerOptions, arm = "rest-fastify"): Promise<RunningServer> {
  const setup = restArmSetup(options);
  const { handlers } = setup;
  const maxRequestBytes = setup.app.maxRequestBytes;
  const { app, listener } = restFastifyApp(handlers, setup.app);
  await app.ready(); // routes registered and the router built before the first request can arrive
  let server: RunningServer;
  try {
    server = await serveRestHttp({ arm, host: options.host, port: options.port, token: options.token, tls: options.tls, handlers, maxRequestBytes, listener });
  } catch (err) {
    await app.close();
    throw err;
  }
  let closing: Promise<void> | null = null;
  return {
    arm: server.arm,
    host: server.host,
    port: server.port,
    caveats: server.caveats,
    close() {
      // The HTTP server first (calls in flight finish, then every connection goes), then fastify's onClose hooks.
      closing ??= server.close().then(() => app.close());
      return closing;
    },
  };
}
