// REST one-shot: GET /v1/users/:id/orders?limit=N answers ListOrdersResponse {orders: [...]} as one JSON
// document. No order is usable before the whole body is parsed, so first and last item times coincide.
// The server caps limit at 20 000 (ListOrdersRequest), so larger N are "not applicable". The server memoizes
// ListOrders replies per (user, limit): every fetch reads a user not read before, so the server generates and
// encodes the orders as it does for a stream instead of replaying a cached reply.
import { restPath } from "../../servers/shop-routes.js";
import { performance } from "node:perf_hooks";
import type { Client } from "undici";
import { authHeaders, tokenOf } from "../run-token.js";
import { undiciOriginClient } from "./undici-origin-client.js";
import { ItemChecksum } from "./item-checksum.js";
import { failed, onePage, type FreshUsers, type OrderFetchResult, type OrderStreamClient } from "./order-stream-client.js";

/** ListOrdersRequest.limit upper bound in proto/shop.proto. */
export const LIST_ORDERS_MAX_LIMIT = 20_000;

/** One ListOrders page as a REST client reads it: hashed as it arrives, then parsed whole. */
export async function readListOrdersPage(
  client: Client,
  userId: string,
  limit: number,
  checksum: ItemChecksum,
  signal: AbortSignal,
  headers: Record<string, string> = { accept: "application/json" },
): Promise<{ count: number } | { failure: string }> {
  const { statusCode, body } = await client.request({
    method: "GET",
    signal,
    path: restPath.listOrders(userId, { limit }),
    headers,
  });
  if (statusCode !== 200) return { failure: `HTTP ${statusCode}: ${(await body.text()).slice(0, 200)}` };
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) {
    checksum.addBytes(chunk);
    chunks.push(chunk);
  }
  const doc = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { orders?: unknown[] };
  const count = Array.isArray(doc.orders) ? doc.orders.length : 0;
  checksum.countItem(count);
  return { count };
}

/** `bearer`: the token every request carries (undefined: the run's, bench/run-token.ts; null: none). */
export function restJsonArrayOrdersClient(origin: string, users: FreshUsers, bearer?: string | null): OrderStreamClient {
  const client = undiciOriginClient(origin, { pipelining: 1 });
  const headers = { accept: "application/json", ...authHeaders(tokenOf(bearer)) };
  return {
    configuration: "rest-json-array",
    protocol: "rest",
    driver: "undici Client (1 keep-alive connection), one JSON document",
    note: `ListOrders caps limit at ${LIST_ORDERS_MAX_LIMIT}; each fetch reads a fresh user so the reply is generated, not served from the server's memo`,
    maxItems: LIST_ORDERS_MAX_LIMIT,
    plan: (_userId, n) => [{ userId: users.take(), count: n }],
    async fetch(pages, expectations, signal): Promise<OrderFetchResult> {
      const planned = onePage(pages, expectations);
      if (typeof planned === "string") return failed(planned, 0);
      const [page, expected] = planned;
      const checksum = new ItemChecksum();
      const start = performance.now();
      try {
        const read = await readListOrdersPage(client, page.userId, page.count, checksum, signal, headers);
        if ("failure" in read) return failed(read.failure, 0);
        const done = performance.now() - start;
        return { timeToFirstItemMs: done, timeToLastItemMs: done, received: checksum.verify(expected.jsonArrayBody), requests: 1 };
      } catch (err) {
        return failed(`${(err as Error).message}`, checksum.count);
      }
    },
    close: () => client.close(),
  };
}
