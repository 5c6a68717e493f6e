// Parity: for the same request, the gRPC reply (static decode, then toCanonicalJson) and the REST body are the
// same message, and the REST body's bytes are exactly JSON.stringify of that canonical JSON. Every REST/JSON arm
// of the registry (rest-node, plugin arms) answers every request byte for byte as the reference arm (rest) does,
// for the calls it serves (ServerArm.calls: the gateway serves the unary ones).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type * as grpc from "@grpc/grpc-js";
import Long from "long";
import { toCanonicalJson } from "../proto/canonical-json.js";
import type { shop } from "../proto/generated/shop.js";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { PAYLOAD_CLASSES, SIZE_CLASSES, sizeClassMessage } from "../payloads/size-classes.js";
import { restPath } from "../servers/shop-routes.js";
import { armServes, collectStream, restOnEvery, serveArms, unary, wsExchange } from "./fixtures/shop-clients.js";

const arms = serveArms();

/** Asserts that the gRPC message and the REST reply are the same message, down to the REST bytes. */
function assertSame(type: string, grpcMessage: object, restText: string, label: string): void {
  const canonical = toCanonicalJson(type, grpcMessage);
  assert.deepEqual(JSON.parse(restText), canonical, `${label}: REST JSON equals the gRPC message's canonical JSON`);
  assert.equal(restText, JSON.stringify(canonical), `${label}: REST bytes are JSON.stringify(toCanonicalJson(gRPC message))`);
}

describe("every size class", () => {
  for (const cls of PAYLOAD_CLASSES) {
    test(`${cls}: gRPC and REST serve the same message, and it is the size class's message`, async () => {
      const c = SIZE_CLASSES[cls];
      const [grpcReply, restReply] =
        c.call === "GetUser"
          ? await Promise.all([unary<object>(arms.clients.user, "GetUser", { userId: c.userId }), restOnEvery(arms, "GET", restPath.getUser(c.userId))])
          : await Promise.all([
              unary<object>(arms.clients.order, "ListOrders", { userId: c.userId, limit: c.limit }),
              restOnEvery(arms, "GET", restPath.listOrders(c.userId, { limit: c.limit })),
            ]);
      assert.equal(restReply.status, 200);
      assert.match(restReply.contentType ?? "", /^application\/json/);
      assertSame(c.message, grpcReply, restReply.text, cls);
      // And it is exactly the class's message: the servers serve the generator's data, nothing else.
      assert.deepEqual(toCanonicalJson(c.message, grpcReply), toCanonicalJson(c.message, sizeClassMessage(DEFAULT_SEED, cls)));
    });
  }
});

test("GetUser for a spread of users", async () => {
  for (const id of ["u-1", "u-2", "u-500", "u-1000"]) {
    const [g, r] = await Promise.all([unary<object>(arms.clients.user, "GetUser", { userId: id }), restOnEvery(arms, "GET", restPath.getUser(id))]);
    assert.equal(r.status, 200);
    assertSame("User", g, r.text, id);
  }
});

test("ListOrders with the default limit (10) and the maximum (20000)", async () => {
  for (const limit of [undefined, 20000]) {
    const [g, r] = await Promise.all([unary<shop.v1.IListOrdersResponse>(arms.clients.order, "ListOrders", { userId: "u-3", limit }), restOnEvery(arms, "GET", restPath.listOrders("u-3", { limit }))]);
    assert.equal(r.status, 200);
    assertSame("ListOrdersResponse", g, r.text, `ListOrders limit ${limit}`);
    assert.equal(g.orders?.length, limit ?? 10);
  }
});

test("ListUsers: default page, and a walk over every page with page tokens", async () => {
  const [g0, r0] = await Promise.all([unary<shop.v1.IListUsersResponse>(arms.clients.user, "ListUsers", {}), restOnEvery(arms, "GET", restPath.listUsers())]);
  assertSame("ListUsersResponse", g0, r0.text, "default page");
  assert.equal(g0.users?.length, 50);

  const seen = new Set<string>();
  let grpcToken = "";
  let restToken = "";
  for (let page = 0; page < 20; page++) {
    const [g, r] = await Promise.all([
      unary<shop.v1.IListUsersResponse>(arms.clients.user, "ListUsers", { pageSize: 150, pageToken: grpcToken }),
      restOnEvery(arms, "GET", restPath.listUsers({ pageSize: 150, pageToken: restToken })),
    ]);
    assertSame("ListUsersResponse", g, r.text, `page ${page}`);
    for (const u of g.users ?? []) seen.add(u.id!);
    grpcToken = g.nextPageToken ?? "";
    restToken = (r.json as { nextPageToken?: string }).nextPageToken ?? "";
    assert.equal(grpcToken, restToken);
    if (grpcToken === "") break;
  }
  assert.equal(grpcToken, "", "the walk reached the last page");
  assert.equal(seen.size, 1000, "every seeded user exactly once");
});

test("StreamOrders and the NDJSON stream carry the same 1000 orders, item by item", async () => {
  const stream = arms.clients.order["StreamOrders"]!.call(arms.clients.order, { userId: "u-7", limit: 1000 }) as grpc.ClientReadableStream<shop.v1.IOrder>;
  const [orders, r] = await Promise.all([collectStream(stream), restOnEvery(arms, "GET", restPath.streamOrders("u-7", 1000))]);
  assert.equal(r.status, 200);
  assert.match(r.contentType ?? "", /^application\/x-ndjson/);
  assert.ok(r.text.endsWith("\n"));
  const lines = r.text.slice(0, -1).split("\n");
  assert.equal(orders.length, 1000);
  assert.equal(lines.length, 1000);
  for (let i = 0; i < orders.length; i++) assertSame("Order", orders[i]!, lines[i]!, `order ${i}`);
  // The stream is ListOrders one message at a time: same orders, same order.
  const listed = await unary<shop.v1.IListOrdersResponse>(arms.clients.order, "ListOrders", { userId: "u-7", limit: 1000 });
  assert.deepEqual(orders.map((o) => toCanonicalJson("Order", o)), listed.orders!.map((o) => toCanonicalJson("Order", o)));
});

