// ServerOptions beyond host and port: compression (what each arm really does, and every REST arm compresses
// byte for byte as the reference arm does) and the opt-in x-delay-ms head-of-line experiment on every arm.
import { test } from "node:test";
import assert from "node:assert/strict";
import { get } from "node:http";
import { gunzipSync } from "node:zlib";
import * as grpc from "@grpc/grpc-js";
import { toCanonicalJson } from "../proto/canonical-json.js";
import { SHOP_SERVICES } from "../servers/grpc/service-definitions.js";
import type { RunningServer } from "../servers/server-arm.js";
import { restPath } from "../servers/shop-routes.js";
import { armServes, grpcClients, rest, restJsonArms, serversServing, startArm, unary, type GrpcClient } from "./fixtures/shop-clients.js";

interface RawReply {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** A GET whose body is not inflated (fetch would), with the raw headers. */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

function withoutDate(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _, ...rest } = headers;
  return rest;
}

/** Every REST/JSON arm started with the same options (the reference first); closed by the returned function. */
async function startRestArms(options: { compression?: boolean; maxDelayMs?: number } = {}): Promise<RunningServer[]> {
  return Promise.all(restJsonArms().map((arm) => arm.start({ host: "127.0.0.1", port: 0, ...options })));
}

const closeAll = (servers: RunningServer[]) => Promise.all(servers.map((server) => server.close()));

test("compression off (default): every REST arm sends identity even to a client that accepts gzip, with the same headers", async () => {
  const servers = await startRestArms();
  try {
    const replies = await Promise.all(servers.map((s) => rawGet(s.port, restPath.listOrders("u-1", { limit: 50 }), { "accept-encoding": "gzip" })));
    for (const [i, res] of replies.entries()) {
      const arm = servers[i]!.arm;
      assert.equal(res.headers["content-encoding"], undefined, arm);
      assert.equal(res.headers["etag"], undefined, `${arm}: no ETag`);
      assert.equal(res.headers["x-powered-by"], undefined, `${arm}: no X-Powered-By`);
      assert.deepEqual(withoutDate(res.headers), withoutDate(replies[0]!.headers), `${arm}: headers as ${servers[0]!.arm}`);
      assert.ok(res.body.equals(replies[0]!.body), `${arm}: body bytes as ${servers[0]!.arm}`);
    }
  } finally {
    await closeAll(servers);
  }
});

test("compression on: every REST arm gzips as the reference does; grpc-js cannot and says so in caveats, but accepts gzip requests", async () => {
  const servers = await startRestArms({ compression: true });
  const g = await startArm("grpc", { compression: true });
  const Ctor = grpc.makeGenericClientConstructor(SHOP_SERVICES.OrderService, "OrderService");
  // A client that compresses what it sends (grpc-js clients can; only its server side cannot).
  const gzipClient = new Ctor(`127.0.0.1:${g.port}`, grpc.credentials.createInsecure(), {
    "grpc.default_compression_algorithm": grpc.compressionAlgorithms.gzip,
  }) as unknown as GrpcClient;
  try {
    assert.equal(g.caveats.length, 1);
    assert.match(g.caveats[0]!, /never compress responses/);
    const reply = await unary<object>(gzipClient, "ListOrders", { userId: "u-1", limit: 50 });
    const expected = JSON.stringify(toCanonicalJson("ListOrdersResponse", reply));
    for (const server of servers) {
      assert.deepEqual(server.caveats, [], server.arm);
      const res = await rawGet(server.port, restPath.listOrders("u-1", { limit: 50 }), { "accept-encoding": "gzip" });
      assert.equal(res.headers["content-encoding"], "gzip", server.arm);
      assert.equal(gunzipSync(res.body).toString("utf8"), expected, server.arm);
    }
  } finally {
    gzipClient.close();
    await Promise.all([closeAll(servers), g.close()]);
  }
});

test("compression on: the same bytes and headers on every REST arm for each encoding, below the threshold, for errors and for NDJSON", async () => {
  const servers = await startRestArms({ compression: true });
  const cases: [string, Record<string, string>][] = [
    [restPath.listOrders("u-2", { limit: 40 }), { "accept-encoding": "gzip" }],
    [restPath.listOrders("u-2", { limit: 40 }), { "accept-encoding": "deflate" }],
    [restPath.listOrders("u-2", { limit: 40 }), { "accept-encoding": "br" }],
    [restPath.listOrders("u-2", { limit: 40 }), { "accept-encoding": "identity" }],
    [restPath.listOrders("u-2", { limit: 40 }), {}],
    [restPath.getUser("u-2"), { "accept-encoding": "gzip" }], // under 1 KiB: not compressed, but Vary is set
    [restPath.getUser("u-999999"), { "accept-encoding": "gzip" }],
    [restPath.streamOrders("u-2", 300), { "accept-encoding": "gzip" }],
    [restPath.listUsers({ pageSize: 200 }), { "accept-encoding": "gzip, br;q=0.5" }],
  ];
  try {
    for (const [path, headers] of cases) {
      const serving = serversServing(servers, "GET", path); // the NDJSON stream only on arms that serve StreamOrders
      const replies = await Promise.all(serving.map((s) => rawGet(s.port, path, headers)));
      const label = `${path} ${JSON.stringify(headers)}`;
      for (const [i, res] of replies.entries()) {
        const arm = serving[i]!.arm;
        assert.equal(res.status, replies[0]!.status, `${arm} ${label}: status`);
        assert.deepEqual(withoutDate(res.headers), withoutDate(replies[0]!.headers), `${arm} ${label}: headers`);
        assert.ok(res.body.equals(replies[0]!.body), `${arm} ${label}: body bytes`);
      }
    }
  } finally {
    await closeAll(servers);
  }
});

