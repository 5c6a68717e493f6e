// The fastify 5 application of the rest-fastify arm: the routes of servers/shop-routes.ts, each a thin adapter
// over rest/rest-calls.ts (parameter checks, canonical JSON in and out, the handler call), so what fastify adds
// per request is the framework itself: find-my-way's router, its Request/Reply objects, its content-type parser
// step, its reply path (JSON.stringify, Content-Length, writeHead + end) and its error and 404 handlers.
// Where fastify's defaults differ from express's behaviour on the wire, the instance is configured to match
// (see servers/README.md, "REST on fastify"); express-wire.ts holds what no setting covers.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteHandlerMethod } from "fastify";
import type { JsonValue } from "../../proto/canonical-json.js";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";
import { writeNdjsonOrders } from "../rest/ndjson-orders.js";
import { restCalls, type RestQuery } from "../rest/rest-calls.js";
import { errorReply } from "../rest/rest-errors.js";
import { jsonBody, parsedBody, responseCompression, type Middleware } from "../rest/rest-middleware.js";
import { shopRoutes, type RestMethod, type RpcName } from "../shop-routes.js";
import { expressPathname, notModified, useExpressHeaderCase, useOwnHeaderCase } from "./express-wire.js";
import type { RestAppOptions } from "../rest/rest-http-server.js";

export interface RestFastifyApp {
  app: FastifyInstance;
  /** the node:http request listener: compression (when on), express's header case, then fastify's own handler */
  listener: RequestListener;
}

type HttpRpc = Exclude<RpcName, "Chat">;

/** What the JSON body parser failed with, as the request body (see the JSON scope's content-type parser). */
class BodyFailure {
  constructor(readonly cause: unknown) {}
}
type Params = { id?: string };

/** The 404 express sends for a path none of its routes match. */
function noRoute(req: IncomingMessage): RpcError {
  return new RpcError("NOT_FOUND", `no route for ${req.method ?? ""} ${expressPathname(req.url ?? "/")}`);
}

/**
 * The :id path segment (find-my-way has already percent-decoded it). find-my-way matches an empty segment
 * ("/v1/users//orders"); express's ":id" is one non-empty segment, so no route of express matches that path.
 */
function idParam(request: FastifyRequest): string {
  const id = (request.params as Params).id ?? "";
  if (id === "") throw noRoute(request.raw);
  return id;
}

function sendError(reply: FastifyReply, err: unknown): void {
  const { status, body } = errorReply(err);
  reply.code(status).send(body);
}

/** A 200 JSON reply through fastify's reply path; express's freshness check first (304 to `If-None-Match: *`). */
function sendJson(request: FastifyRequest, reply: FastifyReply, value: JsonValue): void {
  if (notModified(request.raw)) reply.code(304).send();
  else reply.send(value);
}

/** Every HTTP method a shop route uses: a bad escape in a path express matches is 400 whatever the method. */
const ROUTE_METHODS: readonly RestMethod[] = ["GET", "POST", "PATCH", "DELETE"];

/** The reply express gives a request target that find-my-way cannot percent-decode (a rare path, never benchmarked). */
function badUrlError(app: FastifyInstance, method: string, url: string): RpcError {
  const pathname = expressPathname(url);
  // express decodes only the :id segment, when a route's template matches the raw path: let fastify's router match
  // the path with every "%" escaped, so the segment comes back as sent.
  const escaped = pathname.replace(/%/g, "%25");
  for (const m of ROUTE_METHODS) {
    const found = app.findRoute({ method: m, url: escaped });
    const rawId = (found?.params as Params | undefined)?.id;
    if (rawId !== undefined) return new RpcError("INVALID_ARGUMENT", `Failed to decode param '${rawId}'`);
  }
  return new RpcError("NOT_FOUND", `no route for ${method} ${pathname}`);
}

