import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { fromCanonicalJson, toCanonicalJson, type JsonValue } from "../proto/canonical-json.js";
import { shop } from "../proto/generated/shop.js";
import { DEFAULT_SEED, generateOrder, generateOrders, generateUser, userId, userIndex } from "../payloads/generator.js";
import { encodeSizeClass, PAYLOAD_CLASSES, SIZE_CLASSES, sizeClassMessage, sizeClassRequest } from "../payloads/size-classes.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const KiB = 1024;
const MiB = 1024 * 1024;
const GRPC_DEFAULT_MAX_RECEIVE = 4 * MiB;

// Golden hashes under DEFAULT_SEED. If these change, every published size and every recorded result changes
// meaning: change them only on purpose, and say so in the commit.
const GOLDEN: Record<string, { protobuf: string; json: string }> = {
  small: {
    protobuf: "a746770f64cf68995b2dc370683d5414a6818d3189c0be818d020fa94ab4c778",
    json: "7920195ec47d2196c1e8efd834406f9f47574b3e4e52d5b8c740dd72f4345f15",
  },
  medium: {
    protobuf: "fb91ae01550078fe9b28f49814cb566f4d20a5d9bb51dbdcc39722ed7b09b541",
    json: "e6398416f60669e001694ff2525f064c63a0b110990e3108545e2eaf9f4017ef",
  },
  large: {
    protobuf: "208d567a4bf2580c983e14010863c5259e5ed2554155d0db22a20d2cdf848193",
    json: "614e386c7907e1edb9110120491c6c36c2eb285a830954ebbe40484e5a263d85",
  },
  xlarge: {
    protobuf: "d280159ac1b8e3962ea9378b3447bcdecbf4a52aa30578d87244c49d07b56be4",
    json: "7bced306c2536cc2b333604cffcad1ef5945000aea896dfe8c73df72a480c4f1",
  },
};

const encoded = Object.fromEntries(PAYLOAD_CLASSES.map((cls) => [cls, encodeSizeClass(DEFAULT_SEED, cls)]));
const enc = (cls: string) => encoded[cls] as { json: Buffer; protobuf: Uint8Array };

test("every size class hashes to its golden protobuf and canonical JSON bytes", () => {
  for (const cls of PAYLOAD_CLASSES) {
    assert.equal(sha256(enc(cls).protobuf), GOLDEN[cls]?.protobuf, `${cls} protobuf`);
    assert.equal(sha256(enc(cls).json), GOLDEN[cls]?.json, `${cls} JSON`);
  }
});

test("a second generation is byte-identical, and another seed gives other data", () => {
  for (const cls of PAYLOAD_CLASSES) {
    assert.deepEqual(encodeSizeClass(DEFAULT_SEED, cls), enc(cls), cls);
    assert.notDeepEqual(encodeSizeClass(DEFAULT_SEED + 1, cls).protobuf, enc(cls).protobuf, cls);
  }
});

test("size classes are in size order and within their stated ranges", () => {
  assert.deepEqual([...PAYLOAD_CLASSES], ["small", "medium", "large", "xlarge"]);
  const json = (cls: string) => enc(cls).json.length;
  assert.ok(json("small") >= 200 && json("small") <= 400, `small ${json("small")}`);
  assert.ok(json("medium") >= 3.5 * KiB && json("medium") <= 4.5 * KiB, `medium ${json("medium")}`);
  assert.ok(json("large") >= 240 * KiB && json("large") <= 272 * KiB, `large ${json("large")}`);
  assert.ok(enc("xlarge").protobuf.length >= 0.9 * GRPC_DEFAULT_MAX_RECEIVE, `xlarge protobuf ${enc("xlarge").protobuf.length} is not near the 4 MiB limit`);
  assert.ok(enc("xlarge").protobuf.length < GRPC_DEFAULT_MAX_RECEIVE, `xlarge protobuf ${enc("xlarge").protobuf.length}`);
  for (const cls of PAYLOAD_CLASSES) assert.ok(enc(cls).protobuf.length < enc(cls).json.length, cls);
});

