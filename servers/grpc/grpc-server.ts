// The gRPC arm: @grpc/grpc-js serving shop.v1 from the shared handler layer, plus the standard health service and the
// process monitor (grb.monitor.v1.Monitor/Watch). Cleartext h2c, or TLS with ServerOptions.tls.
// Per call: grpc-js frames and (if the client compressed it) inflates the request; the static codec decodes it;
// the handler runs; the static codec encodes the reply; grpc-js frames and writes it. Nothing else.
import * as grpc from "@grpc/grpc-js";
import { HealthImplementation } from "grpc-health-check";
import type { shop } from "../../proto/generated/shop.js";
import { bearerCheck } from "../handlers/bearer-token.js";
import type { CallsServed } from "../monitor/calls-served.js";
import { MONITOR_SERVICE, monitorImplementation } from "../monitor/grpc-monitor-service.js";
import { ServerMonitor } from "../monitor/server-monitor.js";
import { createShopHandlers, type ShopHandlers } from "../handlers/shop-handlers.js";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import { RpcError, statusCode, toRpcError } from "../handlers/status.js";
import { pump, type StreamTarget } from "../handlers/stream-pump.js";
import { ListenError, SERVER_DEFAULTS, type RunningServer, type ServerOptions, type ServerTlsMaterial } from "../server-arm.js";
import { bearerInterceptor } from "./bearer-interceptor.js";
import { MalformedMessage, SERVICE_NAMES, SHOP_SERVICES } from "./service-definitions.js";

type Status = { code: number; details: string };

function toStatus(err: unknown): Status {
  const e = toRpcError(err);
  return { code: statusCode(e.code), details: e.message };
}

function malformed(message: MalformedMessage): Status {
  return toStatus(new RpcError("INVALID_ARGUMENT", `malformed protobuf request: ${message.reason}`));
}

/** The x-delay-ms wait of one call; the metadata is not even read when the experiment is off. */
function delayOf(metadata: grpc.Metadata, maxDelayMs: number): number {
  return maxDelayMs > 0 ? requestDelayMs(metadata.get(DELAY_HEADER)[0], maxDelayMs) : 0;
}

function unary<Req, Res>(handle: (req: Req) => Res, maxDelayMs: number, calls: CallsServed): grpc.handleUnaryCall<Req | MalformedMessage, Res> {
  const reply = (req: Req, callback: grpc.sendUnaryData<Res>): void => {
    let res: Res;
    try {
      res = handle(req);
    } catch (err) {
      callback(toStatus(err));
      return;
    }
    callback(null, res);
  };
  return (call, callback) => {
    calls.count++;
    const req = call.request;
    if (req instanceof MalformedMessage) return callback(malformed(req));
    const delay = delayOf(call.metadata, maxDelayMs);
    if (delay > 0) setTimeout(reply, delay, req, callback);
    else reply(req, callback);
  };
}

function streamOrders(handlers: ShopHandlers, maxDelayMs: number, calls: CallsServed): grpc.handleServerStreamingCall<shop.v1.IStreamOrdersRequest | MalformedMessage, shop.v1.IOrder> {
  const run = (call: grpc.ServerWritableStream<unknown, shop.v1.IOrder>, req: shop.v1.IStreamOrdersRequest): void => {
    let items: Iterator<shop.v1.IOrder>;
    try {
      items = handlers.streamOrders(req);
    } catch (err) {
      call.emit("error", toStatus(err));
      return;
    }
    const target: StreamTarget<shop.v1.IOrder> = {
      write: (order) => call.write(order),
      drained: () =>
        new Promise<void>((resolve) => {
          const done = (): void => {
            call.off("drain", done);
            call.off("cancelled", done);
            resolve();
          };
          call.on("drain", done);
          call.on("cancelled", done);
        }),
      get closed() {
        return call.cancelled || call.destroyed;
      },
    };
    pump(items, target).then(
      (end) => {
        if (end === "complete") call.end();
      },
      (err: unknown) => call.emit("error", toStatus(err)),
    );
  };
  return (call) => {
    calls.count++;
    const req = call.request;
    if (req instanceof MalformedMessage) {
      call.emit("error", malformed(req));
      return;
    }
    const delay = delayOf(call.metadata, maxDelayMs);
    if (delay > 0) setTimeout(run, delay, call, req);
    else run(call, req);
  };
}

function upload(handlers: ShopHandlers, maxDelayMs: number, calls: CallsServed): grpc.handleClientStreamingCall<shop.v1.IUploadChunk | MalformedMessage, shop.v1.IUploadResult> {
  const empty = new Uint8Array(0);
  return (call, callback) => {
    calls.count++;
    const sink = handlers.upload();
    let failed = false;
    call.on("data", (chunk: shop.v1.IUploadChunk | MalformedMessage) => {
      if (failed) return;
      if (chunk instanceof MalformedMessage) {
        failed = true;
        callback(malformed(chunk));
        return;
      }
      sink.write(chunk.data ?? empty);
    });
    call.on("end", () => {
      if (failed) return;
      const result = sink.finish();
      const delay = delayOf(call.metadata, maxDelayMs);
      if (delay > 0) setTimeout(callback, delay, null, result);
      else callback(null, result);
    });
  };
}

