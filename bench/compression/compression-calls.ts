// The calls the compression family sends, in both protocols: the size classes' GetUser/ListOrders (the
// response direction: what the server sends is big) and UpdateUser with the small class's user as the body
// (the request direction: the only unary call whose request carries a message worth compressing; PATCH
// semantics, so repeating it leaves the dataset's size unchanged).
import { restPath, SHOP_ROUTES } from "../../servers/shop-routes.js";
import { shop } from "../../proto/generated/shop.js";
import { toCanonicalJson } from "../../proto/canonical-json.js";
import { sizeClassMessage, SIZE_CLASSES } from "../../payloads/size-classes.js";
import { callSpec } from "../load/call-spec.js";
import type { PayloadClass } from "../model/measurement.js";

export interface CompressionCall {
  call: string;
  payload: PayloadClass;
  grpc: {
    path: string;
    request: object;
    serialize(message: object): Buffer;
    deserialize(bytes: Uint8Array): object;
    /** the request message's protobuf bytes (uncompressed) */
    requestBytes: Uint8Array;
  };
  rest: {
    method: "GET" | "PATCH";
    path: string;
    /** JSON request body (UTF-8), or null for GET */
    body: Buffer | null;
  };
}

/** GetUser (small) or ListOrders (other classes): the class's own call. */
export function responseCall(payload: PayloadClass): CompressionCall {
  const spec = callSpec(payload);
  return {
    call: spec.call,
    payload,
    grpc: { path: spec.grpcPath, request: spec.request, serialize: spec.serializeRequest, deserialize: spec.deserializeResponse, requestBytes: spec.requestBytes },
    rest: { method: "GET", path: spec.restPath, body: null },
  };
}

/** UpdateUser of the small class's user with its own fields (the server assigns id, created_at, status). */
export function updateUserCall(seed: number): CompressionCall {
  const cls = SIZE_CLASSES.small;
  const { id: _id, createdAt: _createdAt, status: _status, ...fields } = sizeClassMessage(seed, "small") as shop.v1.IUser;
  const request: shop.v1.IUpdateUserRequest = { userId: cls.userId, user: fields };
  return {
    call: "UpdateUser",
    payload: "small",
    grpc: {
      path: SHOP_ROUTES.UpdateUser.grpcPath,
      request,
      serialize: (m) => Buffer.from(shop.v1.UpdateUserRequest.encode(m).finish()),
      deserialize: (b) => shop.v1.User.decode(b),
      requestBytes: shop.v1.UpdateUserRequest.encode(request).finish(),
    },
    rest: { method: "PATCH", path: restPath.updateUser(cls.userId), body: Buffer.from(JSON.stringify(toCanonicalJson("User", fields)), "utf8") },
  };
}
