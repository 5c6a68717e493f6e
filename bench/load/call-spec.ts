// The one call a load scenario repeats, in every form a driver needs: the gRPC method path and pre-encoded
// request frame, the REST path, and the codecs the end-to-end clients decode with. Derived from the payload
// size class, so both protocols ask for exactly the same data. A --config call (bench/user-api/user-call-spec.ts)
// fills the same shape from the user's proto, and may add several requests sent round-robin, REST methods with
// JSON bodies and a check of each response.
import type { JsonValue } from "../../proto/canonical-json.js";
import { restPath, SHOP_ROUTES } from "../../servers/shop-routes.js";
import type { LoadPayload } from "../model/load-result.js";
import type { PayloadClass } from "../model/measurement.js";
import { SIZE_CLASSES } from "../../payloads/size-classes.js";
import { shop } from "../../proto/generated/shop.js";
import { grpcFrame } from "../drivers/grpc-frame.js";

export type UnaryCall = "GetUser" | "ListOrders";

/** One REST request: method, path with query, and a JSON body (sent with content-type application/json) or none. */
export interface RestRequest {
  method: string;
  path: string;
  body: string | null;
}

/** The same requests in every form a driver sends, index for index; drivers send them round-robin. */
export interface RequestRotation {
  /** in-memory messages, for the grpc-js stub (which encodes per call) */
  requests: readonly object[];
  /** length-prefixed, for the lean gRPC drivers */
  requestFrames: readonly Buffer[];
  rest: readonly RestRequest[];
}

export interface CallSpec {
  /** the RPC name (GetUser), or a --config call's name */
  call: string;
  payload: LoadPayload;
  /** /shop.v1.UserService/GetUser */
  grpcPath: string;
  /** the request protobuf message */
  requestBytes: Uint8Array;
  /** length-prefixed request, ready to write as the gRPC DATA frame payload */
  requestFrame: Buffer;
  /** REST path and query, e.g. /v1/users/u-6 */
  restPath: string;
  /** message type name for canonical JSON (shop.v1); a --config call gives responseFromJson instead */
  responseMessage: string;
  /** the request as an in-memory message, and the static codecs, for the end-to-end clients (which encode per call) */
  request: object;
  serializeRequest(message: object): Buffer;
  deserializeResponse(bytes: Uint8Array): object;
  /** a REST reply's JSON → the response message; absent: the canonical JSON mapping of `responseMessage` */
  responseFromJson?: (json: JsonValue) => object;
  /** several requests sent round-robin (a --config call); absent: every call sends the one request above */
  rotation?: RequestRotation;
  /**
   * End-to-end drivers: whether the decoded response to request `index` (of the rotation; 0 without one) is the one
   * expected; false counts the call as "mismatch". Absent: any decodable response of the right status is a success.
   */
  check?: (index: number, response: object) => boolean;
}

/** A shop call's spec: its RPC, size class and response message are the shop's. */
export interface ShopCallSpec extends CallSpec {
  call: UnaryCall;
  payload: PayloadClass;
  responseMessage: "User" | "ListOrdersResponse";
}

export function callSpec(payload: PayloadClass): ShopCallSpec {
  const cls = SIZE_CLASSES[payload];
  if (cls.call === "GetUser") {
    const request = { userId: cls.userId };
    const requestBytes = shop.v1.GetUserRequest.encode(request).finish();
    return {
      call: "GetUser",
      payload,
      grpcPath: SHOP_ROUTES.GetUser.grpcPath,
      requestBytes,
      requestFrame: grpcFrame(requestBytes),
      restPath: restPath.getUser(cls.userId),
      responseMessage: "User",
      request,
      serializeRequest: (message) => Buffer.from(shop.v1.GetUserRequest.encode(message).finish()),
      deserializeResponse: (bytes) => shop.v1.User.decode(bytes),
    };
  }
  const request = { userId: cls.userId, limit: cls.limit };
  const requestBytes = shop.v1.ListOrdersRequest.encode(request).finish();
  return {
    call: "ListOrders",
    payload,
    grpcPath: SHOP_ROUTES.ListOrders.grpcPath,
    requestBytes,
    requestFrame: grpcFrame(requestBytes),
    restPath: restPath.listOrders(cls.userId, { limit: cls.limit }),
    responseMessage: "ListOrdersResponse",
    request,
    serializeRequest: (message) => Buffer.from(shop.v1.ListOrdersRequest.encode(message).finish()),
    deserializeResponse: (bytes) => shop.v1.ListOrdersResponse.decode(bytes),
  };
}
