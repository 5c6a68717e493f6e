// The node:http server under every HTTP/1.1 REST arm: listen (a user-fixable failure is a ListenError), the
// WebSocket chat on the same server (unless the arm does not serve Chat), keep-alive as gRPC has it, and close()
// as grpc-js shuts down. The arms differ only in the request listener they pass in. With ServerOptions.tls it is
// node:https with the same settings (ALPN "http/1.1"; the chat is then wss on the same port). The monitor
// (GET /v1/monitor) and the count of calls served sit here, in front of every arm's listener, behind the token check.
import { createServer, type RequestListener, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { bearerCheck } from "../handlers/bearer-token.js";
import { createShopHandlers, type ShopHandlers } from "../handlers/shop-handlers.js";
import { listen } from "../listen.js";
import { withMonitor } from "../monitor/http-monitor.js";
import { ServerMonitor } from "../monitor/server-monitor.js";
import { SERVER_DEFAULTS, type RunningServer, type ServerOptions, type ServerTlsMaterial, type UpstreamProcess } from "../server-arm.js";
import { dropFailedHandshakes, HTTP1_ALPN, serverTlsOptions } from "../tls/server-tls.js";
import { attachChat } from "./chat-websocket.js";
import { bearerUpgrade, requireBearer } from "./rest-bearer.js";

export interface RestHttpServerConfig {
  /** the arm id RunningServer.arm reports */
  arm: string;
  host: string;
  port: number;
  /** the dataset the WebSocket chat echoes with; absent: no chat (the gateway has no dataset of its own) */
  handlers?: ShopHandlers;
  /** the WebSocket frame limit (the request limit of every other call) */
  maxRequestBytes: number;
  listener: RequestListener;
  /** the WebSocket chat at /v1/chat; default true (an arm that does not serve Chat leaves it off) */
  chat?: boolean;
  /** ServerOptions.token: every request and the chat upgrade must carry it (rest-bearer.ts); absent, nothing is checked */
  token?: string;
  /** ServerOptions.tls: serve HTTPS with this certificate; absent, cleartext HTTP */
  tls?: ServerTlsMaterial;
  /** the process this server serves every call through (the gateway's own grpc arm): the monitor adds its usage in */
  upstream?: UpstreamProcess;
}

/** What every REST arm's application is built with, from the same ServerOptions and defaults. */
export interface RestAppOptions {
  maxRequestBytes: number;
  maxDelayMs: number;
  compression: boolean;
}

/** The resolved options every REST arm's application starts from, so no arm can default one differently. */
export function restAppOptions(options: ServerOptions): RestAppOptions {
  return {
    maxRequestBytes: options.maxRequestBytes ?? SERVER_DEFAULTS.maxRequestBytes,
    maxDelayMs: options.maxDelayMs ?? SERVER_DEFAULTS.maxDelayMs,
    compression: options.compression ?? SERVER_DEFAULTS.compression,
  };
}

/** The dataset and the resolved options every REST arm starts from. */
export function restArmSetup(options: ServerOptions): { handlers: ShopHandlers; app: RestAppOptions } {
  return { handlers: createShopHandlers({ seed: options.seed, userCount: options.userCount }), app: restAppOptions(options) };
}

/** node:https's server is node:http's (the same request handling, keep-alive and close calls) behind TLS. */
function httpServer(listener: RequestListener, tls: ServerTlsMaterial | undefined): Server {
  if (tls === undefined) return createServer(listener);
  const server = createHttpsServer(serverTlsOptions(tls, HTTP1_ALPN), listener);
  dropFailedHandshakes(server);
  return server;
}

export async function serveRestHttp(config: RestHttpServerConfig): Promise<RunningServer> {
  const check = config.token !== undefined ? bearerCheck(config.token) : null;
  const monitor = new ServerMonitor(config.arm, config.upstream);
  const listener = withMonitor(config.listener, monitor);
  const server = httpServer(check === null ? listener : requireBearer(listener, check), config.tls);
  // grpc-js keeps an idle HTTP/2 connection open indefinitely; node:http would drop an idle keep-alive socket
  // after 5 s and make the next benchmark phase pay for a reconnect the gRPC side never pays.
  server.keepAliveTimeout = 0;
  const port = await listen(server, config.host, config.port);
  // After listen: ws re-emits the HTTP server's errors, and a failed listen is already reported above.
  const wss = config.chat === false || config.handlers === undefined ? null : attachChat(server, config.handlers, config.maxRequestBytes, check === null ? undefined : bearerUpgrade(check));
  // One WebSocket chat is one Chat call, as gRPC's bidi stream is one call.
  wss?.on("connection", () => monitor.calls.count++);
  let closing: Promise<void> | null = null;
  return {
    arm: config.arm,
    host: config.host,
    port,
    caveats: [],
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (wss !== null) {
          for (const client of wss.clients) client.terminate();
          wss.close();
        }
        server.close(() => resolve());
        server.closeIdleConnections();
        // Calls in flight get a moment; then every connection goes, as grpc-js's forceShutdown does.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  };
}
