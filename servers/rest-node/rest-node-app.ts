// rest-node's request listener: the REST routes of servers/shop-routes.ts on raw node:http, with no framework.
// The per-request path is rest-dispatch.ts (shared with json-h2, which runs it on HTTP/2 streams); this file is
// what node:http's request and response do for it: one writeHead + end per reply, body-parser and the
// compression middleware on the objects they were written for. It sends what express sends (status, the
// Content-Type express writes, Content-Length, the same error bodies; no ETag, no X-Powered-By), so the gap
// between this arm and `rest` is what express costs.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { writeNdjsonOrders } from "../rest/ndjson-orders.js";
import { notModified } from "../rest/request-target.js";
import type { RestAppOptions } from "../rest/rest-http-server.js";
import { jsonBody, parsedBody, responseCompression, type Middleware } from "../rest/rest-middleware.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { JSON_CONTENT_TYPE, restDispatch, type RestTransport } from "./rest-dispatch.js";

/** rest-dispatch.ts on node:http's request and response. */
function nodeHttpTransport(json: Middleware): RestTransport<IncomingMessage, ServerResponse> {
  return {
    header: (req, name) => req.headers[name],
    notModified: (req) => notModified(req),
    writeJson(_req, res, method, status, body, length) {
      res.writeHead(status, ["Content-Type", JSON_CONTENT_TYPE, "Content-Length", String(length)]);
      if (method === "HEAD") res.end();
      else res.end(body);
    },
    writeNotModified(res) {
      res.writeHead(304);
      res.end();
    },
    headersSent: (res) => res.headersSent,
    abort: (res) => res.destroy(),
    readJsonBody: (req, res, done) => json(req, res, (err) => done(err, parsedBody(req))),
    requestBody: (req) => req,
    writeNdjson: (_req, res, _method, orders) => writeNdjsonOrders(res, orders),
  };
}

export function restNodeApp(handlers: ShopHandlers, options: RestAppOptions): RequestListener {
  const dispatch = restDispatch(handlers, options, nodeHttpTransport(jsonBody(options.maxRequestBytes)));
  const compress: Middleware | null = options.compression ? responseCompression() : null;
  const noop = (): void => {};
  return function onRequest(req, res) {
    if (compress !== null) compress(req, res, noop); // connect-style; calls next() synchronously
    dispatch(req, res, req.method as string, req.url ?? "/");
  };
}