test("x-delay-ms: with maxDelayMs set, a delayed call does not hold up the next one on any arm; with it off, the header is ignored", async () => {
  const g = await startArm("grpc", { maxDelayMs: 1500 });
  const servers = await startRestArms({ maxDelayMs: 1500 });
  const c = grpcClients(g.port);
  try {
    // Ordering, not timing: the delayed calls are sent first, and no server makes the next call wait for them.
    const order: string[] = [];
    const slow = new grpc.Metadata();
    slow.set("x-delay-ms", "1500");
    await Promise.all([
      unary(c.user, "GetUser", { userId: "u-1" }, slow).then(() => order.push("grpc-delayed")),
      ...servers.map((s) => rest(s.port, "GET", restPath.getUser("u-1"), undefined, { "x-delay-ms": "1500" }).then(() => order.push(`${s.arm}-delayed`))),
      new Promise((resolve) => setTimeout(resolve, 50))
        .then(() => Promise.all([unary(c.user, "GetUser", { userId: "u-2" }), ...servers.map((s) => rest(s.port, "GET", restPath.getUser("u-2")))]))
        .then(() => order.push("prompt")),
    ]);
    assert.equal(order[0], "prompt");
    assert.equal(order.length, 2 + servers.length, "the delayed calls still complete");
  } finally {
    c.close();
    await Promise.all([g.close(), closeAll(servers)]);
  }
  // Off (the default): the header changes nothing about the answer.
  const gOff = await startArm("grpc");
  const off = await startRestArms();
  const cOff = grpcClients(gOff.port);
  try {
    const md = new grpc.Metadata();
    md.set("x-delay-ms", "100000");
    const gu = await unary<object>(cOff.user, "GetUser", { userId: "u-1" }, md);
    for (const server of off) {
      const ru = await rest(server.port, "GET", restPath.getUser("u-1"), undefined, { "x-delay-ms": "100000" });
      assert.equal(ru.text, JSON.stringify(toCanonicalJson("User", gu)), server.arm);
    }
  } finally {
    cOff.close();
    await Promise.all([gOff.close(), closeAll(off)]);
  }
});

test("x-delay-ms applies to every REST route kind alike: a body route, the stream, the upload and an error", async () => {
  const servers = await startRestArms({ maxDelayMs: 1000 });
  try {
    const delayed = { "x-delay-ms": "1000" };
    for (const server of servers) {
      const order: string[] = [];
      // Each arm on the route kinds it serves (the gateway: the body route and the error, through its upstream).
      const stream = armServes(server.arm, "StreamOrders");
      const upload = armServes(server.arm, "Upload");
      await Promise.all([
        rest(server.port, "POST", restPath.createUser(), JSON.stringify({ name: "D", email: "d@example.org" }), { ...delayed, "content-type": "application/json" }).then((r) => order.push(`create ${r.status}`)),
        stream && rest(server.port, "GET", restPath.streamOrders("u-1", 5), undefined, delayed).then((r) => order.push(`stream ${r.status}`)),
        upload && rest(server.port, "POST", restPath.upload(), "abc", { ...delayed, "content-type": "application/octet-stream" }).then((r) => order.push(`upload ${r.status}`)),
        rest(server.port, "GET", restPath.getUser("u-0"), undefined, delayed).then((r) => order.push(`error ${r.status}`)),
        new Promise((resolve) => setTimeout(resolve, 50))
          .then(() => rest(server.port, "GET", restPath.getUser("u-2")))
          .then(() => order.push("prompt")),
      ]);
      assert.equal(order[0], "prompt", `${server.arm}: ${order.join(", ")}`);
      const expected = ["create 200", "error 404", ...(stream ? ["stream 200"] : []), ...(upload ? ["upload 200"] : [])];
      assert.deepEqual(order.slice(1).sort(), expected.sort(), server.arm);
    }
  } finally {
    await closeAll(servers);
  }
});
