// The per-request path of the framework-free REST arms, written once for any transport: one regex exec to
// route, querystring.parse only on routes with query parameters, the same rest-calls.ts as express,
// JSON.stringify, express's 304 rule and its Buffer-from-1000-characters step. rest-node runs it on node:http's
// request and response, json-h2 on node:http2 streams, so the gap between those two arms is the transport and
// nothing else. A transport supplies only what its objects do differently (RestTransport).
import { parse as parseQuery } from "node:querystring";
import type { JsonValue } from "../../proto/canonical-json.js";
import type { shop } from "../../proto/generated/shop.js";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";
import type { ErrorBody } from "../rest/http-status.js";
import { splitTarget } from "../rest/request-target.js";
import { restCalls, type RestCalls } from "../rest/rest-calls.js";
import { errorReply } from "../rest/rest-errors.js";
import type { RestAppOptions } from "../rest/rest-http-server.js";
import { shopRoutes } from "../shop-routes.js";
import { decodePathParam, RestNodeRouter, rpcFor, type HttpRpc } from "./rest-node-router.js";

/** What express's res.json writes: Content-Type via res.set (mime-types adds the charset) and Content-Length. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
/** express's res.send turns strings of this many characters or more into a Buffer before writing. */
const BUFFER_FROM_CHARS = 1000;

/**
 * How one transport reads a request and writes a reply on its own objects (node:http's request and response;
 * an HTTP/2 stream and its headers). One object per server, shared by every request.
 */
export interface RestTransport<Req, Res> {
  /** A request header by its lower-case name. */
  header(req: Req, name: string): string | string[] | undefined;
  /** express's freshness check for a 2xx GET/HEAD: only `If-None-Match: *` without `Cache-Control: no-cache`. */
  notModified(req: Req, method: string): boolean;
  /** One whole JSON reply: status, Content-Type, Content-Length (`length` bytes) and the body; HEAD sends no body. */
  writeJson(req: Req, res: Res, method: string, status: number, body: string | Buffer, length: number): void;
  writeNotModified(res: Res): void;
  headersSent(res: Res): boolean;
  /** After the headers, a failure can only cut the reply short. */
  abort(res: Res): void;
  /** express.json's body-parser over the request: `done(err)` when it fails, else what it parsed (undefined: no JSON body). */
  readJsonBody(req: Req, res: Res, done: (err: unknown, body?: unknown) => void): void;
  /** The request body, chunk by chunk (Upload). */
  requestBody(req: Req, res: Res): AsyncIterable<Uint8Array>;
  /** The NDJSON StreamOrders reply (servers/rest/ndjson-orders.ts). */
  writeNdjson(req: Req, res: Res, method: string, orders: Iterator<shop.v1.IOrder>): Promise<void>;
}

/** Serves one request: `target` is the request target as sent (path and query). Never throws. */
export type RestDispatch<Req, Res> = (req: Req, res: Res, method: string, target: string) => void;

export function restDispatch<Req, Res>(handlers: ShopHandlers, options: RestAppOptions, transport: RestTransport<Req, Res>): RestDispatch<Req, Res> {
  const calls: RestCalls = restCalls(handlers);
  const router = new RestNodeRouter(shopRoutes());
  const maxDelayMs = options.maxDelayMs;

  function sendJson(req: Req, res: Res, method: string, status: number, value: JsonValue | ErrorBody): void {
    const text = JSON.stringify(value);
    if (status < 300 && transport.notModified(req, method)) return transport.writeNotModified(res);
    if (text.length < BUFFER_FROM_CHARS) return transport.writeJson(req, res, method, status, text, Buffer.byteLength(text));
    const body = Buffer.from(text);
    transport.writeJson(req, res, method, status, body, body.length);
  }

  function sendError(req: Req, res: Res, method: string, err: unknown): void {
    if (transport.headersSent(res)) {
      transport.abort(res); // mid-stream failure: a truncated body is the only honest signal left
      return;
    }
    const reply = errorReply(err);
    sendJson(req, res, method, reply.status, reply.body);
  }

  /** The route itself, once the body (if any) is read and the delay (if any) is over. */
  function run(req: Req, res: Res, method: string, rpc: HttpRpc, id: string, search: string, body: unknown): void {
    try {
      switch (rpc) {
        case "GetUser":
          return sendJson(req, res, method, 200, calls.getUser(id));
        case "ListUsers":
          return sendJson(req, res, method, 200, calls.listUsers(parseQuery(search)));
        case "CreateUser":
          return sendJson(req, res, method, 200, calls.createUser(body));
        case "UpdateUser":
          return sendJson(req, res, method, 200, calls.updateUser(id, body));
        case "DeleteUser":
          return sendJson(req, res, method, 200, calls.deleteUser(id));
        case "ListOrders":
          return sendJson(req, res, method, 200, calls.listOrders(id, parseQuery(search)));
        case "StreamOrders":
          transport.writeNdjson(req, res, method, calls.streamOrders(id, parseQuery(search))).catch((err: unknown) => sendError(req, res, method, err));
          return;
        case "Upload":
          calls.upload(transport.requestBody(req, res)).then(
            (body) => {
              // x-delay-ms applies after the last chunk, before the reply.
              const ms = maxDelayMs > 0 ? requestDelayMs(transport.header(req, DELAY_HEADER), maxDelayMs) : 0;
              if (ms > 0) setTimeout(sendJson, ms, req, res, method, 200, body);
              else sendJson(req, res, method, 200, body);
            },
            (err: unknown) => sendError(req, res, method, err),
          );
          return;
      }
    } catch (err) {
      sendError(req, res, method, err);
    }
  }

  /** With the head-of-line experiment on, a route waits x-delay-ms first (Upload waits after its body instead). */
  function delayThenRun(req: Req, res: Res, method: string, rpc: HttpRpc, id: string, search: string, body?: unknown): void {
    const ms = maxDelayMs > 0 && rpc !== "Upload" ? requestDelayMs(transport.header(req, DELAY_HEADER), maxDelayMs) : 0;
    if (ms > 0) setTimeout(run, ms, req, res, method, rpc, id, search, body);
    else run(req, res, method, rpc, id, search, body);
  }

  return function dispatch(req, res, method, target) {
    const { pathname, search } = splitTarget(target);
    const match = router.match(pathname);
    let rpc: HttpRpc | undefined;
    let id = "";
    if (match !== null) {
      try {
        id = decodePathParam(match.rawId); // as express: at match time, before the method is looked at
      } catch (err) {
        return sendError(req, res, method, err);
      }
      rpc = rpcFor(match.shape, method);
    }
    if (rpc === undefined) return sendError(req, res, method, new RpcError("NOT_FOUND", `no route for ${method} ${pathname}`));
    if (rpc === "CreateUser" || rpc === "UpdateUser") {
      const route = rpc;
      transport.readJsonBody(req, res, (err, body) => (err === undefined || err === null ? delayThenRun(req, res, method, route, id, search, body) : sendError(req, res, method, err)));
      return;
    }
    delayThenRun(req, res, method, rpc, id, search);
  };
}
