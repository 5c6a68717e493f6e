// Paged ListOrders (page_size > 0, page_token, next_page_token): every arm serves the same pages, byte for byte,
// the pages put together are the generator's orders, errors agree, and unpaged requests are unchanged on the wire.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import { toCanonicalJson } from "../proto/canonical-json.js";
import { shop } from "../proto/generated/shop.js";
import { DEFAULT_SEED, generateOrder, generateOrders } from "../payloads/generator.js";
import { SIZE_CLASSES, sizeClassMessage } from "../payloads/size-classes.js";
import { BoundedMemo } from "../servers/handlers/bounded-memo.js";
import { orderHandlers } from "../servers/handlers/order-handlers.js";
import { encodePageToken } from "../servers/handlers/page-token.js";
import { RpcError } from "../servers/handlers/status.js";
import { UserStore } from "../servers/handlers/user-store.js";
import { restPath } from "../servers/shop-routes.js";
import { grpcError, rawUnary, restOnEvery, serveArms, unary } from "./fixtures/shop-clients.js";

const arms = serveArms();

const ordersJson = (orders: shop.v1.IOrder[]) => orders.map((o) => toCanonicalJson("Order", o));

function query(params: Record<string, string | number>): string {
  return "?" + new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

describe("every server pages the same listing", () => {
  test("1 050 orders in pages of 100: same pages and tokens on both sides, together the generator's orders", async () => {
    const userId = "u-11";
    const collected: shop.v1.IOrder[] = [];
    let grpcToken = "";
    let restToken = "";
    let pages = 0;
    for (; pages < 20; pages++) {
      const [g, r] = await Promise.all([
        unary<shop.v1.ListOrdersResponse>(arms.clients.order, "ListOrders", { userId, limit: 1050, pageSize: 100, pageToken: grpcToken }),
        restOnEvery(arms, "GET", restPath.listOrders(userId, { limit: 1050, pageSize: 100, pageToken: restToken })),
      ]);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.text, JSON.stringify(toCanonicalJson("ListOrdersResponse", g)), `page ${pages + 1}: REST bytes are the gRPC reply's canonical JSON`);
      assert.equal(g.orders.length, pages < 10 ? 100 : 50, `page ${pages + 1} size`);
      collected.push(...g.orders);
      grpcToken = g.nextPageToken;
      restToken = (r.json as { nextPageToken?: string }).nextPageToken ?? "";
      assert.equal(grpcToken, restToken, "both servers issue the same token");
      if (grpcToken === "") {
        assert.ok(!("nextPageToken" in (r.json as object)), "the last page carries no token at all");
        break;
      }
    }
    assert.equal(pages + 1, 11, "⌈1050 / 100⌉ pages, no empty trailing page");
    assert.deepEqual(ordersJson(collected), ordersJson(generateOrders(DEFAULT_SEED, userId, 1050)));
  });

  test("a listing that is a multiple of the page size ends on its last full page", async () => {
    const first = await unary<shop.v1.ListOrdersResponse>(arms.clients.order, "ListOrders", { userId: "u-2", limit: 200, pageSize: 100 });
    const second = await unary<shop.v1.ListOrdersResponse>(arms.clients.order, "ListOrders", { userId: "u-2", limit: 200, pageSize: 100, pageToken: first.nextPageToken });
    assert.equal(second.orders.length, 100);
    assert.equal(second.nextPageToken, "");
  });

  test("page_size 0 is the unpaged reply, unchanged on the wire (no next_page_token field)", async () => {
    for (const cls of ["medium", "large"] as const) {
      const c = SIZE_CLASSES[cls];
      const request = Buffer.from(shop.v1.ListOrdersRequest.encode({ userId: c.userId, limit: c.limit }).finish());
      const bytes = await rawUnary(arms.clients.order, "/shop.v1.OrderService/ListOrders", request);
      const expected = shop.v1.ListOrdersResponse.encode(sizeClassMessage(DEFAULT_SEED, cls) as shop.v1.IListOrdersResponse).finish();
      assert.ok(Buffer.from(expected).equals(bytes), `${cls}: gRPC bytes are the size class's message`);
      const r = await restOnEvery(arms, "GET", restPath.listOrders(c.userId, { limit: c.limit, pageSize: 0 }));
      assert.equal(r.text, JSON.stringify(toCanonicalJson("ListOrdersResponse", shop.v1.ListOrdersResponse.decode(bytes))));
    }
  });
});

