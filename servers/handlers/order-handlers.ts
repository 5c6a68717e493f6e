// OrderService semantics, transport-free. Unpaged ListOrders replies are memoized per (user, limit) so the
// benchmark's steady state measures encoding and transport, not data generation; paged ListOrders and
// StreamOrders generate one order per index, so a listing of 1 000 000 orders is never held in memory.
import type { shop } from "../../proto/generated/shop.js";
import { generateOrder, generateOrders } from "../../payloads/generator.js";
import type { BoundedMemo } from "./bounded-memo.js";
import { decodePageToken, encodePageToken } from "./page-token.js";
import { RpcError } from "./status.js";
import { requireUser } from "./user-handlers.js";
import type { UserStore } from "./user-store.js";

export const DEFAULT_ORDER_LIMIT = 10;
export const MAX_LIST_LIMIT = 20_000;
export const MAX_PAGED_LIST_LIMIT = 1_000_000;
export const MAX_ORDER_PAGE_SIZE = 1000;
export const MAX_STREAM_LIMIT = 1_000_000;

export interface OrderHandlers {
  listOrders(req: shop.v1.IListOrdersRequest): shop.v1.IListOrdersResponse;
  /** Validates eagerly (throws RpcError before the first order), then yields orders one by one. */
  streamOrders(req: shop.v1.IStreamOrdersRequest): Iterator<shop.v1.IOrder>;
}

function checkedLimit(limit: number | null | undefined, max: number, mode: string): number {
  const n = limit || DEFAULT_ORDER_LIMIT;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new RpcError("INVALID_ARGUMENT", `limit must be 1..${max}${mode} (0 for ${DEFAULT_ORDER_LIMIT}), got ${n}`);
  }
  return n;
}

function* ordersOf(seed: number, userId: string, count: number): Generator<shop.v1.IOrder> {
  for (let i = 0; i < count; i++) yield generateOrder(seed, userId, i);
}

export function orderHandlers(
  seed: number,
  store: UserStore,
  memo: BoundedMemo<string, shop.v1.IListOrdersResponse>,
): OrderHandlers {
  /** One page of the first `limit` orders; the token is the same opaque offset ListUsers uses. */
  function listOrdersPage(req: shop.v1.IListOrdersRequest, pageSize: number): shop.v1.IListOrdersResponse {
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_ORDER_PAGE_SIZE) {
      throw new RpcError("INVALID_ARGUMENT", `page_size must be 1..${MAX_ORDER_PAGE_SIZE} (0: no paging), got ${pageSize}`);
    }
    const limit = checkedLimit(req.limit, MAX_PAGED_LIST_LIMIT, " when paged");
    const offset = decodePageToken(req.pageToken ?? "");
    const id = requireUser(store, req.userId).id as string;
    const end = Math.min(offset + pageSize, limit);
    const orders: shop.v1.IOrder[] = [];
    for (let i = offset; i < end; i++) orders.push(generateOrder(seed, id, i));
    // The last page leaves next_page_token unset (never an explicit "": protobufjs would encode it). A token
    // at or past `limit` (issued for a longer listing) is an empty last page, as in ListUsers.
    return end < limit ? { orders, nextPageToken: encodePageToken(end) } : { orders };
  }

  return {
    listOrders(req) {
      if (req.pageSize) return listOrdersPage(req, req.pageSize);
      // Unpaged: exactly the reply that existed before paging (no token field, memoized).
      if (req.pageToken) throw new RpcError("INVALID_ARGUMENT", `page_token needs page_size 1..${MAX_ORDER_PAGE_SIZE}`);
      const limit = checkedLimit(req.limit, MAX_LIST_LIMIT, "");
      const user = requireUser(store, req.userId);
      const id = user.id as string;
      // Orders depend on (seed, user id, index) only, so user updates never invalidate the memo.
      return memo.getOrCompute(
        `${id}\u0000${limit}`,
        () => ({ orders: generateOrders(seed, id, limit) }),
        (reply) => reply.orders?.length ?? 0,
      );
    },

    streamOrders(req) {
      const limit = checkedLimit(req.limit, MAX_STREAM_LIMIT, "");
      const user = requireUser(store, req.userId);
      return ordersOf(seed, user.id as string, limit);
    },
  };
}
