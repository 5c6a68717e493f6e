// A fast wrong answer cannot win: every stream client reports verified=false when what it received differs
// from what generateOrder says (a changed byte, a missing or reordered item, a truncated body), fed by fake
// servers that misbehave on purpose.
import * as grpc from "@grpc/grpc-js";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { DEFAULT_SEED, generateOrder } from "../payloads/generator.js";
import { shop } from "../proto/generated/shop.js";
import { canonicalJsonCodec } from "../proto/canonical-json.js";
import { echoMismatch } from "../bench/stream/chat-client.js";
import { ExpectedOrdersCache, orderJsonText } from "../bench/stream/expected-orders.js";
import { grpcStreamOrdersClient } from "../bench/stream/grpc-stream-orders.js";
import { ItemChecksum } from "../bench/stream/item-checksum.js";
import { FreshUsers, type OrderStreamClient } from "../bench/stream/order-stream-client.js";
import { restJsonArrayOrdersClient } from "../bench/stream/rest-json-array-orders.js";
import { restNdjsonOrdersClient } from "../bench/stream/rest-ndjson-orders.js";
import { restPagedOrdersClient } from "../bench/stream/rest-paged-orders.js";
import { uploadOutcome } from "../bench/stream/upload-client.js";
import { uploadPlan } from "../bench/stream/upload-data.js";

const SEED = DEFAULT_SEED;
const PAGE = 3;
const expected = new ExpectedOrdersCache(SEED, 20_000, PAGE);

type Fault = "none" | "changed-byte" | "missing-item" | "reordered" | "truncated";

