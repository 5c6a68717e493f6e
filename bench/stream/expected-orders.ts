// The count and hashes a correct server must produce for the first N orders of a user, computed here from
// payloads/generateOrder in every wire encoding the clients hash (see order-stream-client.ts). Computed
// before any timing starts, in one pass for every N: smaller N are prefixes, so a copy of the running hash
// at each N gives its digest.
import { createHash, type Hash } from "node:crypto";
import { shop } from "../../proto/generated/shop.js";
import { canonicalJsonCodec } from "../../proto/canonical-json.js";
import { generateOrder } from "../../payloads/generator.js";
import type { ExpectedOrders } from "./order-stream-client.js";

const orderJson = canonicalJsonCodec("Order");

/** Canonical JSON text of one order, exactly as the REST server writes it. */
export function orderJsonText(order: shop.v1.IOrder): string {
  return JSON.stringify(orderJson.toJson(order));
}

/**
 * Expected values for each count; one-shot array bodies only up to jsonArrayMax (the server's ListOrders cap);
 * paged bodies for pages of pageSize orders.
 */
export function expectedOrders(seed: number, userId: string, counts: readonly number[], jsonArrayMax: number, pageSize: number): Map<number, ExpectedOrders> {
  const out = new Map<number, ExpectedOrders>();
  const wanted = new Set(counts);
  const last = Math.max(0, ...counts);
  const proto = createHash("sha256");
  const ndjson = createHash("sha256");
  const array = createHash("sha256").update('{"orders":[');
  // Page k is {"orders":[o(k*P)…]} (its token member removed); a full page is closed as its last order arrives.
  const paged = createHash("sha256");
  const take = (count: number) => {
    const arrayDigest = (h: Hash) => (count === 0 ? createHash("sha256").update("{}") : h.copy().update("]}")).digest("hex");
    out.set(count, {
      count,
      protobufMessages: { count, sha256: proto.copy().digest("hex") },
      ndjsonBody: { count, sha256: ndjson.copy().digest("hex") },
      // ListOrdersResponse with no orders is {} in canonical JSON (empty repeated fields are omitted).
      jsonArrayBody: { count, sha256: count <= jsonArrayMax ? arrayDigest(array) : "not-applicable" },
      pagedBodies: { count, pageSize, sha256: (count % pageSize === 0 ? paged.copy() : paged.copy().update("]}")).digest("hex") },
    });
  };
  if (wanted.has(0)) take(0);
  for (let i = 0; i < last; i++) {
    const order = generateOrder(seed, userId, i);
    proto.update(shop.v1.Order.encode(order).finish());
    const line = orderJsonText(order);
    ndjson.update(line);
    ndjson.update("\n");
    if (i < jsonArrayMax) {
      if (i > 0) array.update(",");
      array.update(line);
    }
    paged.update(i % pageSize === 0 ? '{"orders":[' : ",");
    paged.update(line);
    if ((i + 1) % pageSize === 0) paged.update("]}");
    if (wanted.has(i + 1)) take(i + 1);
  }
  return out;
}

/** Expected values by (user, count), computed on first use; prefetch computes several counts in one pass. */
export class ExpectedOrdersCache {
  readonly #byKey = new Map<string, ExpectedOrders>();
  constructor(
    readonly seed: number,
    readonly jsonArrayMax: number,
    /** Orders per page of the paged client (its expected bodies depend on it). */
    readonly pageSize: number,
  ) {}

  prefetch(userId: string, counts: readonly number[]): void {
    const missing = counts.filter((c) => !this.#byKey.has(`${userId}|${c}`));
    if (missing.length === 0) return;
    for (const [count, expected] of expectedOrders(this.seed, userId, missing, this.jsonArrayMax, this.pageSize)) this.#byKey.set(`${userId}|${count}`, expected);
  }

  get(userId: string, count: number): ExpectedOrders {
    this.prefetch(userId, [count]);
    return this.#byKey.get(`${userId}|${count}`) as ExpectedOrders;
  }

  /** Forget per-fetch users' values (keeps memory flat across many fresh users). */
  forget(userId: string): void {
    for (const key of this.#byKey.keys()) if (key.startsWith(`${userId}|`)) this.#byKey.delete(key);
  }
}
