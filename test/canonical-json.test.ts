import { test } from "node:test";
import assert from "node:assert/strict";
import Long from "long";
import { CanonicalJsonError, fromCanonicalJson, timestampFromJson, timestampToJson, toCanonicalJson } from "../proto/canonical-json.js";
import { shop } from "../proto/generated/shop.js";

const user = {
  id: "u-7",
  name: "Zoë 山田",
  email: "zoe@example.com",
  age: 41,
  active: true,
  roles: ["admin", "billing"],
  metadata: { tier: "gold", "locale": "de-DE" },
  createdAt: { seconds: 1_700_000_000, nanos: 120_000_000 },
  status: shop.v1.UserStatus.USER_STATUS_SUSPENDED,
  lifetimeSpendCents: 9_007_199_254_740, // above 2^32
  rating: 4.25,
};

test("maps a User to the proto3 canonical JSON form", () => {
  assert.deepEqual(toCanonicalJson("User", user), {
    id: "u-7",
    name: "Zoë 山田",
    email: "zoe@example.com",
    age: 41,
    active: true,
    roles: ["admin", "billing"],
    metadata: { tier: "gold", locale: "de-DE" },
    createdAt: "2023-11-14T22:13:20.120Z",
    status: "USER_STATUS_SUSPENDED",
    lifetimeSpendCents: "9007199254740",
    rating: 4.25,
  });
});

test("omits default values: zero, empty string, false, empty lists and maps, enum zero, unset messages", () => {
  const json = toCanonicalJson("User", { id: "", age: 0, active: false, roles: [], metadata: {}, status: 0, lifetimeSpendCents: 0, rating: 0 });
  assert.deepEqual(json, {});
  assert.deepEqual(toCanonicalJson("google.protobuf.Empty", {}), {});
});

test("int64 from a decoded Long prints as a decimal string, zero Long is omitted", () => {
  const decoded = shop.v1.User.decode(shop.v1.User.encode(user).finish());
  assert.ok(Long.isLong(decoded.lifetimeSpendCents));
  assert.equal((toCanonicalJson("User", decoded) as Record<string, unknown>)["lifetimeSpendCents"], "9007199254740");
  assert.deepEqual(toCanonicalJson("OrderItem", { unitPriceCents: Long.fromNumber(0) }), {});
  assert.deepEqual(toCanonicalJson("OrderItem", { unitPriceCents: Long.fromString("-9223372036854775808") }), { unitPriceCents: "-9223372036854775808" });
});

test("Timestamps use 0, 3, 6 or 9 fractional digits", () => {
  assert.equal(timestampToJson({ seconds: 0, nanos: 0 }), "1970-01-01T00:00:00Z");
  assert.equal(timestampToJson({ seconds: 1, nanos: 5_000_000 }), "1970-01-01T00:00:01.005Z");
  assert.equal(timestampToJson({ seconds: 1, nanos: 5_000 }), "1970-01-01T00:00:01.000005Z");
  assert.equal(timestampToJson({ seconds: 1, nanos: 5 }), "1970-01-01T00:00:01.000000005Z");
  assert.deepEqual(timestampFromJson("1970-01-01T01:00:01.5+01:00"), { seconds: 1, nanos: 500_000_000 });
  assert.deepEqual(timestampFromJson("1970-01-01T00:00:00Z"), {});
  assert.throws(() => timestampFromJson("yesterday"), CanonicalJsonError);
});

test("parses canonical JSON back, accepting proto field names and numeric enums, and round-trips through protobuf", () => {
  const json = toCanonicalJson("User", user);
  const parsed = fromCanonicalJson("User", json);
  const viaWire = shop.v1.User.decode(shop.v1.User.encode(parsed).finish());
  assert.deepEqual(toCanonicalJson("User", viaWire), json);
  assert.deepEqual(fromCanonicalJson("User", { created_at: "1970-01-01T00:00:02Z", lifetime_spend_cents: null, status: 2 }), {
    createdAt: { seconds: 2 },
    status: 2,
  });
  assert.deepEqual(fromCanonicalJson("GetUserRequest", { user_id: "u-1" }), { userId: "u-1" });
});

test("explicit defaults in JSON parse to unset fields, so protobuf stays minimal; sub-messages keep presence", () => {
  const parsed = fromCanonicalJson("User", { active: false, age: 0, name: "", lifetimeSpendCents: "0", createdAt: "1970-01-01T00:00:00Z" });
  assert.deepEqual(parsed, { createdAt: {} });
  assert.equal(shop.v1.User.encode(parsed).finish().length, 2); // field 8, length 0
});

test("non-finite doubles and bytes follow the spec", () => {
  assert.deepEqual(toCanonicalJson("User", { rating: Number.NaN }), { rating: "NaN" });
  assert.deepEqual(toCanonicalJson("User", { rating: -Infinity }), { rating: "-Infinity" });
  assert.deepEqual(toCanonicalJson("UploadChunk", { data: new Uint8Array([0xfb, 0xff]) }), { data: "+/8=" });
  assert.deepEqual(fromCanonicalJson("UploadChunk", { data: "-_8" }), { data: Buffer.from([0xfb, 0xff]) });
});

test("rejects invalid input with a CanonicalJsonError naming the path", () => {
  assert.throws(() => fromCanonicalJson("User", { age: "old" }), /User\.age: expected an int32/);
  assert.throws(() => fromCanonicalJson("User", { age: 2 ** 31 }), CanonicalJsonError);
  assert.throws(() => fromCanonicalJson("User", { nope: 1 }), /unknown field "nope"/);
  assert.throws(() => fromCanonicalJson("User", [] as never), CanonicalJsonError);
  assert.throws(() => fromCanonicalJson("User", { status: "USER_STATUS_BOGUS" }), CanonicalJsonError);
  assert.throws(() => fromCanonicalJson("User", { lifetimeSpendCents: "1.5" }), CanonicalJsonError);
});
