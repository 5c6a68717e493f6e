// ServerOptions beyond host and port: compression (what each arm really does) and the opt-in x-delay-ms
// head-of-line experiment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { get } from "node:http";
import { gunzipSync } from "node:zlib";
import * as grpc from "@grpc/grpc-js";
import { toCanonicalJson } from "../proto/canonical-json.js";
import { SHOP_SERVICES } from "../servers/grpc/service-definitions.js";
import { SERVER_ARMS } from "../servers/registry.js";
import { grpcClients, rest, unary, type GrpcClient } from "./fixtures/shop-clients.js";

function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

test("compression off (default): REST sends identity even to a client that accepts gzip", async () => {
  const r = await SERVER_ARMS.rest.start({ host: "127.0.0.1", port: 0 });
  try {
    const res = await rawGet(r.port, "/v1/users/u-1/orders?limit=50", { "accept-encoding": "gzip" });
    assert.equal(res.headers["content-encoding"], undefined);
    assert.equal(res.headers["etag"], undefined, "no ETag");
    assert.equal(res.headers["x-powered-by"], undefined, "no X-Powered-By");
  } finally {
    await r.close();
  }
});

test("compression on: REST gzips responses; grpc-js cannot and says so in caveats, but accepts gzip requests", async () => {
  const r = await SERVER_ARMS.rest.start({ host: "127.0.0.1", port: 0, compression: true });
  const g = await SERVER_ARMS.grpc.start({ host: "127.0.0.1", port: 0, compression: true });
  const Ctor = grpc.makeGenericClientConstructor(SHOP_SERVICES.OrderService, "OrderService");
  // A client that compresses what it sends (grpc-js clients can; only its server side cannot).
  const gzipClient = new Ctor(`127.0.0.1:${g.port}`, grpc.credentials.createInsecure(), {
    "grpc.default_compression_algorithm": grpc.compressionAlgorithms.gzip,
  }) as unknown as GrpcClient;
  try {
    assert.deepEqual(r.caveats, []);
    assert.equal(g.caveats.length, 1);
    assert.match(g.caveats[0]!, /never compress responses/);
    const res = await rawGet(r.port, "/v1/users/u-1/orders?limit=50", { "accept-encoding": "gzip" });
    assert.equal(res.headers["content-encoding"], "gzip");
    const reply = await unary<object>(gzipClient, "ListOrders", { userId: "u-1", limit: 50 });
    assert.equal(gunzipSync(res.body).toString("utf8"), JSON.stringify(toCanonicalJson("ListOrdersResponse", reply)));
  } finally {
    gzipClient.close();
    await Promise.all([r.close(), g.close()]);
  }
});

test("x-delay-ms: with maxDelayMs set, a delayed call does not hold up the next one; with it off, the header is ignored", async () => {
  const g = await SERVER_ARMS.grpc.start({ host: "127.0.0.1", port: 0, maxDelayMs: 1500 });
  const r = await SERVER_ARMS.rest.start({ host: "127.0.0.1", port: 0, maxDelayMs: 1500 });
  const c = grpcClients(g.port);
  try {
    // Ordering, not timing: the delayed calls are sent first, and neither server makes the next call wait for them.
    const order: string[] = [];
    const slow = new grpc.Metadata();
    slow.set("x-delay-ms", "1500");
    await Promise.all([
      unary(c.user, "GetUser", { userId: "u-1" }, slow).then(() => order.push("grpc-delayed")),
      rest(r.port, "GET", "/v1/users/u-1", undefined, { "x-delay-ms": "1500" }).then(() => order.push("rest-delayed")),
      new Promise((resolve) => setTimeout(resolve, 50))
        .then(() => Promise.all([unary(c.user, "GetUser", { userId: "u-2" }), rest(r.port, "GET", "/v1/users/u-2")]))
        .then(() => order.push("prompt")),
    ]);
    assert.equal(order[0], "prompt");
    assert.equal(order.length, 3, "the delayed calls still complete");
  } finally {
    c.close();
    await Promise.all([g.close(), r.close()]);
  }
  // Off (the default): the header changes nothing about the answer.
  const gOff = await SERVER_ARMS.grpc.start({ host: "127.0.0.1", port: 0 });
  const rOff = await SERVER_ARMS.rest.start({ host: "127.0.0.1", port: 0 });
  const cOff = grpcClients(gOff.port);
  try {
    const md = new grpc.Metadata();
    md.set("x-delay-ms", "100000");
    const [gu, ru] = await Promise.all([
      unary<object>(cOff.user, "GetUser", { userId: "u-1" }, md),
      rest(rOff.port, "GET", "/v1/users/u-1", undefined, { "x-delay-ms": "100000" }),
    ]);
    assert.equal(ru.text, JSON.stringify(toCanonicalJson("User", gu)));
  } finally {
    cOff.close();
    await Promise.all([gOff.close(), rOff.close()]);
  }
});
