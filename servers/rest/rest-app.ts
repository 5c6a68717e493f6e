// The express 5 application of the REST arm: resource routes that mirror the RPCs one to one. Every JSON body
// in or out goes through proto/canonical-json.ts (JSON.parse → fromCanonicalJson, toCanonicalJson →
// JSON.stringify), so the REST JSON is the proto3 canonical mapping of the message the gRPC arm encodes.
import compression from "compression";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { CanonicalJsonError, canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { shop } from "../../proto/generated/shop.js";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError, toRpcError } from "../handlers/status.js";
import { pump } from "../handlers/stream-pump.js";
import { httpStatus, type ErrorBody } from "./http-status.js";

export interface RestAppOptions {
  maxRequestBytes: number;
  maxDelayMs: number;
  compression: boolean;
}

const codec = {
  user: canonicalJsonCodec("User"),
  listUsers: canonicalJsonCodec("ListUsersResponse"),
  listOrders: canonicalJsonCodec("ListOrdersResponse"),
  order: canonicalJsonCodec("Order"),
  empty: canonicalJsonCodec("google.protobuf.Empty"),
  upload: canonicalJsonCodec("UploadResult"),
};

/** An int32 query parameter; absent is 0 (the proto3 default, which the handlers read as "server default"). */
function int32Param(req: Request, name: string): number {
  const raw = req.query[name];
  if (raw === undefined) return 0;
  if (typeof raw !== "string" || !/^-?\d{1,10}$/.test(raw) || Number(raw) !== (Number(raw) | 0)) {
    throw new RpcError("INVALID_ARGUMENT", `${name} must be an int32, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

/** The :id path segment (express has already percent-decoded it). */
function idParam(req: Request): string {
  const id = req.params["id"];
  return typeof id === "string" ? id : "";
}

function stringParam(req: Request, name: string): string {
  const raw = req.query[name];
  if (raw === undefined) return "";
  if (typeof raw !== "string") throw new RpcError("INVALID_ARGUMENT", `${name} must be given once`);
  return raw;
}

/** The parsed JSON body (express.json already did JSON.parse) as a User message. */
function userBody(req: Request): shop.v1.IUser {
  if (req.body === undefined) throw new RpcError("INVALID_ARGUMENT", "expected a JSON body with Content-Type: application/json");
  return codec.user.fromJson(req.body as JsonValue) as shop.v1.IUser;
}

function errorReply(res: Response, err: unknown): void {
  const e = toRpcError(err);
  const body: ErrorBody = { code: e.code, message: e.message };
  res.status(httpStatus(e.code)).json(body);
}

/** body-parser and canonical-JSON failures in the status vocabulary; everything else is the handler's own. */
function asRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) return err;
  if (err instanceof CanonicalJsonError) return new RpcError("INVALID_ARGUMENT", err.message);
  const parserError = err as { type?: string; status?: number; message?: string; limit?: number };
  if (parserError.type === "entity.too.large") {
    return new RpcError("RESOURCE_EXHAUSTED", `request body larger than ${parserError.limit} bytes`);
  }
  if (parserError.type === "entity.parse.failed") return new RpcError("INVALID_ARGUMENT", `malformed JSON: ${parserError.message}`);
  if (typeof parserError.status === "number" && parserError.status >= 400 && parserError.status < 500) {
    return new RpcError("INVALID_ARGUMENT", parserError.message ?? "bad request");
  }
  return toRpcError(err);
}

export function restApp(handlers: ShopHandlers, options: RestAppOptions): express.Express {
  const app = express();
  // Per-request work gRPC does not do: no ETag (express would hash every body), no X-Powered-By.
  app.set("etag", false);
  app.disable("x-powered-by");
  if (options.compression) app.use(compression());

  const json = express.json({ limit: options.maxRequestBytes });

  /** With the head-of-line experiment on, a route waits x-delay-ms before running; off, it is the route itself. */
  const route = (handler: (req: Request, res: Response) => void | Promise<void>): RequestHandler => {
    if (options.maxDelayMs <= 0) return handler;
    return (req, res, next) => {
      const ms = requestDelayMs(req.headers[DELAY_HEADER], options.maxDelayMs);
      const run = (): void => {
        try {
          void Promise.resolve(handler(req, res)).catch(next);
        } catch (err) {
          next(err);
        }
      };
      if (ms > 0) setTimeout(run, ms);
      else run();
    };
  };

  app.get(
    "/v1/users/:id",
    route((req, res) => {
      res.json(codec.user.toJson(handlers.getUser({ userId: idParam(req) })));
    }),
  );

  app.get(
    "/v1/users",
    route((req, res) => {
      const reply = handlers.listUsers({ pageSize: int32Param(req, "page_size"), pageToken: stringParam(req, "page_token") });
      res.json(codec.listUsers.toJson(reply));
    }),
  );

  app.post(
    "/v1/users",
    json,
    route((req, res) => {
      res.json(codec.user.toJson(handlers.createUser({ user: userBody(req) })));
    }),
  );

  app.patch(
    "/v1/users/:id",
    json,
    route((req, res) => {
      res.json(codec.user.toJson(handlers.updateUser({ userId: idParam(req), user: userBody(req) })));
    }),
  );

  app.delete(
    "/v1/users/:id",
    route((req, res) => {
      res.json(codec.empty.toJson(handlers.deleteUser({ userId: idParam(req) })));
    }),
  );

  app.get(
    "/v1/users/:id/orders",
    route((req, res) => {
      const reply = handlers.listOrders({
        userId: idParam(req),
        limit: int32Param(req, "limit"),
        pageSize: int32Param(req, "page_size"),
        pageToken: stringParam(req, "page_token"),
      });
      res.json(codec.listOrders.toJson(reply));
    }),
  );

  // NDJSON: one canonical-JSON Order per line, written as produced by the same pump as gRPC's StreamOrders.
  app.get(
    "/v1/users/:id/orders/stream",
    route(async (req, res) => {
      const items = handlers.streamOrders({ userId: idParam(req), limit: int32Param(req, "limit") }); // throws before any byte
      let closed = false;
      res.on("close", () => {
        closed = true;
      });
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      await pump(items, {
        write: (order) => res.write(JSON.stringify(codec.order.toJson(order)) + "\n"),
        drained: () =>
          new Promise<void>((resolve) => {
            const done = (): void => {
              res.off("drain", done);
              res.off("close", done);
              resolve();
            };
            res.on("drain", done);
            res.on("close", done);
          }),
        get closed() {
          return closed;
        },
        // HTTP/2 (gRPC) sends the frames queued in one tick together; corking gives HTTP/1.1 the same batching.
        beginBurst: () => res.cork(),
        endBurst: () => res.uncork(),
      });
      if (!closed) res.end();
    }),
  );

  // The body is read as a stream and hashed chunk by chunk: no body parser, no size limit on the whole upload
  // (gRPC's limit is per message, and an upload is an unbounded stream of messages there too).
  app.post("/v1/uploads", async (req, res) => {
    const sink = handlers.upload();
    for await (const chunk of req) sink.write(chunk as Buffer);
    const reply = codec.upload.toJson(sink.finish());
    const ms = requestDelayMs(options.maxDelayMs > 0 ? req.headers[DELAY_HEADER] : undefined, options.maxDelayMs);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    res.json(reply);
  });

  app.use((req, res) => {
    errorReply(res, new RpcError("NOT_FOUND", `no route for ${req.method} ${req.path}`));
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.destroy(); // mid-stream failure: a truncated body is the only honest signal left
      return;
    }
    errorReply(res, asRpcError(err));
  });

  return app;
}
