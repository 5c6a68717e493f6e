// What every REST arm does per route, without a framework: parameter checks (int32 query strings, a query
// parameter given once), the handler call, and the canonical JSON mapping in and out. The adapters (express in
// rest-app.ts, raw node:http in servers/rest-node/) only route, read the body and write the reply, so two
// REST arms do the same work per request and differ by the framework alone. The message layer
// (restMessageCalls) is the REST request → handler → reply message part alone, so an arm with another wire
// format (servers/protobuf-h1/) reads the same parameters the same way and differs by the encoding alone.
import type { ParsedUrlQuery } from "node:querystring";
import { canonicalJsonCodec, type CanonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { google, shop } from "../../proto/generated/shop.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";

/**
 * Query parameters as node:querystring parses them: express 5's default ("simple") query parser is
 * querystring.parse, and rest-node calls it directly. A parameter given twice is an array.
 */
export type RestQuery = ParsedUrlQuery;

const codec = {
  user: canonicalJsonCodec("User"),
  listUsers: canonicalJsonCodec("ListUsersResponse"),
  listOrders: canonicalJsonCodec("ListOrdersResponse"),
  empty: canonicalJsonCodec("google.protobuf.Empty"),
  upload: canonicalJsonCodec("UploadResult"),
};

const INT32 = /^-?\d{1,10}$/;

/** An int32 query parameter; absent is 0 (the proto3 default, which the handlers read as "server default"). */
export function int32Param(query: RestQuery, name: string): number {
  const raw = query[name];
  if (raw === undefined) return 0;
  if (typeof raw !== "string" || !INT32.test(raw) || Number(raw) !== (Number(raw) | 0)) {
    throw new RpcError("INVALID_ARGUMENT", `${name} must be an int32, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

/** A string query parameter given at most once; absent is "" (the proto3 default). */
export function stringParam(query: RestQuery, name: string): string {
  const raw = query[name];
  if (raw === undefined) return "";
  if (typeof raw !== "string") throw new RpcError("INVALID_ARGUMENT", `${name} must be given once`);
  return raw;
}

/**
 * The parsed JSON body (the body parser already ran JSON.parse; undefined when it did not parse) as a message of
 * the codec's type (the gateway maps a body field of any type through it).
 */
export function messageBody(type: Pick<CanonicalJsonCodec, "fromJson">, body: unknown): Record<string, unknown> {
  if (body === undefined) throw new RpcError("INVALID_ARGUMENT", "expected a JSON body with Content-Type: application/json");
  return type.fromJson(body as JsonValue);
}

function userBody(body: unknown): shop.v1.IUser {
  return messageBody(codec.user, body) as shop.v1.IUser;
}

/**
 * One method per REST route, whatever the wire format: path id, query parameters and the request body (the
 * request's `user` field, already decoded) in, the reply message out, or a thrown RpcError.
 */
export interface RestMessageCalls {
  getUser(id: string): shop.v1.IUser;
  listUsers(query: RestQuery): shop.v1.IListUsersResponse;
  createUser(user: shop.v1.IUser): shop.v1.IUser;
  updateUser(id: string, user: shop.v1.IUser): shop.v1.IUser;
  deleteUser(id: string): google.protobuf.IEmpty;
  listOrders(id: string, query: RestQuery): shop.v1.IListOrdersResponse;
  /** Validates the request and returns the orders to stream; throws before the caller writes any byte. */
  streamOrders(id: string, query: RestQuery): Iterator<shop.v1.IOrder>;
  /** Hashes the body chunk by chunk as it is read (no size limit on the whole: gRPC limits each message only). */
  upload(body: AsyncIterable<Uint8Array>): Promise<shop.v1.IUploadResult>;
}

export function restMessageCalls(handlers: ShopHandlers): RestMessageCalls {
  return {
    getUser: (id) => handlers.getUser({ userId: id }),
    listUsers: (query) => handlers.listUsers({ pageSize: int32Param(query, "page_size"), pageToken: stringParam(query, "page_token") }),
    createUser: (user) => handlers.createUser({ user }),
    updateUser: (id, user) => handlers.updateUser({ userId: id, user }),
    deleteUser: (id) => handlers.deleteUser({ userId: id }),
    listOrders: (id, query) =>
      handlers.listOrders({
        userId: id,
        limit: int32Param(query, "limit"),
        pageSize: int32Param(query, "page_size"),
        pageToken: stringParam(query, "page_token"),
      }),
    streamOrders: (id, query) => handlers.streamOrders({ userId: id, limit: int32Param(query, "limit") }),
    async upload(body) {
      const sink = handlers.upload();
      for await (const chunk of body) sink.write(chunk);
      return sink.finish();
    },
  };
}

/** One method per REST route (Chat is the WebSocket in chat-websocket.ts). Each returns the reply's canonical JSON or throws. */
export interface RestCalls {
  getUser(id: string): JsonValue;
  listUsers(query: RestQuery): JsonValue;
  createUser(body: unknown): JsonValue;
  updateUser(id: string, body: unknown): JsonValue;
  deleteUser(id: string): JsonValue;
  listOrders(id: string, query: RestQuery): JsonValue;
  /** Validates the request and returns the orders to stream; throws before the caller writes any byte. */
  streamOrders(id: string, query: RestQuery): Iterator<shop.v1.IOrder>;
  /** Hashes the body chunk by chunk as it is read (no size limit on the whole: gRPC limits each message only). */
  upload(body: AsyncIterable<Uint8Array>): Promise<JsonValue>;
}

export function restCalls(handlers: ShopHandlers): RestCalls {
  const calls = restMessageCalls(handlers);
  return {
    getUser: (id) => codec.user.toJson(calls.getUser(id)),
    listUsers: (query) => codec.listUsers.toJson(calls.listUsers(query)),
    createUser: (body) => codec.user.toJson(calls.createUser(userBody(body))),
    updateUser: (id, body) => codec.user.toJson(calls.updateUser(id, userBody(body))),
    deleteUser: (id) => codec.empty.toJson(calls.deleteUser(id)),
    listOrders: (id, query) => codec.listOrders.toJson(calls.listOrders(id, query)),
    streamOrders: calls.streamOrders,
    upload: async (body) => codec.upload.toJson(await calls.upload(body)),
  };
}
