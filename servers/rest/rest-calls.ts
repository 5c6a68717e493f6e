// What every REST arm does per route, without a framework: parameter checks (int32 query strings, a query
// parameter given once), the canonical JSON mapping in and out, and the handler call. The adapters (express in
// rest-app.ts, raw node:http in servers/rest-node/) only route, read the body and write the reply, so two
// REST arms do the same work per request and differ by the framework alone.
import type { ParsedUrlQuery } from "node:querystring";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { shop } from "../../proto/generated/shop.js";
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
function int32Param(query: RestQuery, name: string): number {
  const raw = query[name];
  if (raw === undefined) return 0;
  if (typeof raw !== "string" || !INT32.test(raw) || Number(raw) !== (Number(raw) | 0)) {
    throw new RpcError("INVALID_ARGUMENT", `${name} must be an int32, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function stringParam(query: RestQuery, name: string): string {
  const raw = query[name];
  if (raw === undefined) return "";
  if (typeof raw !== "string") throw new RpcError("INVALID_ARGUMENT", `${name} must be given once`);
  return raw;
}

/** The parsed JSON body (the body parser already ran JSON.parse; undefined when it did not parse) as a User. */
function userBody(body: unknown): shop.v1.IUser {
  if (body === undefined) throw new RpcError("INVALID_ARGUMENT", "expected a JSON body with Content-Type: application/json");
  return codec.user.fromJson(body as JsonValue) as shop.v1.IUser;
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
  return {
    getUser: (id) => codec.user.toJson(handlers.getUser({ userId: id })),
    listUsers: (query) => codec.listUsers.toJson(handlers.listUsers({ pageSize: int32Param(query, "page_size"), pageToken: stringParam(query, "page_token") })),
    createUser: (body) => codec.user.toJson(handlers.createUser({ user: userBody(body) })),
    updateUser: (id, body) => codec.user.toJson(handlers.updateUser({ userId: id, user: userBody(body) })),
    deleteUser: (id) => codec.empty.toJson(handlers.deleteUser({ userId: id })),
    listOrders: (id, query) =>
      codec.listOrders.toJson(
        handlers.listOrders({
          userId: id,
          limit: int32Param(query, "limit"),
          pageSize: int32Param(query, "page_size"),
          pageToken: stringParam(query, "page_token"),
        }),
      ),
    streamOrders: (id, query) => handlers.streamOrders({ userId: id, limit: int32Param(query, "limit") }),
    async upload(body) {
      const sink = handlers.upload();
      for await (const chunk of body) sink.write(chunk);
      return codec.upload.toJson(sink.finish());
    },
  };
}
