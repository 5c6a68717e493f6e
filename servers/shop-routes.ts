// The one table of shop.v1 calls: per RPC, its gRPC method path and its REST method and path template. The
// REST adapters route from it and clients build their paths with restPath, so a path is written only here.
import { protoPackage } from "../proto/schema.js";
import type { ServiceName } from "./grpc/service-definitions.js";

export type RpcName =
  | "GetUser"
  | "ListUsers"
  | "CreateUser"
  | "UpdateUser"
  | "DeleteUser"
  | "ListOrders"
  | "StreamOrders"
  | "Upload"
  | "Chat";

export type RestMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface ShopRoute {
  rpc: RpcName;
  service: ServiceName;
  /** e.g. "/shop.v1.UserService/GetUser" */
  grpcPath: string;
  rest: {
    method: RestMethod;
    /** express-style template; ":id" is the only parameter, one path segment (percent-encoded on the wire) */
    path: string;
    /** what the REST request carries */
    request: "none" | "json" | "octet-stream";
    /** what the REST reply is: one JSON document, NDJSON lines, or a WebSocket upgrade */
    response: "json" | "ndjson" | "websocket";
  };
}

const grpcPath = (service: ServiceName, rpc: RpcName): string => `/${protoPackage}.${service}/${rpc}`;

function route(rpc: RpcName, service: ServiceName, method: RestMethod, path: string, request: ShopRoute["rest"]["request"], response: ShopRoute["rest"]["response"]): ShopRoute {
  return { rpc, service, grpcPath: grpcPath(service, rpc), rest: { method, path, request, response } };
}

/** Every RPC of shop.v1, in proto order; REST adapters register routes in this order. */
export const SHOP_ROUTES: Readonly<Record<RpcName, ShopRoute>> = {
  GetUser: route("GetUser", "UserService", "GET", "/v1/users/:id", "none", "json"),
  ListUsers: route("ListUsers", "UserService", "GET", "/v1/users", "none", "json"),
  CreateUser: route("CreateUser", "UserService", "POST", "/v1/users", "json", "json"),
  UpdateUser: route("UpdateUser", "UserService", "PATCH", "/v1/users/:id", "json", "json"),
  DeleteUser: route("DeleteUser", "UserService", "DELETE", "/v1/users/:id", "none", "json"),
  ListOrders: route("ListOrders", "OrderService", "GET", "/v1/users/:id/orders", "none", "json"),
  StreamOrders: route("StreamOrders", "OrderService", "GET", "/v1/users/:id/orders/stream", "none", "ndjson"),
  Upload: route("Upload", "UploadService", "POST", "/v1/uploads", "octet-stream", "json"),
  // ChatService.Chat's REST counterpart: a WebSocket (GET + Upgrade) on the REST server.
  Chat: route("Chat", "ChatService", "GET", "/v1/chat", "none", "websocket"),
};

export const REST_UPLOAD_PATH = SHOP_ROUTES.Upload.rest.path;
export const CHAT_PATH = SHOP_ROUTES.Chat.rest.path;

/** The table as a list, in proto order. */
export function shopRoutes(): ShopRoute[] {
  return Object.values(SHOP_ROUTES);
}

/** A template with its ":id" filled in, percent-encoded as one path segment. */
function fill(template: string, id: string): string {
  return template.replace(":id", encodeURIComponent(id));
}

/** "?a=1&b=2" of the parameters that are set ("" when none); values are percent-encoded. */
function query(params: readonly (readonly [string, string | number | undefined])[]): string {
  let out = "";
  for (const [name, value] of params) {
    if (value === undefined || value === "") continue;
    out += `${out === "" ? "?" : "&"}${name}=${encodeURIComponent(String(value))}`;
  }
  return out;
}

export interface ListUsersParams {
  pageSize?: number;
  pageToken?: string;
}

export interface ListOrdersParams {
  limit?: number;
  pageSize?: number;
  /** "" is the same as absent (the first page) */
  pageToken?: string;
}

/** REST path (and query) of each call, as clients send it. Parameters left undefined are not sent. */
export const restPath = {
  getUser: (userId: string): string => fill(SHOP_ROUTES.GetUser.rest.path, userId),
  listUsers: (params: ListUsersParams = {}): string =>
    SHOP_ROUTES.ListUsers.rest.path +
    query([
      ["page_size", params.pageSize],
      ["page_token", params.pageToken],
    ]),
  createUser: (): string => SHOP_ROUTES.CreateUser.rest.path,
  updateUser: (userId: string): string => fill(SHOP_ROUTES.UpdateUser.rest.path, userId),
  deleteUser: (userId: string): string => fill(SHOP_ROUTES.DeleteUser.rest.path, userId),
  listOrders: (userId: string, params: ListOrdersParams = {}): string =>
    fill(SHOP_ROUTES.ListOrders.rest.path, userId) +
    query([
      ["limit", params.limit],
      ["page_size", params.pageSize],
      ["page_token", params.pageToken],
    ]),
  streamOrders: (userId: string, limit?: number): string => fill(SHOP_ROUTES.StreamOrders.rest.path, userId) + query([["limit", limit]]),
  upload: (): string => REST_UPLOAD_PATH,
  chat: (): string => CHAT_PATH,
} as const;
