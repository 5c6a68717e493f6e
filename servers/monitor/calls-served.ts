// The one count every arm's monitor reports as callsServed: shop.v1 calls the server started serving. Each arm adds
// one where it hands a call to its shop dispatch, after the bearer token check (a refused call never started) and
// never for the monitor itself or grpc.health.v1 — so the same traffic gives the same count on every arm:
// - grpc: in each handler wrapper (unary, server stream, client stream, bidi), as grpc-js starts the handler;
// - grpc-raw: where the stream listener creates the call of a known shop.v1 method;
// - json-h2: in the stream listener, before rest-dispatch.ts;
// - rest, rest-node, rest-fastify, protobuf-h1, gateway: in the server's request listener before the framework
//   (rest/rest-http-server.ts), and once per WebSocket chat (one Chat call, as gRPC's bidi stream is one call).
// On the HTTP arms a request for a path no route serves counts too (the framework dispatched it and answered 404);
// grpc-js answers an unknown method itself, so there it does not. Benchmark traffic only calls real routes.
export class CallsServed {
  /** a plain field: one increment per call, nothing more on the hot path */
  count = 0;
}
