// REST pagination, emulated: the servers have no paginated ListOrders route (ListOrdersRequest has no
// page_size/page_token), so N orders are read as ceil(N / 100) sequential GET /v1/users/:id/orders?limit=100,
// each for a user not read before. Each page has the size, the bytes and the per-request cost of a real page
// (fresh users keep the server from replaying memoized replies), and each is verified against generateOrder;
// what the emulation cannot show is a cursor's server-side cost. The first item is usable once page 1 is parsed.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Client } from "undici";
import { ItemChecksum, verifyReceived } from "./item-checksum.js";
import { failed, type FreshUsers, type OrderFetchResult, type OrderStreamClient, type PlannedPage } from "./order-stream-client.js";
import { readListOrdersPage } from "./rest-json-array-orders.js";

export const PAGE_SIZE = 100;

export function restPagedOrdersClient(origin: string, users: FreshUsers, pageSize = PAGE_SIZE): OrderStreamClient {
  const client = new Client(origin, { pipelining: 1 });
  return {
    configuration: "rest-pagination",
    protocol: "rest",
    driver: `undici Client (1 keep-alive connection), sequential pages of ${pageSize}`,
    note:
      `emulated: the servers have no paginated ListOrders route, so each page is GET /v1/users/{fresh user}/orders?limit=${pageSize} ` +
      "(same page size, bytes and per-request cost as a real page; verified per page; a cursor's server-side cost is not included)",
    maxItems: null,
    plan(_userId, n) {
      const pages: PlannedPage[] = [];
      for (let left = n; left > 0; left -= pageSize) pages.push({ userId: users.take(), count: Math.min(pageSize, left) });
      return pages;
    },
    async fetch(pages, expectations, signal): Promise<OrderFetchResult> {
      if (pages.length !== expectations.length) return failed(`${pages.length} pages planned but ${expectations.length} expectations`, 0, 0);
      // The run's checksum is a hash of the page digests in order; so is the expected one.
      const received = createHash("sha256");
      const expected = createHash("sha256");
      let count = 0;
      let first: number | null = null;
      let mismatch: string | undefined;
      const start = performance.now();
      try {
        for (let i = 0; i < pages.length; i++) {
          const page = pages[i] as PlannedPage;
          const pageExpected = (expectations[i] as (typeof expectations)[number]).jsonArrayBody;
          const checksum = new ItemChecksum();
          const read = await readListOrdersPage(client, page.userId, page.count, checksum, signal);
          if ("failure" in read) return failed(`page ${i + 1}: ${read.failure}`, count, i + 1);
          first ??= performance.now() - start;
          const pageResult = checksum.verify(pageExpected);
          if (!pageResult.verified) mismatch ??= `page ${i + 1}: ${pageResult.mismatch}`;
          received.update(pageResult.sha256);
          expected.update(pageExpected.sha256);
          count += read.count;
        }
        const last = performance.now() - start;
        const expectedCount = expectations.reduce((sum, e) => sum + e.count, 0);
        const result = verifyReceived({ count, sha256: received.digest("hex") }, { count: expectedCount, sha256: expected.digest("hex") });
        return { timeToFirstItemMs: first, timeToLastItemMs: last, received: mismatch ? { ...result, verified: false, mismatch } : result, requests: pages.length };
      } catch (err) {
        return failed(`${(err as Error).message}`, count);
      }
    },
    close: () => client.close(),
  };
}
