// REST streaming: GET /v1/users/:id/orders/stream?limit=N answers NDJSON (one canonical JSON Order per
// line, written as produced, chunked). The client hashes the body as it arrives and parses each complete
// line, so an order is usable as soon as its line is in; nothing accumulates beyond one partial line.
import { restPath } from "../../servers/shop-routes.js";
import { StringDecoder } from "node:string_decoder";
import { performance } from "node:perf_hooks";
import type { Client } from "undici";
import { authHeaders, tokenOf } from "../run-token.js";
import { undiciOriginClient } from "./undici-origin-client.js";
import { ItemChecksum } from "./item-checksum.js";
import { failed, onePage, type OrderFetchResult, type OrderStreamClient } from "./order-stream-client.js";

/** `bearer`: the token every request carries (undefined: the run's, bench/run-token.ts; null: none). */
export function restNdjsonOrdersClient(origin: string, bearer?: string | null): OrderStreamClient {
  const client = undiciOriginClient(origin, { pipelining: 1 });
  const headers = { accept: "application/x-ndjson", ...authHeaders(tokenOf(bearer)) };
  return {
    configuration: "rest-ndjson",
    protocol: "rest",
    driver: "undici Client (1 keep-alive connection), chunked NDJSON",
    maxItems: 1_000_000,
    plan: (userId, n) => [{ userId, count: n }],
    async fetch(pages, expectations, signal): Promise<OrderFetchResult> {
      const planned = onePage(pages, expectations);
      if (typeof planned === "string") return failed(planned, 0);
      const [page, expected] = planned;
      const checksum = new ItemChecksum();
      let first: number | null = null;
      let last: number | null = null;
      const start = performance.now();
      try {
        const { statusCode, body } = await client.request({
          method: "GET",
          signal,
          path: restPath.streamOrders(page.userId, page.count),
          headers,
        });
        if (statusCode !== 200) return failed(`HTTP ${statusCode}: ${(await body.text()).slice(0, 200)}`, 0);
        const decoder = new StringDecoder("utf8");
        let partial = "";
        const takeLine = (line: string) => {
          if (line.length === 0) return;
          JSON.parse(line);
          checksum.countItem();
          last = performance.now() - start;
          if (first === null) first = last;
        };
        for await (const chunk of body as AsyncIterable<Buffer>) {
          checksum.addBytes(chunk);
          partial += decoder.write(chunk);
          let from = 0;
          for (let nl = partial.indexOf("\n"); nl !== -1; nl = partial.indexOf("\n", from)) {
            takeLine(partial.slice(from, nl));
            from = nl + 1;
          }
          partial = partial.slice(from);
        }
        takeLine(partial + decoder.end()); // a last line without "\n" still counts, but changes the hash
        return { timeToFirstItemMs: first, timeToLastItemMs: last, received: checksum.verify(expected.ndjsonBody), requests: 1 };
      } catch (err) {
        return failed(`${(err as Error).message}`, checksum.count);
      }
    },
    close: () => client.close(),
  };
}
