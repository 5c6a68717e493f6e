// The raw gRPC arm: gRPC over HTTP/2 served straight from node:http2 with the generated static codecs and the
// shared handler layer, no grpc-js. Same wire behaviour as the grpc arm for clients (headers, trailers, status
// codes and texts, limits, request inflation), so grpc vs grpc-raw isolates what grpc-js itself costs.
// Per call: a Map lookup of :path, one RawCall, one static decode, the handler, one static encode written
// straight into the framed Buffer, respond + end(frame) + trailers (servers/README.md has the details).
import { listen } from "../listen.js";
import { constants, type IncomingHttpHeaders, type ServerHttp2Stream } from "node:http2";
import { createH2cServer } from "../h2c-server.js";
import { AUTHORIZATION, bearerCheck, type BearerCheck } from "../handlers/bearer-token.js";
import { createShopHandlers } from "../handlers/shop-handlers.js";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import { MONITOR_GRPC_PATH } from "../monitor/monitor-contract.js";
import { ServerMonitor } from "../monitor/server-monitor.js";
import { SERVER_DEFAULTS, type RunningServer, type ServerOptions } from "../server-arm.js";
import { RawCall, respondStatus } from "./raw-call.js";
import { healthCheckMethod, healthServiceNames, shopMethods, type RawMethod, type ServingStatus } from "./raw-methods.js";
import { watchOnStream } from "./raw-monitor-call.js";

/** What an HTTP/2 request that is not gRPC gets from grpc-js: 415 and no gRPC status. */
const UNSUPPORTED_MEDIA_TYPE = Object.freeze({ ":status": constants.HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE });

const NO_RESPONSE_COMPRESSION =
  "grpc-raw never compresses responses, like grpc-js (every frame is written with the compressed flag 0), so the two gRPC arms " +
  "stay comparable; compressed requests are accepted, so gRPC compression only applies to the client-to-server direction";

function noop(): void {}

function first(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : value?.[0];
}

/** The bearer token check from the HEADERS alone; false: refused with UNAUTHENTICATED (trailers-only), body dropped. */
function authorized(auth: BearerCheck, stream: ServerHttp2Stream, headers: IncomingHttpHeaders): boolean {
  const failure = auth(first(headers[AUTHORIZATION]));
  if (failure === null) return true;
  stream.resume(); // drop the request body
  respondStatus(stream, failure.error.code, failure.error.message);
  return false;
}

export async function startGrpcRaw(options: ServerOptions, arm = "grpc-raw"): Promise<RunningServer> {
  const handlers = createShopHandlers({ seed: options.seed, userCount: options.userCount });
  const maxRequestBytes = options.maxRequestBytes ?? SERVER_DEFAULTS.maxRequestBytes;
  const maxDelayMs = options.maxDelayMs ?? SERVER_DEFAULTS.maxDelayMs;

  const health = new Map<string, ServingStatus>(healthServiceNames().map((name) => [name, "SERVING"]));
  const methods: Map<string, RawMethod> = shopMethods(handlers);
  const healthCheck = healthCheckMethod(health);
  methods.set(healthCheck.path, healthCheck);
  // With a token, every shop.v1 call is refused from its HEADERS alone when it lacks it (the grpc arm's interceptor
  // does the same before grpc-js reads a message); health stays open, as there. No token: the header is never read.
  const auth = options.token !== undefined ? bearerCheck(options.token) : null;
  const monitor = new ServerMonitor(arm);
  const calls = monitor.calls;

  // grpc-js's session options, no idle timeout, and grpc-js's shutdown (servers/h2c-server.ts); TLS with ALPN h2 when
  // the options carry a certificate.
  const { server, shutdown } = createH2cServer(options.tls);

  server.on("stream", (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    stream.on("error", noop); // a reset stream: its 'close' follows, nothing can be sent any more
    const contentType = headers["content-type"];
    if (typeof contentType !== "string" || !contentType.startsWith("application/grpc")) {
      stream.respond(UNSUPPORTED_MEDIA_TYPE, { endStream: true });
      return;
    }
    const path = headers[":path"] ?? "";
    const method = methods.get(path);
    if (method === undefined) {
      // The monitor is looked for only here, off the shop.v1 path; it needs the token like every shop.v1 call.
      if (path === MONITOR_GRPC_PATH) {
        if (auth === null || authorized(auth, stream, headers)) watchOnStream(stream, monitor);
        return;
      }
      stream.resume(); // drop the request body
      respondStatus(stream, "UNIMPLEMENTED", `The server does not implement the method ${path}`); // grpc-js's text
      return;
    }
    if (method !== healthCheck) {
      if (auth !== null && !authorized(auth, stream, headers)) return;
      calls.count++;
    }
    new RawCall(
      stream,
      method,
      first(headers["grpc-encoding"]) ?? "identity",
      maxRequestBytes,
      // The x-delay-ms header is not even read when the experiment is off.
      maxDelayMs > 0 ? requestDelayMs(first(headers[DELAY_HEADER]), maxDelayMs) : 0,
      first(headers["grpc-timeout"]),
    );
  });

  const port = await listen(server, options.host, options.port);
  return {
    arm,
    host: options.host,
    port,
    caveats: options.compression ? [NO_RESPONSE_COMPRESSION] : [],
    close() {
      health.set("", "NOT_SERVING");
      return shutdown();
    },
  };
}