/** Orders 0..n-1 of a user as a server with `fault` would send them (as JSON texts). */
function faultyOrders(userId: string, n: number, fault: Fault): string[] {
  const texts = Array.from({ length: n }, (_, i) => orderJsonText(generateOrder(SEED, userId, i)));
  if (texts.length < 3) return texts; // faults are applied to pages of 3 or more
  if (fault === "changed-byte") texts[1] = (texts[1] as string).replace(/"currency":"(\w)/, (_m, c: string) => `"currency":"${c === "X" ? "Y" : "X"}`);
  if (fault === "missing-item") texts.splice(2, 1);
  if (fault === "reordered") [texts[0], texts[1]] = [texts[1] as string, texts[0] as string];
  return texts;
}

let fault: Fault = "none";
/** Paged replies always carry a next_page_token (a server that never ends the listing). */
let endless = false;
let http: Server;
let origin: string;

before(async () => {
  http = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const m = /^\/v1\/users\/([^/]+)\/orders(\/stream)?$/.exec(url.pathname);
    if (!m) return void res.writeHead(404).end();
    const userId = decodeURIComponent(m[1] as string);
    const limit = Number(url.searchParams.get("limit"));
    const texts = faultyOrders(userId, limit, fault);
    if (m[2]) {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      const body = texts.map((t) => `${t}\n`).join("");
      res.end(fault === "truncated" ? body.slice(0, body.length - 40) : body);
    } else {
      res.writeHead(200, { "content-type": "application/json" });
      const pageSize = Number(url.searchParams.get("page_size") ?? 0);
      let body = `{"orders":[${texts.join(",")}]}`;
      if (pageSize > 0) {
        // Tokens in a format of this fake's own: the client must treat them as opaque.
        const offset = Number((url.searchParams.get("page_token") ?? "p0").slice(1));
        const next = offset + pageSize < texts.length || endless ? `p${offset + pageSize}` : "";
        const page = texts.slice(offset, offset + pageSize);
        body = `{${page.length > 0 ? `"orders":[${page.join(",")}]` : ""}${next ? `${page.length > 0 ? "," : ""}"nextPageToken":"${next}"` : ""}}`;
      }
      res.end(fault === "truncated" ? body.slice(0, body.length - 2) : body);
    }
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => http.close(() => resolve())));

async function fetchWith(client: OrderStreamClient, n: number) {
  const pages = client.plan("u-1", n);
  return client.fetch(pages, pages.map((p) => expected.get(p.userId, p.count)), AbortSignal.timeout(10_000));
}

describe("ItemChecksum", () => {
  it("matches only the same items in the same order", () => {
    const good = new ItemChecksum();
    good.addBytes("a\nb\n");
    good.countItem(2);
    const exp = good.verify({ count: 2, sha256: "" });
    assert.equal(exp.verified, false); // sha256 differs from ""
    const again = new ItemChecksum();
    again.addBytes("a\nb\n");
    again.countItem(2);
    assert.equal(again.verify({ count: 2, sha256: exp.sha256 }).verified, true);
    const fewer = new ItemChecksum();
    fewer.addBytes("a\nb\n");
    fewer.countItem(1);
    assert.match(fewer.verify({ count: 2, sha256: exp.sha256 }).mismatch ?? "", /received 1 items, expected 2/);
  });
});

describe("REST clients detect corrupted, missing, reordered and truncated orders", () => {
  const users = new FreshUsers(2, 1000);
  const clients: [string, () => OrderStreamClient, number][] = [
    ["rest-ndjson", () => restNdjsonOrdersClient(origin), 5],
    ["rest-json-array", () => restJsonArrayOrdersClient(origin, users), 5],
    ["rest-pagination", () => restPagedOrdersClient(origin, PAGE), 7],
  ];
  for (const [name, make, n] of clients) {
    for (const f of ["none", "changed-byte", "missing-item", "reordered", "truncated"] as const) {
      it(`${name}: ${f} → verified ${f === "none"}`, async () => {
        fault = f;
        const client = make();
        try {
          const result = await fetchWith(client, n);
          assert.equal(result.received.verified, f === "none", result.received.mismatch ?? result.failure);
          if (f !== "none") assert.ok(result.received.mismatch ?? result.failure, "says why");
        } finally {
          await client.close();
          fault = "none";
        }
      });
    }
  }
});

describe("REST pagination follows tokens, bounded", () => {
  it("a server that never ends the listing fails after one page more than the listing needs", async () => {
    endless = true;
    const client = restPagedOrdersClient(origin, PAGE);
    try {
      const result = await fetchWith(client, 7);
      assert.equal(result.received.verified, false);
      assert.match(result.failure ?? "", /still a next_page_token after 4 pages/);
      assert.equal(result.requests, 4);
    } finally {
      await client.close();
      endless = false;
    }
  });

  it("expected values for another page size are refused, not compared", async () => {
    const client = restPagedOrdersClient(origin, PAGE + 1);
    try {
      const result = await fetchWith(client, 7);
      assert.equal(result.received.verified, false);
      assert.match(result.failure ?? "", /pages of 3, the client reads pages of 4/);
    } finally {
      await client.close();
    }
  });
});

describe("gRPC StreamOrders client detects a wrong stream", () => {
  let server: grpc.Server;
  let target: string;
  let grpcFault: Fault = "none";
  before(async () => {
    server = new grpc.Server();
    const definition: grpc.ServiceDefinition = {
      StreamOrders: {
        path: "/shop.v1.OrderService/StreamOrders",
        requestStream: false,
        responseStream: true,
        requestSerialize: (m: shop.v1.IStreamOrdersRequest) => Buffer.from(shop.v1.StreamOrdersRequest.encode(m).finish()),
        requestDeserialize: (b: Buffer) => shop.v1.StreamOrdersRequest.decode(b),
        responseSerialize: (m: shop.v1.IOrder) => Buffer.from(shop.v1.Order.encode(m).finish()),
        responseDeserialize: (b: Buffer) => shop.v1.Order.decode(b),
      },
    };
    const orderJson = canonicalJsonCodec("Order");
    server.addService(definition, {
      StreamOrders: (call: grpc.ServerWritableStream<shop.v1.StreamOrdersRequest, shop.v1.IOrder>) => {
        const texts = faultyOrders(call.request.userId, call.request.limit, grpcFault);
        const orders = texts.map((t) => orderJson.fromJson(JSON.parse(t)) as shop.v1.IOrder);
        for (const order of grpcFault === "truncated" ? orders.slice(0, -1) : orders) call.write(order);
        call.end();
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    target = `127.0.0.1:${port}`;
  });
  after(() => new Promise<void>((resolve) => server.tryShutdown(() => resolve())));

  for (const f of ["none", "changed-byte", "missing-item", "reordered", "truncated"] as const) {
    it(`${f} → verified ${f === "none"}`, async () => {
      grpcFault = f;
      const client = grpcStreamOrdersClient(target);
      try {
        const result = await fetchWith(client, 5);
        assert.equal(result.received.verified, f === "none", result.received.mismatch ?? result.failure);
      } finally {
        await client.close();
      }
    });
  }
});

describe("upload and chat verification", () => {
  it("an upload result with the wrong size or hash is not verified", () => {
    const plan = uploadPlan(1000, 300);
    assert.equal(uploadOutcome(plan, 1, { size: 1000, sha256: plan.expected.sha256, chunks: 4 }).verified, true);
    assert.equal(uploadOutcome(plan, 1, { size: "1000", sha256: plan.expected.sha256 }).verified, true);
    assert.equal(uploadOutcome(plan, 1, { size: 999, sha256: plan.expected.sha256 }).verified, false);
    assert.equal(uploadOutcome(plan, 1, { size: 1000, sha256: "0".repeat(64) }).verified, false);
  });

  it("an echo with another sequence, text or no server_time is a mismatch", () => {
    const sent = { sessionId: "s", sequence: 7, text: "hi", sentAt: { seconds: 1, nanos: 0 } };
    const serverTime = { seconds: 1_700_000_000, nanos: 0 };
    assert.equal(echoMismatch(sent, { ...sent, serverTime }), null);
    assert.equal(echoMismatch(sent, { ...sent, sequence: 7n as unknown as number, serverTime }), null); // int64 in another numeric form
    assert.match(echoMismatch(sent, { ...sent, sequence: 8, serverTime }) ?? "", /sequence/);
    assert.match(echoMismatch(sent, { ...sent, text: "ho", serverTime }) ?? "", /text/);
    assert.match(echoMismatch(sent, sent) ?? "", /server_time/);
  });
});
