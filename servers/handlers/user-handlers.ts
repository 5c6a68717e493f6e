// UserService semantics, transport-free: requests and replies are protobufjs-shaped messages, failures are RpcErrors.
import type { google, shop } from "../../proto/generated/shop.js";
import { decodePageToken, encodePageToken } from "./page-token.js";
import { RpcError } from "./status.js";
import { setUserFields } from "./user-fields.js";
import type { UserStore } from "./user-store.js";
import { timestampAt } from "./clock.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
const USER_STATUS_ACTIVE = 1;

export interface UserHandlers {
  getUser(req: shop.v1.IGetUserRequest): shop.v1.IUser;
  listUsers(req: shop.v1.IListUsersRequest): shop.v1.IListUsersResponse;
  createUser(req: shop.v1.ICreateUserRequest): shop.v1.IUser;
  updateUser(req: shop.v1.IUpdateUserRequest): shop.v1.IUser;
  deleteUser(req: shop.v1.IDeleteUserRequest): google.protobuf.IEmpty;
}

function requireId(id: string | null | undefined): string {
  if (!id) throw new RpcError("INVALID_ARGUMENT", "user_id is required");
  return id;
}

export function requireUser(store: UserStore, id: string | null | undefined): shop.v1.IUser {
  const key = requireId(id);
  const user = store.get(key);
  if (!user) throw new RpcError("NOT_FOUND", `user ${JSON.stringify(key)} not found`);
  return user;
}


export function userHandlers(store: UserStore): UserHandlers {
  return {
    getUser: (req) => requireUser(store, req.userId),

    listUsers(req) {
      const size = req.pageSize || DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
        throw new RpcError("INVALID_ARGUMENT", `page_size must be 1..${MAX_PAGE_SIZE} (0 for ${DEFAULT_PAGE_SIZE}), got ${size}`);
      }
      const offset = decodePageToken(req.pageToken ?? "");
      const users = store.page(offset, size);
      const next = offset + size;
      // A token past the end (the listing shrank since it was issued) is an empty last page, not an error.
      // No token on the last page: an explicit "" would cost 2 protobuf bytes a conforming encoder leaves out.
      return next < store.size ? { users, nextPageToken: encodePageToken(next) } : { users };
    },

    createUser(req) {
      if (!req.user) throw new RpcError("INVALID_ARGUMENT", "user is required");
      const fields = setUserFields(req.user);
      if (!fields["name"]) throw new RpcError("INVALID_ARGUMENT", "user.name is required");
      if (!fields["email"]) throw new RpcError("INVALID_ARGUMENT", "user.email is required");
      // id, created_at and status are the server's (the proto says so); a status sent by the client is ignored.
      return store.create({ ...fields, status: USER_STATUS_ACTIVE, createdAt: timestampAt(Date.now()) });
    },

    updateUser(req) {
      const current = requireUser(store, req.userId);
      if (!req.user) throw new RpcError("INVALID_ARGUMENT", "user is required");
      // PATCH: every non-default field of req.user replaces the stored one; a new object, never an in-place edit.
      const updated = { ...current, ...setUserFields(req.user), id: current.id as string };
      store.replace(updated);
      return updated;
    },

    deleteUser(req) {
      const id = requireId(req.userId);
      if (!store.delete(id)) throw new RpcError("NOT_FOUND", `user ${JSON.stringify(id)} not found`);
      return {};
    },
  };
}