test("class definitions agree with their requests and messages", () => {
  for (const cls of PAYLOAD_CLASSES) {
    const c = SIZE_CLASSES[cls];
    assert.equal(c.name, cls);
    assert.equal(c.message, c.call === "GetUser" ? "User" : "ListOrdersResponse");
    assert.equal(c.limit === 0, c.call === "GetUser");
    assert.ok(c.limit <= 20_000, "within ListOrdersRequest.limit's documented range");
    assert.ok(userIndex(c.userId) !== undefined, c.userId);
    const request = sizeClassRequest(cls);
    assert.equal(request.userId, c.userId);
    const msg = sizeClassMessage(DEFAULT_SEED, cls);
    if (c.call === "ListOrders") {
      assert.equal((request as shop.v1.IListOrdersRequest).limit, c.limit);
      assert.equal((msg as shop.v1.IListOrdersResponse).orders?.length, c.limit);
    } else {
      assert.equal((msg as shop.v1.IUser).id, c.userId);
    }
  }
  // The small class is meant to show a user with every field set.
  const small = toCanonicalJson("User", sizeClassMessage(DEFAULT_SEED, "small")) as Record<string, JsonValue>;
  assert.deepEqual(Object.keys(small).sort(), Object.keys(shop.v1.User.toObject(new shop.v1.User(), { defaults: true })).sort());
});

test("order i is independent of the other indices", () => {
  const all = generateOrders(DEFAULT_SEED, "u-1", 500);
  for (const i of [499, 0, 1, 6, 7, 250]) assert.deepEqual(generateOrder(DEFAULT_SEED, "u-1", i), all[i], `order ${i}`);
  assert.deepEqual(generateOrders(DEFAULT_SEED, "u-1", 7), all.slice(0, 7));
  assert.notDeepEqual(generateOrder(DEFAULT_SEED, "u-2", 0).items, all[0]?.items, "another user has other orders");
  assert.equal(new Set(all.map((o) => o.id)).size, all.length, "order ids are unique");
});

test("protobuf and canonical JSON round-trip every class exactly", () => {
  for (const cls of PAYLOAD_CLASSES) {
    const type = SIZE_CLASSES[cls].message === "User" ? shop.v1.User : shop.v1.ListOrdersResponse;
    const name = SIZE_CLASSES[cls].message;
    const { json, protobuf } = enc(cls);
    const decoded = type.decode(protobuf);
    assert.equal(JSON.stringify(toCanonicalJson(name, decoded)), json.toString(), `${cls}: protobuf → JSON`);
    const parsed = fromCanonicalJson(name, JSON.parse(json.toString()) as JsonValue);
    assert.deepEqual(type.encode(parsed).finish(), protobuf, `${cls}: JSON → protobuf`);
  }
});

const users = Array.from({ length: 2000 }, (_, i) => generateUser(DEFAULT_SEED, i + 1));
const orders = generateOrders(DEFAULT_SEED, "u-1", SIZE_CLASSES.xlarge.limit);
const FIRST_SECOND = Date.UTC(2015, 0, 1) / 1000;
const END_SECOND = Date.UTC(2027, 0, 1) / 1000;

function checkTimestamp(ts: { seconds?: unknown; nanos?: unknown } | null | undefined, what: string): { seconds: number; nanos: number } {
  const seconds = ts?.seconds as number;
  const nanos = (ts?.nanos ?? 0) as number; // unset = 0: the generator never sets a default explicitly
  assert.ok(Number.isInteger(seconds) && seconds >= FIRST_SECOND && seconds < END_SECOND, `${what} seconds ${seconds}`);
  assert.ok(Number.isInteger(nanos) && nanos >= 0 && nanos <= 999_999_999, `${what} nanos ${nanos}`);
  return { seconds, nanos };
}

test("users are realistic and varied, with no UNSPECIFIED enum", () => {
  const names = users.map((u) => u.name as string);
  assert.ok(names.some((n) => /[À-ž]/.test(n)), "accented Latin");
  assert.ok(names.some((n) => /\p{Script=Han}/u.test(n)), "CJK");
  assert.ok(names.some((n) => /\p{Script=Cyrillic}/u.test(n)), "Cyrillic");
  assert.ok(names.some((n) => /\p{Script=Arabic}/u.test(n)), "Arabic");
  assert.ok(names.some((n) => /\p{Extended_Pictographic}/u.test(n)), "emoji");
  assert.ok(names.filter((n) => /[^\x00-\x7f]/.test(n)).length > users.length / 3, "many non-ASCII names");
  const nanos: number[] = [];
  for (const [i, u] of users.entries()) {
    assert.equal(u.id, userId(i + 1));
    assert.match(u.email as string, /^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/, "ASCII e-mail");
    assert.ok(u.age! >= 18 && u.age! <= 90, `age ${u.age}`);
    assert.ok(u.status !== undefined && u.status !== null && u.status !== shop.v1.UserStatus.USER_STATUS_UNSPECIFIED && shop.v1.UserStatus[u.status] !== undefined);
    assert.ok(u.lifetimeSpendCents === undefined || (Number.isSafeInteger(u.lifetimeSpendCents) && (u.lifetimeSpendCents as number) > 0));
    assert.ok(u.rating! >= 1 && u.rating! <= 5, `rating ${u.rating}`);
    assert.ok(u.roles!.length <= 4 && new Set(u.roles).size === u.roles!.length);
    assert.ok(Object.keys(u.metadata!).length <= 5);
    nanos.push(checkTimestamp(u.createdAt, u.id!).nanos);
  }
  assert.deepEqual(new Set(users.map((u) => u.active ?? false)), new Set([true, false]));
  assert.ok(users.some((u) => u.lifetimeSpendCents === undefined), "new customers with no spend");
  assert.equal(new Set(users.map((u) => u.status)).size, 3);
  assert.ok(users.some((u) => (u.lifetimeSpendCents as number) > 2 ** 32), "int64 above 2^32");
  assert.ok(new Set(users.map((u) => u.age)).size > 50, "ages vary");
  assert.ok(users.some((u) => String(u.rating).length > 6), "ratings with many decimals");
  assert.ok(users.some((u) => /^\d\.\d$/.test(String(u.rating))), "ratings with one decimal");
  assert.deepEqual(new Set(users.map((u) => u.roles!.length)), new Set([0, 1, 2, 3, 4]));
  assert.deepEqual(new Set(users.map((u) => Object.keys(u.metadata!).length)), new Set([0, 1, 2, 3, 4, 5]));
  assert.ok(nanos.includes(0) && nanos.some((n) => n % 1000 !== 0) && nanos.some((n) => n !== 0 && n % 1_000_000 === 0));
});

