// The gateway's request listener, per request: route by the annotated templates (gateway-router.ts), read the JSON
// body with the REST arms' body parser when the route has one, build the request message (request-message.ts),
// forward it over the one upstream channel, and write the reply's canonical JSON as rest writes it. Every error,
// the upstream's statuses included, is rest's reply for that status.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type * as grpc from "@grpc/grpc-js";
import { canonicalJsonCodec, type CanonicalJsonCodec } from "../../proto/canonical-json.js";
import { SHOP_SERVICES, type ServiceName } from "../grpc/service-definitions.js";
import { AUTHORIZATION } from "../handlers/bearer-token.js";
import { DELAY_HEADER } from "../handlers/request-delay.js";
import { RpcError } from "../handlers/status.js";
import type { RestAppOptions } from "../rest/rest-http-server.js";
import { jsonBody, parsedBody, responseCompression, type Middleware } from "../rest/rest-middleware.js";
import { splitTarget } from "../rest/request-target.js";
import { GatewayRouter } from "./gateway-router.js";
import type { HttpRoute } from "./http-rules.js";
import { sendError, sendJson } from "./json-reply.js";
import { requestBuilder, type RequestBuilder } from "./request-message.js";
import type { UpstreamChannel } from "./upstream-channel.js";

/** Everything a route needs per request, resolved once at start. */
interface ServedRoute {
  route: HttpRoute;
  build: RequestBuilder;
  upstream: grpc.MethodDefinition<object, object>;
  reply: CanonicalJsonCodec;
}

function served(route: HttpRoute): ServedRoute {
  if (route.streaming) throw new Error(`${route.rpc}: the gateway serves unary calls only`);
  const upstream = SHOP_SERVICES[route.service as ServiceName]?.[route.rpc] as grpc.MethodDefinition<object, object> | undefined;
  if (upstream === undefined) throw new Error(`${route.grpcPath}: no such method in the grpc arm's service definitions`);
  return { route, build: requestBuilder(route), upstream, reply: canonicalJsonCodec(route.responseType.fullName) };
}

export function gatewayApp(routes: readonly HttpRoute[], channel: UpstreamChannel, options: RestAppOptions): RequestListener {
  const byRoute = new Map(routes.map((route) => [route, served(route)]));
  const router = new GatewayRouter(routes);
  const json: Middleware = jsonBody(options.maxRequestBytes);
  const compress: Middleware | null = options.compression ? responseCompression() : null;
  const forwardDelay = options.maxDelayMs > 0;
  const noop = (): void => {};

  function call(req: IncomingMessage, res: ServerResponse, target: ServedRoute, values: string[], search: string): void {
    let request: object;
    try {
      request = target.build(values, search, parsedBody(req));
    } catch (err) {
      return sendError(req, res, err);
    }
    const delay = forwardDelay ? req.headers[DELAY_HEADER] : undefined;
    // Checked already when the gateway has a token of its own (rest-bearer.ts, before this listener runs).
    const authorization = req.headers[AUTHORIZATION];
    channel.unary(target.upstream, request, typeof delay === "string" ? delay : undefined, authorization, (err, reply) => {
      if (err !== null) return sendError(req, res, err);
      try {
        sendJson(req, res, 200, target.reply.toJson(reply!));
      } catch (error) {
        sendError(req, res, error);
      }
    });
  }

  return function onRequest(req, res) {
    if (compress !== null) compress(req, res, noop); // connect-style; calls next() synchronously
    const method = req.method ?? "GET";
    const { pathname, search } = splitTarget(req.url ?? "/");
    const match = router.match(pathname);
    let route: HttpRoute | undefined;
    let values: string[] = [];
    if (match !== null) {
      try {
        values = match.values(); // as express: at match time, before the method is looked at
      } catch (err) {
        return sendError(req, res, err);
      }
      route = match.route(method);
    }
    const target = route === undefined ? undefined : byRoute.get(route);
    if (target === undefined) return sendError(req, res, new RpcError("NOT_FOUND", `no route for ${method} ${pathname}`));
    if (target.route.body === "") return call(req, res, target, values, search);
    json(req, res, (err) => (err === undefined || err === null ? call(req, res, target, values, search) : sendError(req, res, err)));
  };
}
