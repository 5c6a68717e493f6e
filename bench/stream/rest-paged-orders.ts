// REST cursor pagination: N orders of the same user the stream reads, as sequential
// GET /v1/users/:id/orders?limit=N&page_size=100&page_token=… requests, each sent once the previous page's
// next_page_token is known (the server generates every page per request, never from its ListOrders memo).
// The first item is usable once page 1 is parsed. Each page body is hashed without its opaque token member,
// so the concatenation can be checked against generateOrder (expected-orders.ts, pagedBodies).
import { restPath } from "../../servers/shop-routes.js";
import { performance } from "node:perf_hooks";
import type { Client } from "undici";
import { authHeaders, tokenOf } from "../run-token.js";
import { undiciOriginClient } from "./undici-origin-client.js";
import { ItemChecksum } from "./item-checksum.js";
import { failed, onePage, type OrderFetchResult, type OrderStreamClient } from "./order-stream-client.js";

export const PAGE_SIZE = 100;

/** ListOrdersRequest.limit upper bound when paged, in proto/shop.proto. */
export const LIST_ORDERS_PAGED_MAX_LIMIT = 1_000_000;

type PageRead = { count: number; nextPageToken: string } | { failure: string };

/** One page: parsed, then hashed without its `,"nextPageToken":"…"` member (canonical JSON puts it last). */
async function readPage(client: Client, path: string, headers: Record<string, string>, checksum: ItemChecksum, signal: AbortSignal): Promise<PageRead> {
  const { statusCode, body } = await client.request({ method: "GET", signal, path, headers });
  if (statusCode !== 200) return { failure: `HTTP ${statusCode}: ${(await body.text()).slice(0, 200)}` };
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  const doc = JSON.parse(bytes.toString("utf8")) as { orders?: unknown[]; nextPageToken?: unknown };
  const token = doc.nextPageToken ?? "";
  if (typeof token !== "string") return { failure: `nextPageToken is not a string: ${JSON.stringify(token).slice(0, 100)}` };
  if (token === "") {
    checksum.addBytes(bytes);
  } else {
    // The member and the comma before it ({"nextPageToken":"…"} alone, an empty page, keeps its "{").
    const member = Buffer.from(`"nextPageToken":${JSON.stringify(token)}}`);
    const at = bytes.length - member.length;
    if (at < 1 || !bytes.subarray(at).equals(member)) return { failure: "nextPageToken is not the last member of the page" };
    checksum.addBytes(bytes.subarray(0, bytes[at - 1] === 0x2c ? at - 1 : at));
    checksum.addBytes("}");
  }
  const count = Array.isArray(doc.orders) ? doc.orders.length : 0;
  checksum.countItem(count);
  return { count, nextPageToken: token };
}

/** `bearer`: the token every request carries (undefined: the run's, bench/run-token.ts; null: none). */
export function restPagedOrdersClient(origin: string, pageSize = PAGE_SIZE, bearer?: string | null): OrderStreamClient {
  const client = undiciOriginClient(origin, { pipelining: 1 });
  const headers = { accept: "application/json", ...authHeaders(tokenOf(bearer)) };
  return {
    configuration: "rest-pagination",
    protocol: "rest",
    driver: `undici Client (1 keep-alive connection), sequential pages of ${pageSize} following next_page_token`,
    note:
      `cursor pagination: GET /v1/users/{id}/orders?limit=N&page_size=${pageSize}&page_token=…, one request after another, ` +
      "same user as the stream; the server generates each page per request (no memo); verified over all pages",
    maxItems: LIST_ORDERS_PAGED_MAX_LIMIT,
    plan: (userId, n) => [{ userId, count: n }],
    async fetch(pages, expectations, signal): Promise<OrderFetchResult> {
      const planned = onePage(pages, expectations);
      if (typeof planned === "string") return failed(planned, 0);
      const [listing, expected] = planned;
      if (expected.pagedBodies.pageSize !== pageSize) {
        return failed(`expected values are for pages of ${expected.pagedBodies.pageSize}, the client reads pages of ${pageSize}`, 0, 0);
      }
      // A server that never ends the listing must not keep the loop going: one request more than needed, at most.
      const maxRequests = Math.ceil(listing.count / pageSize) + 1;
      const checksum = new ItemChecksum();
      let requests = 0;
      let token = "";
      let first: number | null = null;
      const start = performance.now();
      try {
        do {
          if (requests === maxRequests) return failed(`still a next_page_token after ${requests} pages`, checksum.count, requests);
          const path = restPath.listOrders(listing.userId, { limit: listing.count, pageSize, pageToken: token });
          const read = await readPage(client, path, headers, checksum, signal);
          requests++;
          if ("failure" in read) return failed(`page ${requests}: ${read.failure}`, checksum.count, requests);
          first ??= performance.now() - start;
          token = read.nextPageToken;
        } while (token !== "");
        const last = performance.now() - start;
        return { timeToFirstItemMs: first, timeToLastItemMs: last, received: checksum.verify(expected.pagedBodies), requests };
      } catch (err) {
        return failed(`page ${requests + 1}: ${(err as Error).message}`, checksum.count, requests + 1);
      }
    },
    close: () => client.close(),
  };
}