test("generated messages never hold a proto3 default explicitly, so protobufjs encodes the minimal bytes", () => {
  for (const u of users) {
    assert.notEqual(u.active, false, `${u.id} active`);
    assert.notEqual(u.lifetimeSpendCents, 0, `${u.id} lifetimeSpendCents`);
    assert.notEqual(u.createdAt?.nanos, 0, `${u.id} nanos`);
  }
  for (const o of orders) assert.notEqual(o.createdAt?.nanos, 0, `${o.id} nanos`);
});

test("orders are realistic and consistent, with no UNSPECIFIED enum", () => {
  const itemCounts = new Set<number>();
  const attributeCounts = new Set<number>();
  for (const o of orders) {
    assert.equal(o.userId, "u-1");
    assert.match(o.id as string, /^ord_[0-9a-f]{16}$/);
    assert.ok(o.status !== undefined && o.status !== null && o.status !== shop.v1.OrderStatus.ORDER_STATUS_UNSPECIFIED && shop.v1.OrderStatus[o.status] !== undefined);
    assert.match(o.currency as string, /^[A-Z]{3}$/);
    assert.ok(o.weightKg! > 0);
    checkTimestamp(o.createdAt, o.id!);
    itemCounts.add(o.items!.length);
    attributeCounts.add(Object.keys(o.attributes!).length);
    let total = 0;
    for (const item of o.items!) {
      assert.match(item.productId as string, /^p-\d{5}$/);
      assert.ok(item.quantity! >= 1 && Number.isSafeInteger(item.unitPriceCents) && (item.unitPriceCents as number) > 0);
      total += item.quantity! * (item.unitPriceCents as number);
    }
    assert.equal(o.totalCents, total, "total is the sum of the items");
    assert.ok(Number.isSafeInteger(o.totalCents));
  }
  assert.deepEqual(itemCounts, new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  assert.deepEqual(attributeCounts, new Set([0, 1, 2, 3, 4, 5]));
  assert.equal(new Set(orders.map((o) => o.status)).size, 5);
  assert.ok(new Set(orders.map((o) => o.currency)).size >= 8);
  assert.ok(orders.some((o) => o.items!.some((i) => /[^\x00-\x7f]/.test(i.name as string))), "non-ASCII product names");
  // The same product id always carries the same name (a catalogue, not noise).
  const byId = new Map<string, string>();
  for (const item of orders.flatMap((o) => o.items!)) {
    const known = byId.get(item.productId!);
    if (known === undefined) byId.set(item.productId!, item.name!);
    else assert.equal(item.name, known);
  }
});

test("bad arguments are refused, not silently mapped", () => {
  assert.throws(() => generateUser(DEFAULT_SEED, 0), RangeError);
  assert.throws(() => generateUser(1.5, 1), RangeError);
  assert.throws(() => generateOrder(DEFAULT_SEED, "u-1", -1), RangeError);
  assert.throws(() => generateOrders(DEFAULT_SEED, "u-1", 2.5), RangeError);
  assert.equal(userIndex("u-17"), 17);
  for (const bad of ["u-0", "u-01", "u-", "x-1", "u-1a", " u-1"]) assert.equal(userIndex(bad), undefined, bad);
});
