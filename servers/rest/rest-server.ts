// The REST arm: express 5 on node:http (HTTP/1.1), canonical proto3 JSON, plus the WebSocket chat echo.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createShopHandlers } from "../handlers/shop-handlers.js";
import { ListenError, SERVER_DEFAULTS, type RunningServer, type ServerArm, type ServerOptions } from "../server-arm.js";
import { attachChat } from "./chat-websocket.js";
import { restApp } from "./rest-app.js";

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      const why =
        err.code === "EADDRINUSE"
          ? `port ${port} on ${host} is already in use`
          : `cannot listen on ${host}:${port} (${err.code ?? err.message})`;
      reject(new ListenError(why));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function start(options: ServerOptions): Promise<RunningServer> {
  const handlers = createShopHandlers({ seed: options.seed, userCount: options.userCount });
  const maxRequestBytes = options.maxRequestBytes ?? SERVER_DEFAULTS.maxRequestBytes;
  const app = restApp(handlers, {
    maxRequestBytes,
    maxDelayMs: options.maxDelayMs ?? SERVER_DEFAULTS.maxDelayMs,
    compression: options.compression ?? SERVER_DEFAULTS.compression,
  });
  const server = createServer(app);
  // grpc-js keeps an idle HTTP/2 connection open indefinitely; node:http would drop an idle keep-alive socket
  // after 5 s and make the next benchmark phase pay for a reconnect the gRPC side never pays.
  server.keepAliveTimeout = 0;
  const port = await listen(server, options.host, options.port);
  // After listen: ws re-emits the HTTP server's errors, and a failed listen is already reported above.
  const wss = attachChat(server, handlers, maxRequestBytes);
  let closing: Promise<void> | null = null;
  return {
    arm: "rest",
    host: options.host,
    port,
    caveats: [],
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Calls in flight get a moment; then every connection goes, as grpc-js's forceShutdown does.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  };
}

export const restArm: ServerArm = {
  name: "rest",
  protocol: "rest",
  describe: "express 5 over node:http (HTTP/1.1), proto3 canonical JSON, NDJSON streaming, WebSocket chat",
  start,
};
