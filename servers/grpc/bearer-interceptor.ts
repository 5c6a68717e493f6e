// The grpc arm's bearer token check: a grpc-js server interceptor, the library's own place for authentication.
// It sees the call's metadata before the handler starts, so a call without the token ends with UNAUTHENTICATED
// before its request message is read or decoded (as grpc-raw refuses it from the HEADERS alone), and the four
// handler kinds need no check of their own. grpc.health.v1 stays open: a health probe (a load balancer, a
// Kubernetes grpc probe) carries no credentials, and health is not a shop.v1 call.
import * as grpc from "@grpc/grpc-js";
import { AUTHORIZATION, type BearerCheck } from "../handlers/bearer-token.js";
import { statusCode } from "../handlers/status.js";

export const HEALTH_SERVICE_PREFIX = "/grpc.health.v1.Health/";

export function bearerInterceptor(check: BearerCheck): grpc.ServerInterceptor {
  return (method, call) => {
    // grpc-js chains whatever an interceptor returns; the call itself is the cheapest pass-through.
    if (method.path.startsWith(HEALTH_SERVICE_PREFIX)) return call as grpc.ServerInterceptingCall;
    return new grpc.ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, pass) {
            const failure = check(metadata.get(AUTHORIZATION)[0]);
            // Without pass(), the handler never starts and no message is read.
            if (failure === null) pass(metadata);
            else call.sendStatus({ code: statusCode(failure.error.code), details: failure.error.message });
          },
        });
      },
    });
  };
}
