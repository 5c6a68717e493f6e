// What the two lean gRPC drivers (h2-frames, h2-node) are told and send: the same options and the same request
// headers for every call, so the crosscheck between them compares two clients, not two requests.
import { authHeaders, tokenOf } from "../run-token.js";
import { endpointKey } from "../run-tls.js";
import { targetEndpoint } from "./target-address.js";

export interface LeanGrpcOptions {
  /** host:port or grpc://host:port (cleartext), grpcs://host:port (TLS) */
  target: string;
  connections: number;
  /** gRPC method path, e.g. /shop.v1.UserService/GetUser */
  path: string;
  /** the length-prefixed request (grpcFrame(encoded message)) */
  frame: Buffer;
  timeoutMs: number;
  /** Extra request headers (e.g. grpc-accept-encoding); none by default. */
  headers?: Record<string, string>;
  /** The bearer token sent as `authorization` metadata: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

/** One call's request headers, pseudo-headers first, the bearer token (if any) last. */
export function grpcRequestHeaders(options: Pick<LeanGrpcOptions, "target" | "path" | "headers" | "token">): [string, string][] {
  const endpoint = targetEndpoint(options.target);
  return [
    [":method", "POST"],
    [":scheme", endpoint.tls ? "https" : "http"],
    [":path", options.path],
    [":authority", endpointKey(endpoint.host, endpoint.port)],
    ["content-type", "application/grpc"],
    ["te", "trailers"],
    ...Object.entries(options.headers ?? {}),
    ...Object.entries(authHeaders(tokenOf(options.token))),
  ];
}
