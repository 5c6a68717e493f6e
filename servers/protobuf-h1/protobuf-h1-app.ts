// protobuf-h1's request listener: rest-node's (rest-node/rest-node-app.ts) with protobuf bodies. The same router,
// query parsing, body reader library, x-delay-ms, 304 rule and HEAD handling; 2xx replies are the reply message's
// protobuf bytes (the grpc arm's message bytes without the 5-byte prefix) with one writeHead + end.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { DELAY_HEADER, requestDelayMs } from "../handlers/request-delay.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";
import { notModified, splitTarget } from "../rest/request-target.js";
import { errorReply } from "../rest/rest-errors.js";
import type { RestAppOptions } from "../rest/rest-http-server.js";
import { parsedBody, type Middleware } from "../rest/rest-middleware.js";
import { decodePathParam, RestNodeRouter, rpcFor, type HttpRpc } from "../rest-node/rest-node-router.js";
import { CHAT_PATH, shopRoutes } from "../shop-routes.js";
import { PROTOBUF_CONTENT_TYPE, protobufCalls, type ProtobufCalls } from "./protobuf-calls.js";
import { protobufBody, protobufCompression } from "./protobuf-middleware.js";

/** rest's error Content-Type: error replies are rest's JSON bytes (see sendError). */
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

function sendProtobuf(req: IncomingMessage, res: ServerResponse, body: Uint8Array): void {
  if (notModified(req)) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.writeHead(200, ["Content-Type", PROTOBUF_CONTENT_TYPE, "Content-Length", String(body.length)]);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

/**
 * Errors are rest's: the same HTTP status and the same `{code, message}` JSON body (Content-Type application/json),
 * not a google.rpc.Status in protobuf. Every driver and client reads the HTTP status alone; the Content-Type says
 * which body it is; google.rpc.Status is not in proto/ (nor its generated codecs); and this way the only thing that
 * differs from rest-node on the wire is the encoding of the messages the API defines.
 */
function sendError(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy(); // a failure after the headers: a truncated body is the only honest signal left
    return;
  }
  const { status, body } = errorReply(err);
  const text = JSON.stringify(body);
  res.writeHead(status, ["Content-Type", JSON_CONTENT_TYPE, "Content-Length", String(Buffer.byteLength(text))]);
  if (req.method === "HEAD") res.end();
  else res.end(text);
}

/** Calls protobuf-h1 does not serve: their REST routes exist, so they answer 501, as gRPC answers UNIMPLEMENTED. */
function unserved(rpc: string): RpcError {
  return new RpcError("UNIMPLEMENTED", `protobuf-h1 does not serve ${rpc} (streams of protobuf messages over HTTP/1.1 are out of scope for now)`);
}

/** Chat's REST counterpart is a WebSocket upgrade at this path, which this arm leaves off: case and one trailing slash as the router matches. */
function isChatPath(pathname: string): boolean {
  const lower = pathname.toLowerCase();
  return lower === CHAT_PATH || lower === `${CHAT_PATH}/`;
}

export function protobufH1App(handlers: ShopHandlers, options: RestAppOptions): RequestListener {
  const calls: ProtobufCalls = protobufCalls(handlers);
  const router = new RestNodeRouter(shopRoutes());
  const body: Middleware = protobufBody(options.maxRequestBytes);
  const compress: Middleware | null = options.compression ? protobufCompression() : null;
  const maxDelayMs = options.maxDelayMs;
  const noop = (): void => {};

  /** The route itself, once the body (if any) is read and the delay (if any) is over. */
  function run(req: IncomingMessage, res: ServerResponse, rpc: HttpRpc, id: string, search: string): void {
    try {
      switch (rpc) {
        case "GetUser":
          return sendProtobuf(req, res, calls.getUser(id));
        case "ListUsers":
          return sendProtobuf(req, res, calls.listUsers(parseQuery(search)));
        case "CreateUser":
          return sendProtobuf(req, res, calls.createUser(parsedBody(req)));
        case "UpdateUser":
          return sendProtobuf(req, res, calls.updateUser(id, parsedBody(req)));
        case "DeleteUser":
          return sendProtobuf(req, res, calls.deleteUser(id));
        case "ListOrders":
          return sendProtobuf(req, res, calls.listOrders(id, parseQuery(search)));
        case "StreamOrders":
          return sendError(req, res, unserved(rpc));
        case "Upload":
          calls.upload(req).then(
            (reply) => {
              // x-delay-ms applies after the last chunk, before the reply.
              const ms = maxDelayMs > 0 ? requestDelayMs(req.headers[DELAY_HEADER], maxDelayMs) : 0;
              if (ms > 0) setTimeout(sendProtobuf, ms, req, res, reply);
              else sendProtobuf(req, res, reply);
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
        id = decodePathParam(match.rawId); // as rest-node (and express): at match time, before the method is looked at
      } catch (err) {
        return sendError(req, res, err);
      }
      rpc = rpcFor(match.shape, req.method);
    }
    if (rpc === undefined) {
      if ((req.method === "GET" || req.method === "HEAD") && isChatPath(pathname)) return sendError(req, res, unserved("Chat"));
      return sendError(req, res, new RpcError("NOT_FOUND", `no route for ${req.method} ${pathname}`));
    }
    if (rpc === "CreateUser" || rpc === "UpdateUser") {
      const route = rpc;
      body(req, res, (err) => (err === undefined || err === null ? delayThenRun(req, res, route, id, search) : sendError(req, res, err)));
      return;
    }
    delayThenRun(req, res, rpc, id, search);
  };
}