test("StreamOrders with the default limit streams 10 orders", async () => {
  const stream = arms.clients.order["StreamOrders"]!.call(arms.clients.order, { userId: "u-8" }) as grpc.ClientReadableStream<shop.v1.IOrder>;
  const [orders, r] = await Promise.all([collectStream(stream), restOnEvery(arms, "GET", restPath.streamOrders("u-8"))]);
  assert.equal(orders.length, 10);
  assert.equal(r.text.split("\n").filter(Boolean).length, 10);
});

test("Upload of 3 MiB: same size and SHA-256 on both sides, and the right ones", async () => {
  const data = Buffer.alloc(3 * 1024 * 1024 + 123);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 11)) & 0xff;
  const expected = { size: String(data.length), sha256: createHash("sha256").update(data).digest("hex") };

  const grpcResult = new Promise<shop.v1.IUploadResult>((resolve, reject) => {
    const call = arms.clients.upload["Upload"]!.call(arms.clients.upload, (err: grpc.ServiceError | null, res: shop.v1.IUploadResult) =>
      err ? reject(err) : resolve(res),
    ) as grpc.ClientWritableStream<shop.v1.IUploadChunk>;
    for (let off = 0; off < data.length; off += 64 * 1024) call.write({ data: data.subarray(off, off + 64 * 1024) });
    call.end();
  });
  const [g, r] = await Promise.all([grpcResult, restOnEvery(arms, "POST", restPath.upload(), data, { "content-type": "application/octet-stream" }, { volatile: ["chunks"] })]);
  assert.equal(r.status, 200);
  const gJson = toCanonicalJson("UploadResult", g) as { size: string; sha256: string; chunks: number };
  const rJson = r.json as { size: string; sha256: string; chunks: number };
  assert.deepEqual({ size: gJson.size, sha256: gJson.sha256 }, expected);
  assert.deepEqual({ size: rJson.size, sha256: rJson.sha256 }, expected);
  assert.equal(gJson.chunks, Math.ceil(data.length / (64 * 1024)), "one chunk per gRPC message");
  assert.ok(rJson.chunks >= 1, "REST counts body chunks as read (transport-dependent)");
  assert.equal(r.text, JSON.stringify(rJson));
});

test("Chat and the WebSocket echo return the same messages apart from serverTime", async () => {
  const sent: shop.v1.IChatMessage[] = Array.from({ length: 20 }, (_, i) => ({
    sessionId: "s-1",
    sequence: i === 19 ? Long.fromString("9007199254740993") : i, // one int64 beyond 2^53
    text: i % 3 === 0 ? `héllo ✓ ${i}` : `message ${i}`,
    sentAt: { seconds: 1_700_000_000 + i, nanos: i * 1000 },
  }));
  const grpcEchoes = new Promise<shop.v1.IChatMessage[]>((resolve, reject) => {
    const call = arms.clients.chat["Chat"]!.call(arms.clients.chat) as grpc.ClientDuplexStream<shop.v1.IChatMessage, shop.v1.IChatMessage>;
    const echoes: shop.v1.IChatMessage[] = [];
    call.on("data", (m: shop.v1.IChatMessage) => echoes.push(m));
    call.on("error", reject);
    call.on("end", () => resolve(echoes));
    for (const m of sent) call.write(m);
    call.end();
  });
  const frames = sent.map((m) => JSON.stringify(toCanonicalJson("ChatMessage", m)));
  const chatting = arms.restArms.filter((server) => armServes(server.arm, "Chat"));
  const [g, exchanges] = await Promise.all([grpcEchoes, Promise.all(chatting.map((server) => wsExchange(server.port, frames)))]);
  const [w, ...others] = exchanges;
  assert.ok(w);
  const withoutServerTime = (reply: string) => {
    const { serverTime: _, ...rest } = JSON.parse(reply) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  others.forEach((other, i) => {
    const label = `${chatting[i + 1]!.arm} vs ${arms.rest.arm}`;
    assert.equal(other.closeCode, w.closeCode, label);
    assert.deepEqual(other.replies.map(withoutServerTime), w.replies.map(withoutServerTime), `${label}: echo frames but serverTime`);
  });
  assert.equal(g.length, sent.length);
  assert.equal(w.replies.length, sent.length);
  for (let i = 0; i < sent.length; i++) {
    const gJson = toCanonicalJson("ChatMessage", g[i]!) as Record<string, unknown>;
    const wJson = JSON.parse(w.replies[i]!) as Record<string, unknown>;
    assert.equal(w.replies[i], JSON.stringify(wJson));
    assert.match(String(gJson["serverTime"]), /^\d{4}-\d\d-\d\dT/);
    assert.match(String(wJson["serverTime"]), /^\d{4}-\d\d-\d\dT/);
    delete gJson["serverTime"];
    delete wJson["serverTime"];
    assert.deepEqual(wJson, gJson, `echo ${i}`);
    assert.deepEqual(gJson, JSON.parse(frames[i]!), `echo ${i} is what was sent`);
  }
});
