// The express 5 application of the REST arm: the routes of servers/shop-routes.ts, each a thin adapter over
// rest-calls.ts (parameter checks, canonical JSON in and out, the handler call), so what express adds per
// request is the framework itself: its router, req/res decoration and res.json/res.send.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { JsonValue } from "../../proto/canonical-json.js";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";
import { shopRoutes, type RpcName } from "../shop-routes.js";
import { writeNdjsonOrders } from "./ndjson-orders.js";
import { restCalls, type RestQuery } from "./rest-calls.js";
import { errorReply } from "./rest-errors.js";
import { jsonBody, responseCompression } from "./rest-middleware.js";
import type { RestAppOptions } from "./rest-http-server.js";

/** The :id path segment (express has already percent-decoded it). */
function idParam(req: Request): string {
  const id = req.params["id"];
  return typeof id === "string" ? id : "";
}

/** express 5's req.query is a getter that parses the query string on every read: read it once. */
function queryOf(req: Request): RestQuery {
  return req.query as RestQuery;
}

function sendError(res: Response, err: unknown): void {
  const reply = errorReply(err);
  res.status(reply.status).json(reply.body);
}

export function restApp(handlers: ShopHandlers, options: RestAppOptions): express.Express {
  const app = express();
  // Per-request work gRPC does not do: no ETag (express would hash every body), no X-Powered-By.
  app.set("etag", false);
  app.disable("x-powered-by");
  if (options.compression) app.use(responseCompression() as RequestHandler);

  const calls = restCalls(handlers);
  const json = jsonBody(options.maxRequestBytes) as RequestHandler;

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
  const reply = (call: (req: Request) => JsonValue) => route((req, res) => void res.json(call(req)));

  const routes: Record<Exclude<RpcName, "Chat">, RequestHandler[]> = {
    GetUser: [reply((req) => calls.getUser(idParam(req)))],
    ListUsers: [reply((req) => calls.listUsers(queryOf(req)))],
    CreateUser: [json, reply((req) => calls.createUser(req.body))],
    UpdateUser: [json, reply((req) => calls.updateUser(idParam(req), req.body))],
    DeleteUser: [reply((req) => calls.deleteUser(idParam(req)))],
    ListOrders: [reply((req) => calls.listOrders(idParam(req), queryOf(req)))],
    StreamOrders: [route((req, res) => writeNdjsonOrders(res, calls.streamOrders(idParam(req), queryOf(req))))],
    // The body is read as a stream and hashed chunk by chunk; x-delay-ms applies after the last chunk.
    Upload: [
      async (req, res) => {
        const body = await calls.upload(req);
        const ms = requestDelayMs(options.maxDelayMs > 0 ? req.headers[DELAY_HEADER] : undefined, options.maxDelayMs);
        if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
        res.json(body);
      },
    ],
  };
  for (const { rpc, rest } of shopRoutes()) {
    if (rpc === "Chat") continue; // the WebSocket, on the HTTP server itself (chat-websocket.ts)
    const method = rest.method.toLowerCase() as "get" | "post" | "patch" | "delete";
    app.route(rest.path)[method](...routes[rpc]);
  }

  app.use((req, res) => {
    sendError(res, new RpcError("NOT_FOUND", `no route for ${req.method} ${req.path}`));
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.destroy(); // mid-stream failure: a truncated body is the only honest signal left
      return;
    }
    sendError(res, err);
  });

  return app;
}