describe("paging errors agree on every server", () => {
  const token = encodePageToken(100);
  const cases: { label: string; request: shop.v1.IListOrdersRequest; query: Record<string, string | number>; code: "INVALID_ARGUMENT" | "NOT_FOUND" }[] = [
    { label: "a token this server did not issue", request: { userId: "u-1", limit: 500, pageSize: 100, pageToken: "bm9wZQ" }, query: { limit: 500, page_size: 100, page_token: "bm9wZQ" }, code: "INVALID_ARGUMENT" },
    { label: "page_size 1001", request: { userId: "u-1", limit: 500, pageSize: 1001 }, query: { limit: 500, page_size: 1001 }, code: "INVALID_ARGUMENT" },
    { label: "page_size -1", request: { userId: "u-1", limit: 500, pageSize: -1 }, query: { limit: 500, page_size: -1 }, code: "INVALID_ARGUMENT" },
    { label: "paged limit 1 000 001", request: { userId: "u-1", limit: 1_000_001, pageSize: 100 }, query: { limit: 1_000_001, page_size: 100 }, code: "INVALID_ARGUMENT" },
    { label: "a token without page_size", request: { userId: "u-1", limit: 500, pageToken: token }, query: { limit: 500, page_token: token }, code: "INVALID_ARGUMENT" },
    { label: "unpaged limit 20 001 (paging raises the cap only when paged)", request: { userId: "u-1", limit: 20_001 }, query: { limit: 20_001 }, code: "INVALID_ARGUMENT" },
    { label: "an unknown user, paged", request: { userId: "u-0", limit: 500, pageSize: 100 }, query: { limit: 500, page_size: 100 }, code: "NOT_FOUND" },
  ];
  for (const c of cases) {
    test(c.label, async () => {
      const [g, r] = await Promise.all([
        grpcError(unary(arms.clients.order, "ListOrders", c.request)),
        restOnEvery(arms, "GET", `${restPath.listOrders(c.request.userId!)}${query(c.query)}`),
      ]);
      assert.equal(g.code, grpc.status[c.code], `gRPC ${grpc.status[g.code]}: ${g.details}`);
      assert.equal(r.status, c.code === "NOT_FOUND" ? 404 : 400, r.text);
      assert.deepEqual(r.json, { code: c.code, message: g.details }, "same status name and message");
    });
  }

  test("REST: page_size must be an int32 and page_token given once", async () => {
    for (const q of ["page_size=ten", "page_size=100&page_token=a&page_token=b"]) {
      const r = await restOnEvery(arms, "GET", `${restPath.listOrders("u-1", { limit: 500 })}&${q}`);
      assert.equal(r.status, 400, q);
      assert.equal((r.json as { code: string }).code, "INVALID_ARGUMENT", q);
    }
  });
});

describe("the paged handler", () => {
  const seed = DEFAULT_SEED;
  const memo = new BoundedMemo<string, shop.v1.IListOrdersResponse>(60_000);
  const h = orderHandlers(seed, new UserStore({ seed, userCount: 3, maxCreatedUsers: 10 }), memo);

  test("pages are generated per index, never through the ListOrders memo", () => {
    h.listOrders({ userId: "u-1", limit: 300, pageSize: 100 });
    assert.equal(memo.size, 0);
    h.listOrders({ userId: "u-1", limit: 300 });
    assert.equal(memo.size, 1, "the unpaged reply is still memoized");
  });

  test("the end of a 1 000 000-order listing is served without generating the rest", () => {
    const page = h.listOrders({ userId: "u-2", limit: 1_000_000, pageSize: 1000, pageToken: encodePageToken(999_500) });
    assert.equal(page.orders?.length, 500);
    assert.deepEqual(toCanonicalJson("Order", page.orders?.[499] ?? {}), toCanonicalJson("Order", generateOrder(seed, "u-2", 999_999)));
    assert.deepEqual(Object.keys(page), ["orders"], "no next_page_token on the last page");
  });

  test("limit 0 is the default listing of 10; a token at or past the end is an empty last page", () => {
    const page = h.listOrders({ userId: "u-3", pageSize: 4, pageToken: encodePageToken(8) });
    assert.equal(page.orders?.length, 2);
    assert.equal(page.nextPageToken, undefined);
    assert.deepEqual(h.listOrders({ userId: "u-3", limit: 50, pageSize: 4, pageToken: encodePageToken(50) }), { orders: [] });
    assert.throws(() => h.listOrders({ userId: "u-3", limit: 50, pageSize: 4, pageToken: "b2Zmc2V0OjQ=" }), (e: unknown) => e instanceof RpcError && e.code === "INVALID_ARGUMENT");
  });
});
