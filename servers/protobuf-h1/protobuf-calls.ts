// What protobuf-h1 does per route: the REST message layer every REST arm shares (rest/rest-calls.ts: path id,
// query checks, the handler call), with protobuf instead of canonical JSON on both sides: the request body is
// decoded and the reply encoded by the generated static codecs, the very encode the grpc arm runs. So this arm
// and rest-node do the same work per request but the encoding.
import { google, shop } from "../../proto/generated/shop.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";
import { restMessageCalls, type RestQuery } from "../rest/rest-calls.js";

/** What request and reply bodies are sent as (no 5-byte gRPC prefix: HTTP/1.1 framing carries the length). */
export const PROTOBUF_CONTENT_TYPE = "application/x-protobuf";

/**
 * The body of CreateUser and UpdateUser as a User. As in google.api.http's `body: "user"` convention, the REST
 * body is the request's `user` field (a User message), not the whole CreateUserRequest/UpdateUserRequest: the
 * path carries user_id, as it does for rest's JSON body. A body that is not a User is INVALID_ARGUMENT with the
 * grpc arm's text for a request that does not decode.
 */
function userBody(body: unknown): shop.v1.IUser {
  if (!(body instanceof Uint8Array)) throw new RpcError("INVALID_ARGUMENT", `expected a protobuf body with Content-Type: ${PROTOBUF_CONTENT_TYPE}`);
  try {
    return shop.v1.User.decode(body);
  } catch (err) {
    throw new RpcError("INVALID_ARGUMENT", `malformed protobuf request: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** One method per route protobuf-h1 serves; each returns the encoded reply message or throws. */
export interface ProtobufCalls {
  getUser(id: string): Uint8Array;
  listUsers(query: RestQuery): Uint8Array;
  /** `body`: what the protobuf body reader left (a Buffer, or undefined when the request had none or another Content-Type) */
  createUser(body: unknown): Uint8Array;
  updateUser(id: string, body: unknown): Uint8Array;
  deleteUser(id: string): Uint8Array;
  listOrders(id: string, query: RestQuery): Uint8Array;
  /** The octet-stream body hashed as rest hashes it; the UploadResult encoded. */
  upload(body: AsyncIterable<Uint8Array>): Promise<Uint8Array>;
}

export function protobufCalls(handlers: ShopHandlers): ProtobufCalls {
  const calls = restMessageCalls(handlers);
  return {
    getUser: (id) => shop.v1.User.encode(calls.getUser(id)).finish(),
    listUsers: (query) => shop.v1.ListUsersResponse.encode(calls.listUsers(query)).finish(),
    createUser: (body) => shop.v1.User.encode(calls.createUser(userBody(body))).finish(),
    updateUser: (id, body) => shop.v1.User.encode(calls.updateUser(id, userBody(body))).finish(),
    deleteUser: (id) => google.protobuf.Empty.encode(calls.deleteUser(id)).finish(),
    listOrders: (id, query) => shop.v1.ListOrdersResponse.encode(calls.listOrders(id, query)).finish(),
    upload: async (body) => shop.v1.UploadResult.encode(await calls.upload(body)).finish(),
  };
}