export function restFastifyApp(handlers: ShopHandlers, options: RestAppOptions): RestFastifyApp {
  const app: FastifyInstance = Fastify({
    // Per-request work gRPC does not do: no logger (fastify then skips child loggers and request logging).
    logger: false,
    // Every parser below is our own (body-parser enforces maxRequestBytes); this is the limit fastify would use.
    bodyLimit: options.maxRequestBytes,
    routerOptions: {
      // express 5 matches paths case-insensitively and allows one trailing slash.
      caseSensitive: false,
      ignoreTrailingSlash: true,
      // find-my-way answers a :id over 100 characters with 414; express has no such limit.
      maxParamLength: Number.MAX_SAFE_INTEGER,
      // express 5's default ("simple") query parser, so a query string means the same in every REST arm.
      querystringParser: (query: string) => parseQuery(query),
    },
    // Generated HEAD routes add Content-Length: 0 to a body-less reply (a 304); express runs the GET route for
    // HEAD and node drops the body. The GET routes below are registered for HEAD too.
    exposeHeadRoutes: false,
    // Our server closes (rest-http-server.ts) before fastify does; calls still in flight then are answered, not 503.
    return503OnClosing: false,
    // A target find-my-way cannot decode: express's 400 (bad escape in :id) or 404, not fastify's FST_ERR_BAD_URL body.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      sendError(reply, error.code === "FST_ERR_BAD_URL" ? badUrlError(app, request.raw.method ?? "", request.raw.url ?? "/") : error);
    },
  });

  const calls = restCalls(handlers);
  const json = jsonBody(options.maxRequestBytes);
  const maxDelayMs = options.maxDelayMs;

  /** With the head-of-line experiment on, a route waits x-delay-ms before running; off, it is the route itself. */
  const route = (run: (request: FastifyRequest, reply: FastifyReply) => void): RouteHandlerMethod => {
    if (maxDelayMs <= 0) return run;
    return (request, reply) => {
      const ms = requestDelayMs(request.headers[DELAY_HEADER], maxDelayMs);
      if (ms <= 0) return run(request, reply);
      setTimeout(() => {
        try {
          run(request, reply);
        } catch (err) {
          sendError(reply, err);
        }
      }, ms);
    };
  };
  /** A body the parser rejected fails the route before anything else runs (before x-delay-ms, as in express). */
  const withBody =
    (run: RouteHandlerMethod): RouteHandlerMethod =>
    function (request, r) {
      if (request.body instanceof BodyFailure) throw request.body.cause;
      return run.call(this, request, r);
    };
  const reply = (call: (request: FastifyRequest) => JsonValue) => route((request, r) => sendJson(request, r, call(request)));

  const routes: Record<HttpRpc, RouteHandlerMethod> = {
    GetUser: reply((request) => calls.getUser(idParam(request))),
    ListUsers: reply((request) => calls.listUsers(request.query as RestQuery)),
    CreateUser: withBody(reply((request) => calls.createUser(request.body))),
    UpdateUser: withBody(reply((request) => calls.updateUser(idParam(request), request.body))),
    DeleteUser: reply((request) => calls.deleteUser(idParam(request))),
    ListOrders: reply((request) => calls.listOrders(idParam(request), request.query as RestQuery)),
    // Validation errors are ordinary JSON errors; after that the shared NDJSON writer owns the raw response.
    StreamOrders: route((request, r) => {
      const items = calls.streamOrders(idParam(request), request.query as RestQuery);
      r.hijack();
      const res = r.raw;
      useOwnHeaderCase(res); // ndjson-orders.ts writes its own header names, in every arm
      writeNdjsonOrders(res, items).catch(() => res.destroy()); // mid-stream failure: a truncated body
    }),
    // The body is read as a stream and hashed chunk by chunk; x-delay-ms applies after the last chunk.
    Upload: async (request, r) => {
      const body = await calls.upload(request.raw);
      const ms = maxDelayMs > 0 ? requestDelayMs(request.headers[DELAY_HEADER], maxDelayMs) : 0;
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      sendJson(request, r, body);
      return r;
    },
  };

  const add = (scope: FastifyInstance, rpc: HttpRpc, method: RestMethod, path: string): void => {
    // HEAD runs the GET route, as in express (exposeHeadRoutes is off, see above).
    scope.route({ method: method === "GET" ? ["GET", "HEAD"] : method, url: path, handler: routes[rpc] });
  };
  const jsonRoutes = shopRoutes().filter(({ rest }) => rest.request === "json");
  const otherRoutes = shopRoutes().filter(({ rpc, rest }) => rpc !== "Chat" && rest.request !== "json"); // Chat: the WebSocket

  // fastify's own parsers (application/json, text/plain) answer what express leaves alone (415 for other types,
  // its own JSON errors, no Content-Encoding): replaced by a catch-all that leaves the body unread, as express
  // leaves it on routes without a body parser. Upload reads the raw request itself, with no limit on the total.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request: FastifyRequest, _payload: IncomingMessage, done: (err: Error | null, body?: unknown) => void) => done(null, undefined));
  for (const { rpc, rest } of otherRoutes) add(app, rpc as HttpRpc, rest.method, rest.path);

  // POST/PATCH bodies: body-parser's JSON reader (the same express.json({limit}) every REST arm runs) as this
  // scope's content-type parser for every Content-Type: it checks the type and charset itself, enforces the
  // limit (413), inflates gzip/deflate/br and runs JSON.parse; a body it does not read stays undefined.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (request: FastifyRequest, _payload: IncomingMessage, done: (err: Error | null, body?: unknown) => void) => {
      // body-parser never touches the response (it is there for the connect signature)
      // A failure is handed on as the body, not to done(err): fastify answers a parser error with
      // `Connection: close` (the client may still be sending), while body-parser has read off the body or left
      // it to node, and express keeps the connection.
      json(request.raw, undefined as unknown as ServerResponse, (err) => done(null, err === undefined || err === null ? parsedBody(request.raw) : new BodyFailure(err)));
    });
    for (const { rpc, rest } of jsonRoutes) add(scope, rpc as HttpRpc, rest.method, rest.path);
  });

  app.setNotFoundHandler((request, r) => {
    sendError(r, noRoute(request.raw));
  });

  app.setErrorHandler(function (err, request, r) {
    // fastify refuses a Content-Type it cannot parse (415) before any content-type parser runs; express's body
    // parser skips such a type and the route runs without a body. So does this one (a rare path, never benchmarked).
    if ((err as FastifyError).code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" && !request.is404) {
      r.code(200); // fastify set 415 before raising the error
      try {
        const result: unknown = request.routeOptions.handler.call(this, request, r);
        if (result instanceof Promise) result.catch((e: unknown) => sendError(r, e));
      } catch (e) {
        sendError(r, e);
      }
      return;
    }
    sendError(r, err);
  });

  const compress: Middleware | null = options.compression ? responseCompression() : null;
  const noop = (): void => {};
  const handle = app.routing as RequestListener;
  const listener: RequestListener = (req, res) => {
    // The same compression middleware as the other REST arms, first, on the raw request and response (express
    // runs it as its first middleware, rest-node before routing); it calls next() synchronously.
    if (compress !== null) compress(req, res, noop);
    useExpressHeaderCase(res);
    handle(req, res);
  };
  return { app, listener };
}
