// The transport-free handler layer on its own: semantics both arms inherit (paging, PATCH, copy-on-write,
// bounded memory, lazy streaming, the status vocabulary).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import { toCanonicalJson } from "../proto/canonical-json.js";
import { generateOrder, generateUser } from "../payloads/generator.js";
import { BoundedMemo } from "../servers/handlers/bounded-memo.js";
import { requestDelayMs } from "../servers/handlers/request-delay.js";
import { createShopHandlers } from "../servers/handlers/shop-handlers.js";
import { RpcError, STATUS_NAMES, statusCode } from "../servers/handlers/status.js";
import { pump } from "../servers/handlers/stream-pump.js";

function rpcCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof RpcError) return err.code;
    throw err;
  }
  return "OK";
}

test("status names are grpc-js's codes, in order", () => {
  for (const name of STATUS_NAMES) assert.equal(statusCode(name), grpc.status[name], name);
});

test("GetUser serves the generator's users; unknown and empty ids fail", () => {
  const h = createShopHandlers({ userCount: 20 });
  assert.deepEqual(toCanonicalJson("User", h.getUser({ userId: "u-7" })), toCanonicalJson("User", generateUser(h.seed, 7)));
  assert.equal(rpcCode(() => h.getUser({ userId: "u-21" })), "NOT_FOUND");
  assert.equal(rpcCode(() => h.getUser({ userId: "u-0" })), "NOT_FOUND");
  assert.equal(rpcCode(() => h.getUser({})), "INVALID_ARGUMENT");
});

test("ListUsers: page sizes, opaque tokens, and a token past the end is an empty last page", () => {
  const h = createShopHandlers({ userCount: 120 });
  assert.equal(h.listUsers({}).users?.length, 50);
  assert.equal(h.listUsers({ pageSize: 1000 }).users?.length, 120);
  assert.equal(h.listUsers({ pageSize: 1000 }).nextPageToken, undefined, "no token on the last page (unset, not \"\")");
  for (const pageSize of [-1, 1001]) assert.equal(rpcCode(() => h.listUsers({ pageSize })), "INVALID_ARGUMENT");
  // "b2Zmc2V0OjE=" is a padded spelling of a valid token: only the exact tokens this server issues are accepted.
  for (const pageToken of ["x", "b2Zmc2V0OjE=", Buffer.from("offset:-1").toString("base64url"), Buffer.from("offset:1 ").toString("base64url")]) {
    assert.equal(rpcCode(() => h.listUsers({ pageToken })), "INVALID_ARGUMENT", pageToken);
  }
  const first = h.listUsers({ pageSize: 100 });
  assert.doesNotMatch(first.nextPageToken!, /offset|100/, "tokens are opaque");
  const second = h.listUsers({ pageSize: 100, pageToken: first.nextPageToken! });
  assert.deepEqual(second.users?.map((u) => u.id), Array.from({ length: 20 }, (_, i) => `u-${101 + i}`));
  assert.equal(second.nextPageToken, undefined);
  const far = h.listUsers({ pageSize: 10, pageToken: Buffer.from("offset:5000").toString("base64url") });
  assert.deepEqual(far, { users: [] });
});

test("UpdateUser is PATCH and copy-on-write: a User already handed out never changes", () => {
  const h = createShopHandlers({ userCount: 5 });
  const before = h.getUser({ userId: "u-2" });
  const snapshot = JSON.stringify(toCanonicalJson("User", before));
  const updated = h.updateUser({ userId: "u-2", user: { name: "New Name", age: 0, active: false, roles: [] } });
  assert.equal(JSON.stringify(toCanonicalJson("User", before)), snapshot, "the earlier reply object is untouched");
  assert.notEqual(updated, before);
  assert.equal(updated.name, "New Name");
  assert.equal(updated.age, before.age, "default values (0, false, []) do not replace (proto3 PATCH)");
  assert.deepEqual(updated.roles, before.roles);
  assert.equal(updated.id, "u-2");
  assert.equal(h.getUser({ userId: "u-2" }), updated);
  // id and createdAt are the server's: a patch cannot move or re-date a user.
  const moved = h.updateUser({ userId: "u-2", user: { id: "u-3", createdAt: { seconds: 1, nanos: 0 } } });
  assert.equal(moved.id, "u-2");
  assert.deepEqual(moved.createdAt, before.createdAt);
  assert.equal(rpcCode(() => h.updateUser({ userId: "u-2" })), "INVALID_ARGUMENT");
});

test("CreateUser: fresh ids after the seeded ones, server-owned fields, and a bounded number kept", () => {
  const h = createShopHandlers({ userCount: 3, maxCreatedUsers: 2 });
  const roles = ["buyer"];
  const a = h.createUser({ user: { id: "u-1", name: "A", email: "a@x", roles, status: 3 } });
  roles.push("mutated by the caller later");
  assert.equal(a.id, "u-4");
  assert.equal(a.status, 1, "USER_STATUS_ACTIVE, whatever the client sent");
  assert.ok(a.createdAt);
  assert.deepEqual(a.roles, ["buyer"], "the store keeps its own copy of lists");
  const b = h.createUser({ user: { name: "B", email: "b@x" } });
  const c = h.createUser({ user: { name: "C", email: "c@x" } });
  assert.deepEqual([b.id, c.id], ["u-5", "u-6"]);
  assert.equal(rpcCode(() => h.getUser({ userId: "u-4" })), "NOT_FOUND", "the oldest created user was evicted");
  assert.equal(h.listUsers({}).users?.length, 5, "3 seeded + the 2 newest created");
  assert.equal(h.getUser({ userId: "u-1" }).id, "u-1", "seeded users are never evicted");
  assert.equal(rpcCode(() => h.createUser({})), "INVALID_ARGUMENT");
  assert.equal(rpcCode(() => h.createUser({ user: { email: "x@y" } })), "INVALID_ARGUMENT");
});

