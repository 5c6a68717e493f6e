// rest-node's request listener: the REST routes of servers/shop-routes.ts on raw node:http, with no framework.
// Per request: one regex exec to route, querystring.parse only on routes with query parameters, the same
// rest-calls.ts as express, JSON.stringify and one writeHead + end. It sends what express sends (status, the
// Content-Type express writes, Content-Length, the same error bodies; no ETag, no X-Powered-By), so the gap
// between this arm and `rest` is what express costs.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { JsonValue } from "../../proto/canonical-json.js";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";
import type { ErrorBody } from "../rest/http-status.js";
import { writeNdjsonOrders } from "../rest/ndjson-orders.js";
import { restCalls, type RestCalls } from "../rest/rest-calls.js";
import { errorReply } from "../rest/rest-errors.js";
import { notModified, splitTarget } from "../rest/request-target.js";
import { jsonBody, parsedBody, responseCompression, type Middleware } from "../rest/rest-middleware.js";
import { shopRoutes } from "../shop-routes.js";
import { decodePathParam, RestNodeRouter, rpcFor, type HttpRpc } from "./rest-node-router.js";
import type { RestAppOptions } from "../rest/rest-http-server.js";

/** What express's res.json writes: Content-Type via res.set (mime-types adds the charset) and Content-Length. */
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
/** express's res.send turns strings of this many characters or more into a Buffer before writing. */
const BUFFER_FROM_CHARS = 1000;


function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: JsonValue | ErrorBody): void {
  const text = JSON.stringify(value);
  if (status < 300 && notModified(req)) {
    res.writeHead(304);
    res.end();
    return;
  }
  let body: string | Buffer = text;
  let length: number;
  if (text.length < BUFFER_FROM_CHARS) length = Buffer.byteLength(text);
  else {
    body = Buffer.from(text);
    length = body.length;
  }
  res.writeHead(status, ["Content-Type", JSON_CONTENT_TYPE, "Content-Length", String(length)]);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

function sendError(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy(); // mid-stream failure: a truncated body is the only honest signal left
    return;
  }
  const reply = errorReply(err);
  sendJson(req, res, reply.status, reply.body);
}


export function restNodeApp(handlers: ShopHandlers, options: RestAppOptions): RequestListener {
  const calls: RestCalls = restCalls(handlers);
  const router = new RestNodeRouter(shopRoutes());
  const json: Middleware = jsonBody(options.maxRequestBytes);
  const compress: Middleware | null = options.compression ? responseCompression() : null;
  const maxDelayMs = options.maxDelayMs;
  const noop = (): void => {};

  /** The route itself, once the body (if any) is read and the delay (if any) is over. */
  function run(req: IncomingMessage, res: ServerResponse, rpc: HttpRpc, id: string, search: string): void {
    try {
      switch (rpc) {
        case "GetUser":
          return sendJson(req, res, 200, calls.getUser(id));
        case "ListUsers":
          return sendJson(req, res, 200, calls.listUsers(parseQuery(search)));
        case "CreateUser":
          return sendJson(req, res, 200, calls.createUser(parsedBody(req)));
        case "UpdateUser":
          return sendJson(req, res, 200, calls.updateUser(id, parsedBody(req)));
        case "DeleteUser":
          return sendJson(req, res, 200, calls.deleteUser(id));
        case "ListOrders":
          return sendJson(req, res, 200, calls.listOrders(id, parseQuery(search)));
        case "StreamOrders":
          writeNdjsonOrders(res, calls.streamOrders(id, parseQuery(search))).catch((err: unknown) => sendError(req, res, err));
          return;
        case "Upload":
          calls.upload(req).then(
            (body) => {
              // x-delay-ms applies after the last chunk, before the reply.
              const ms = maxDelayMs > 0 ? requestDelayMs(req.headers[DELAY_HEADER], maxDelayMs) : 0;
              if (ms > 0) setTimeout(sendJson, ms, req, res, 200, body);
              else sendJson(req, res, 200, body);
            },
            (err: unknown) => sendError(req, res, err),
          );
          return;
      }
    } catch (err) {
      sendError(req, res, err);
    }
  }

  /** With the head-of-line experiment on, a route waits x-delay-ms first (Upload waits after its body instead). */
  function delayThenRun(req: IncomingMessage, res: ServerResponse, rpc: HttpRpc, id: string, search: string): void {
    const ms = maxDelayMs > 0 && rpc !== "Upload" ? requestDelayMs(req.headers[DELAY_HEADER], maxDelayMs) : 0;
    if (ms > 0) setTimeout(run, ms, req, res, rpc, id, search);
    else run(req, res, rpc, id, search);
  }

  return function onRequest(req, res) {
    if (compress !== null) compress(req, res, noop); // connect-style; calls next() synchronously
    const { pathname, search } = splitTarget(req.url ?? "/");
    const match = router.match(pathname);
    let rpc: HttpRpc | undefined;
    let id = "";
    if (match !== null) {
      try {
        id = decodePathParam(match.rawId); // as express: at match time, before the method is looked at
      } catch (err) {
        return sendError(req, res, err);
      }
      rpc = rpcFor(match.shape, req.method);
    }
    if (rpc === undefined) return sendError(req, res, new RpcError("NOT_FOUND", `no route for ${req.method} ${pathname}`));
    if (rpc === "CreateUser" || rpc === "UpdateUser") {
      const route = rpc;
      json(req, res, (err) => (err === undefined || err === null ? delayThenRun(req, res, route, id, search) : sendError(req, res, err)));
      return;
    }
    delayThenRun(req, res, rpc, id, search);
  };
}
