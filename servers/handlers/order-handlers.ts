// OrderService semantics, transport-free. ListOrders replies are memoized per (user, limit) so the benchmark's
// steady state measures encoding and transport, not data generation; StreamOrders generates one order at a time.
import type { shop } from "../../proto/generated/shop.js";
import { generateOrder, generateOrders } from "../../payloads/generator.js";
import type { BoundedMemo } from "./bounded-memo.js";
import { RpcError } from "./status.js";
import { requireUser } from "./user-handlers.js";
import type { UserStore } from "./user-store.js";

export const DEFAULT_ORDER_LIMIT = 10;
export const MAX_LIST_LIMIT = 20_000;
export const MAX_STREAM_LIMIT = 1_000_000;

export interface OrderHandlers {
  listOrders(req: shop.v1.IListOrdersRequest): shop.v1.IListOrdersResponse;
  /** Validates eagerly (throws RpcError before the first order), then yields orders one by one. */
  streamOrders(req: shop.v1.IStreamOrdersRequest): Iterator<shop.v1.IOrder>;
}

function checkedLimit(limit: number | null | undefined, max: number): number {
  const n = limit || DEFAULT_ORDER_LIMIT;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new RpcError("INVALID_ARGUMENT", `limit must be 1..${max} (0 for ${DEFAULT_ORDER_LIMIT}), got ${n}`);
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
  return {
    listOrders(req) {
      const limit = checkedLimit(req.limit, MAX_LIST_LIMIT);
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
      const limit = checkedLimit(req.limit, MAX_STREAM_LIMIT);
      const user = requireUser(store, req.userId);
      return ordersOf(seed, user.id as string, limit);
    },
  };
}
