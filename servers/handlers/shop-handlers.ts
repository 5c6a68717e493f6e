// The transport-free handler layer of every server arm: one dataset, one set of semantics. Adapters parse a
// request into a protobufjs-shaped message, call one of these functions, and encode what it returns (or the
// RpcError it throws). Nothing here knows about HTTP, gRPC, headers or bytes on the wire.
import type { shop } from "../../proto/generated/shop.js";
import { DEFAULT_SEED } from "../../payloads/generator.js";
import { BoundedMemo } from "./bounded-memo.js";
import { chatEcho } from "./chat-handler.js";
import { orderHandlers, type OrderHandlers } from "./order-handlers.js";
import { UploadSink } from "./upload-sink.js";
import { userHandlers, type UserHandlers } from "./user-handlers.js";
import { UserStore } from "./user-store.js";

export interface DatasetOptions {
  seed?: number;
  /** Seeded users (default 1000). */
  userCount?: number;
  /** Created users kept before the oldest is evicted (default 10 000). */
  maxCreatedUsers?: number;
  /** Orders held by the ListOrders memo (default 60 000: a few xlarge replies plus many small ones). */
  memoMaxOrders?: number;
}

export const DATASET_DEFAULTS = { userCount: 1000, maxCreatedUsers: 10_000, memoMaxOrders: 60_000 } as const;

export interface ShopHandlers extends UserHandlers, OrderHandlers {
  readonly seed: number;
  upload(): UploadSink;
  chat(message: shop.v1.IChatMessage): shop.v1.IChatMessage;
}

export function createShopHandlers(options: DatasetOptions = {}): ShopHandlers {
  const seed = options.seed ?? DEFAULT_SEED;
  const store = new UserStore({
    seed,
    userCount: options.userCount ?? DATASET_DEFAULTS.userCount,
    maxCreatedUsers: options.maxCreatedUsers ?? DATASET_DEFAULTS.maxCreatedUsers,
  });
  const memo = new BoundedMemo<string, shop.v1.IListOrdersResponse>(options.memoMaxOrders ?? DATASET_DEFAULTS.memoMaxOrders);
  return {
    seed,
    ...userHandlers(store),
    ...orderHandlers(seed, store, memo),
    upload: () => new UploadSink(),
    chat: (message) => chatEcho(message),
  };
}