test("DeleteUser: gone for reads, lists and orders; a second delete is NOT_FOUND", () => {
  const h = createShopHandlers({ userCount: 3 });
  assert.deepEqual(h.deleteUser({ userId: "u-2" }), {});
  assert.equal(rpcCode(() => h.getUser({ userId: "u-2" })), "NOT_FOUND");
  assert.equal(rpcCode(() => h.listOrders({ userId: "u-2" })), "NOT_FOUND");
  assert.equal(rpcCode(() => h.streamOrders({ userId: "u-2" })), "NOT_FOUND");
  assert.equal(rpcCode(() => h.deleteUser({ userId: "u-2" })), "NOT_FOUND");
  assert.deepEqual(h.listUsers({}).users?.map((u) => u.id), ["u-1", "u-3"]);
});

test("ListOrders: limits, memoized replies (the same object on a hit), the generator's orders", () => {
  const h = createShopHandlers({ userCount: 3 });
  const ten = h.listOrders({ userId: "u-1" });
  assert.equal(ten.orders?.length, 10);
  assert.equal(h.listOrders({ userId: "u-1", limit: 10 }), ten, "memo hit");
  assert.deepEqual(ten.orders?.[9], generateOrder(h.seed, "u-1", 9));
  for (const limit of [-1, 20001]) assert.equal(rpcCode(() => h.listOrders({ userId: "u-1", limit })), "INVALID_ARGUMENT");
});

test("BoundedMemo evicts the least recently used entries past its weight", () => {
  const memo = new BoundedMemo<string, number[]>(10);
  const get = (key: string, n: number) => memo.getOrCompute(key, () => new Array<number>(n).fill(0), (v) => v.length);
  const a = get("a", 4);
  get("b", 4);
  assert.equal(get("a", 4), a, "hit; a becomes most recent");
  get("c", 4); // 12 > 10: evicts b, the least recently used
  assert.equal(memo.weight, 8);
  assert.equal(get("a", 4), a);
  get("huge", 11);
  assert.equal(memo.size, 2, "an entry heavier than the whole memo is served, not kept");
});

test("StreamOrders is lazy: a million-order stream yields the generator's orders one at a time", () => {
  const h = createShopHandlers({ userCount: 3 });
  const it = h.streamOrders({ userId: "u-1", limit: 1_000_000 });
  for (let i = 0; i < 3; i++) assert.deepEqual(it.next().value, generateOrder(h.seed, "u-1", i));
  it.return?.(undefined);
  assert.equal(rpcCode(() => h.streamOrders({ userId: "u-1", limit: 1_000_001 })), "INVALID_ARGUMENT");
});

test("pump waits for drain on pushback and stops when the target closes", async () => {
  const written: number[] = [];
  let drains = 0;
  const end = await pump([1, 2, 3, 4, 5][Symbol.iterator](), {
    write: (n) => (written.push(n), n % 2 === 0),
    drained: async () => void drains++,
    closed: false,
  });
  assert.equal(end, "complete");
  assert.deepEqual(written, [1, 2, 3, 4, 5]);
  assert.equal(drains, 3);
  const target = { written: 0, write: () => (target.written++, true), drained: async () => {}, get closed() { return target.written >= 300; } };
  assert.equal(await pump((function* () { for (;;) yield 0; })(), target), "closed");
  assert.equal(target.written, 300);
});

test("Upload sink: size, chunks and SHA-256 of everything written", () => {
  const sink = createShopHandlers({ userCount: 1 }).upload();
  const parts = [Buffer.from("hello "), new Uint8Array(0), Buffer.from("world")];
  for (const p of parts) sink.write(p);
  assert.deepEqual(sink.finish(), { size: 11, chunks: 3, sha256: createHash("sha256").update("hello world").digest("hex") });
});

test("Chat echoes every field and sets serverTime", () => {
  const h = createShopHandlers({ userCount: 1 });
  const echo = h.chat({ sessionId: "s", sequence: 3, text: "t" });
  assert.deepEqual({ ...echo, serverTime: undefined }, { sessionId: "s", sequence: 3, text: "t", serverTime: undefined });
  assert.ok(typeof echo.serverTime?.seconds === "number" && echo.serverTime.seconds > 1_600_000_000);
});

test("x-delay-ms: ignored when the experiment is off, capped by maxDelayMs, garbage ignored", () => {
  assert.equal(requestDelayMs("500", 0), 0);
  assert.equal(requestDelayMs("500", 100), 100);
  assert.equal(requestDelayMs("50", 100), 50);
  for (const bad of [undefined, "", "-5", "1e3", "ten", ["5"]]) assert.equal(requestDelayMs(bad, 100), 0, String(bad));
});