function chat(handlers: ShopHandlers, calls: CallsServed): grpc.handleBidiStreamingCall<shop.v1.IChatMessage | MalformedMessage, shop.v1.IChatMessage> {
  return (call) => {
    calls.count++;
    let failed = false;
    const resume = (): void => {
      call.resume();
    };
    call.on("data", (message: shop.v1.IChatMessage | MalformedMessage) => {
      if (failed) return;
      if (message instanceof MalformedMessage) {
        failed = true;
        call.emit("error", malformed(message));
        return;
      }
      // Backpressure: stop reading while the echoes are not being taken.
      if (!call.write(handlers.chat(message)) && !call.isPaused()) {
        call.pause();
        call.once("drain", resume);
      }
    });
    call.on("end", () => {
      if (!failed) call.end();
    });
  };
}

function bindAddress(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * Cleartext h2c, or TLS with this certificate: grpc-js's secure server negotiates ALPN "h2" only and drops a failed
 * handshake (a client that distrusts the certificate) without affecting other connections.
 */
function credentials(tls: ServerTlsMaterial | undefined): grpc.ServerCredentials {
  if (tls === undefined) return grpc.ServerCredentials.createInsecure();
  return grpc.ServerCredentials.createSsl(null, [{ cert_chain: Buffer.from(tls.cert), private_key: Buffer.from(tls.key) }], false);
}

function bind(server: grpc.Server, host: string, port: number, tls: ServerTlsMaterial | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(bindAddress(host, port), credentials(tls), (err, boundPort) => {
      if (!err) return resolve(boundPort);
      const why = /EADDRINUSE/.test(err.message)
        ? `port ${port} on ${host} is already in use`
        : /EADDRNOTAVAIL|ENOTFOUND|EAI_AGAIN|EACCES/.test(err.message)
          ? `cannot listen on ${host}:${port} (${/E[A-Z_]+/.exec(err.message)?.[0]})`
          : `cannot listen on ${host}:${port}: ${err.message}`;
      reject(new ListenError(why));
    });
  });
}

/** grpc-js 1.14 has no server-side response compression (see servers/README.md), so the option cannot be honoured. */
const NO_RESPONSE_COMPRESSION =
  "grpc-js servers never compress responses (1.14: every frame is written with the compressed flag 0); " +
  "compressed requests are accepted, so gRPC compression only applies to the client-to-server direction";

export async function startGrpcJs(options: ServerOptions): Promise<RunningServer> {
  const handlers = createShopHandlers({ seed: options.seed, userCount: options.userCount });
  const maxDelayMs = options.maxDelayMs ?? SERVER_DEFAULTS.maxDelayMs;
  const monitor = new ServerMonitor("grpc");
  const calls = monitor.calls;
  const server = new grpc.Server({
    // Over this: RESOURCE_EXHAUSTED from grpc-js's frame decoder, before any of our code runs.
    "grpc.max_receive_message_length": options.maxRequestBytes ?? SERVER_DEFAULTS.maxRequestBytes,
    // No token: no interceptor, so grpc-js runs the call as it always did.
    ...(options.token !== undefined ? { interceptors: [bearerInterceptor(bearerCheck(options.token))] } : {}),
  });
  server.addService(SHOP_SERVICES.UserService, {
    GetUser: unary(handlers.getUser, maxDelayMs, calls),
    ListUsers: unary(handlers.listUsers, maxDelayMs, calls),
    CreateUser: unary(handlers.createUser, maxDelayMs, calls),
    UpdateUser: unary(handlers.updateUser, maxDelayMs, calls),
    DeleteUser: unary(handlers.deleteUser, maxDelayMs, calls),
  });
  server.addService(SHOP_SERVICES.OrderService, {
    ListOrders: unary(handlers.listOrders, maxDelayMs, calls),
    StreamOrders: streamOrders(handlers, maxDelayMs, calls),
  });
  server.addService(SHOP_SERVICES.UploadService, { Upload: upload(handlers, maxDelayMs, calls) });
  server.addService(SHOP_SERVICES.ChatService, { Chat: chat(handlers, calls) });
  // The process's own metrics (monitor-contract.ts); behind the token interceptor like every shop.v1 call.
  server.addService(MONITOR_SERVICE, monitorImplementation(monitor));
  const health = new HealthImplementation({
    "": "SERVING",
    ...Object.fromEntries(SERVICE_NAMES.map((name) => [`shop.v1.${name}`, "SERVING" as const])),
  });
  health.addToServer(server);

  let port: number;
  try {
    port = await bind(server, options.host, options.port, options.tls);
  } catch (err) {
    server.forceShutdown();
    throw err;
  }
  let closing: Promise<void> | null = null;
  return {
    arm: "grpc",
    host: options.host,
    port,
    caveats: options.compression ? [NO_RESPONSE_COMPRESSION] : [],
    close() {
      closing ??= new Promise<void>((resolve) => {
        health.setStatus("", "NOT_SERVING");
        // Let calls in flight finish, but never wait long for a stream a client keeps open.
        const force = setTimeout(() => server.forceShutdown(), 2000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      return closing;
    },
  };
}
