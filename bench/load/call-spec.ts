// The one call a load scenario repeats, in every form a driver needs: the gRPC method path and pre-encoded
// request frame, the REST path, and the codecs the end-to-end clients decode with. Derived from the payload
// size class, so both protocols ask for exactly the same data.
import { restPath, SHOP_ROUTES } from "../../servers/shop-routes.js";
import type { PayloadClass } from "../model/measurement.js";
import { SIZE_CLASSES } from "../../payloads/size-classes.js";
import { shop } from "../../proto/generated/shop.js";
import { grpcFrame } from "../drivers/grpc-frame.js";

export type UnaryCall = "GetUser" | "ListOrders";

export interface CallSpec {
  call: UnaryCall;
  payload: PayloadClass;
  /** /shop.v1.UserService/GetUser */
  grpcPath: string;
  /** the request protobuf message */
  requestBytes: Uint8Array;
  /** length-prefixed request, ready to write as the gRPC DATA frame payload */
  requestFrame: Buffer;
  /** REST path and query, e.g. /v1/users/u-6 */
  restPath: string;
  /** message type names for canonical JSON */
  responseMessage: "User" | "ListOrdersResponse";
  /** the request as an in-memory message, and the static codecs, for the end-to-end clients (which encode per call) */
  request: object;
  serializeRequest(message: object): Buffer;
  deserializeResponse(bytes: Uint8Array): object;
}

export function callSpec(payload: PayloadClass): CallSpec {
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
