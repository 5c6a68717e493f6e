// A --config call in the form every load driver takes (bench/load/call-spec.ts): the user's gRPC method path and
// pre-encoded request frames, the REST requests (method, path with query, JSON body), the user's message types as
// codecs, all of the call's requests sent round-robin, index for index on both sides, and, with `check: equal-json`,
// a check of every end-to-end response against the reference replies (response-check.ts).
import type protobuf from "protobufjs";
import { fromCanonicalJson, type JsonValue } from "../../proto/canonical-json.js";
import type { UserCall } from "./user-call.js";
import { grpcFrame } from "../drivers/grpc-frame.js";
import type { CallSpec, RestRequest } from "../load/call-spec.js";
import { responseCheck } from "./response-check.js";

/** Unary calls only: a streaming method has no single reply to time (the stream family measures streams). */
export function isUnary(call: Pick<UserCall, "grpc">): boolean {
  return !call.grpc.serverStreaming && !call.grpc.clientStreaming;
}

/** The call's REST requests, as the drivers send them. */
export function restRequestsOf(call: Pick<UserCall, "rest">): RestRequest[] {
  return call.rest.requests.map((r) => ({ method: call.rest.method.toUpperCase(), path: r.path, body: r.body }));
}

/**
 * The CallSpec of a config call. `expected`: the canonical JSON of the reply to each request (response-check.ts);
 * given, the end-to-end drivers count a reply that differs as "mismatch".
 */
export function userCallSpec(call: UserCall, expected?: readonly JsonValue[]): CallSpec {
  const { requestType, responseType } = call.grpc;
  if (call.grpc.requests.length === 0) throw new Error(`call ${call.name} has no request`);
  const requestFrames = call.grpc.requests.map((bytes) => grpcFrame(bytes));
  // In-memory messages for the grpc-js stub, which encodes per call as an application's client does.
  const requests = call.grpc.requests.map((bytes) => requestType.decode(bytes));
  const rest = restRequestsOf(call);
  return {
    call: call.name,
    payload: "config",
    grpcPath: call.grpc.path,
    requestBytes: call.grpc.requests[0] as Uint8Array,
    requestFrame: requestFrames[0] as Buffer,
    restPath: (rest[0] as RestRequest).path,
    responseMessage: responseType.fullName.replace(/^\./, ""),
    request: requests[0] as protobuf.Message,
    serializeRequest: (message) => Buffer.from(requestType.encode(message as protobuf.Message).finish()),
    deserializeResponse: (bytes) => responseType.decode(bytes),
    responseFromJson: (json) => fromCanonicalJson(responseType, json),
    rotation: { requests, requestFrames, rest },
    ...(expected !== undefined ? { check: responseCheck(responseType, expected) } : {}),
  };
}
