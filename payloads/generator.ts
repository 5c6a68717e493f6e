// Seeded, deterministic users and orders. Every value is drawn from a RandomSource keyed by
// (seed, kind, id, index), so any one user or order can be produced without generating its neighbours,
// and the same seed gives byte-identical protobuf and JSON everywhere. Doubles are built from integers with
// one IEEE division or multiplication (correctly rounded on every platform), never from transcendental functions.
import { shop } from "../proto/generated/shop.js";
import { RandomSource } from "./random-source.js";
import {
  COUPON_WORDS, CULTURES, CURRENCIES, DELIVERY_NOTES, NAME_EMOJI, ORDER_CHANNELS, PAYMENT_METHODS, PRODUCT_BASES,
  PRODUCT_VARIANTS, REFERRERS, ROLES, SIGNUP_SOURCES, USER_TIERS, WAREHOUSES, type Culture, type Word,
} from "./vocabulary.js";

export const DEFAULT_SEED = 42;

/** Size of the product catalogue orders draw from (ids p-00001 … p-04000). */
export const PRODUCT_COUNT = 4000;

const FIRST_SECOND = 1_420_070_400; // 2015-01-01T00:00:00Z
const LAST_SECOND = 1_798_761_599; // 2026-12-31T23:59:59Z
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
const TWO_POW_32 = 0x1_0000_0000;

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
}

function checkIndex(what: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be an integer >= ${min}, got ${value}`);
}

/** The id of the user with the given 1-based index: "u-1", "u-2", … */
export function userId(index: number): string {
  checkIndex("user index", index, 1);
  return `u-${index}`;
}

/** The 1-based index of a well-formed user id ("u-17" → 17), or undefined for anything else. */
export function userIndex(id: string): number | undefined {
  const m = /^u-([1-9]\d{0,14})$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

// ---- shared value shapes ------------------------------------------------------------

// Fields that hold their proto3 default are left unset, never set to 0/false: protobufjs's encoder writes
// every own property, defaults included, which a conforming proto3 encoder (and so the bytes a real service
// sends) would not.

/** A Timestamp in 2015–2026; nanos are sometimes 0 (unset), sometimes whole ms or µs, often arbitrary. */
function timestamp(r: RandomSource): { seconds: number; nanos?: number } {
  const seconds = r.between(FIRST_SECOND, LAST_SECOND);
  const precision = r.weighted([[0, 20], [1_000_000, 30], [1_000, 20], [1, 30]] as const);
  const nanos = precision === 0 ? 0 : r.below(1_000_000_000 / precision) * precision;
  return nanos === 0 ? { seconds } : { seconds, nanos };
}

/** Picks 0..max distinct keys and builds a string map from them, in the sampled order. */
function stringMap(r: RandomSource, counts: readonly (readonly [number, number])[], entries: Record<string, (r: RandomSource) => string>): Record<string, string> {
  const keys = r.sample(Object.keys(entries), r.weighted(counts));
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = (entries[key] as (r: RandomSource) => string)(r);
  return out;
}

// ---- users --------------------------------------------------------------------------------

function displayName(culture: Culture, given: Word, family: Word): string {
  switch (culture.order) {
    case "given-family": return `${given[0]} ${family[0]}`;
    case "family-given": return `${family[0]} ${given[0]}`;
    case "family-given-joined": return `${family[0]}${given[0]}`;
  }
}

function email(r: RandomSource, culture: Culture, given: Word, family: Word): string {
  const g = given[1];
  const f = family[1];
  const local = r.weighted([
    [`${g}.${f}`, 35],
    [`${g}${f}${r.between(1, 99)}`, 20],
    [`${g.slice(0, 1)}${f}`, 20],
    [`${f}.${g}`, 10],
    [`${g}_${f}${r.between(1950, 2006)}`, 15],
  ] as const);
  return `${local}@${r.pick(culture.mailDomains)}`;
}

function lifetimeSpendCents(r: RandomSource): number {
  const kind = r.weighted([["none", 3], ["regular", 91], ["above-2^32", 6]] as const);
  if (kind === "none") return 0; // a new customer: proto3 omits the zero from JSON, as it should
  if (kind === "above-2^32") return TWO_POW_32 + r.belowLarge(2 ** 40);
  const digits = r.between(3, 9);
  const low = POWERS_OF_TEN[digits - 1] as number;
  return low + r.below(9 * low);
}

function rating(r: RandomSource): number {
  const kind = r.weighted([["tenths", 40], ["hundredths", 30], ["average", 30]] as const);
  if (kind === "tenths") return r.between(10, 50) / 10;
  if (kind === "hundredths") return r.between(100, 500) / 100;
  const votes = r.between(3, 400); // a mean of star ratings: many decimals, e.g. 4.372093023255814
  return r.between(votes, 5 * votes) / votes;
}

export function generateUser(seed: number, index: number): shop.v1.IUser {
  checkSeed(seed);
  const id = userId(index);
  const r = new RandomSource(`${seed}|user|${index}`);
  const culture = r.weighted(CULTURES);
  const given = r.pick(culture.given);
  const family = r.pick(culture.family);
  let name = displayName(culture, given, family);
  if (r.percent(7)) name += ` ${r.pick(NAME_EMOJI)}`;
  const status = r.weighted([
    [shop.v1.UserStatus.USER_STATUS_ACTIVE, 80],
    [shop.v1.UserStatus.USER_STATUS_INACTIVE, 15],
    [shop.v1.UserStatus.USER_STATUS_SUSPENDED, 5],
  ] as const);
  // Draws stay in this order: changing it changes every user (and the golden hashes).
  const mail = email(r, culture, given, family);
  const age = 18 + r.below(37) + r.below(37); // 18..90, most in the middle
  const active = status === shop.v1.UserStatus.USER_STATUS_ACTIVE ? r.percent(92) : r.percent(10);
  const roles = r.sample(ROLES, r.weighted([[0, 15], [1, 45], [2, 25], [3, 10], [4, 5]] as const));
  const metadata = stringMap(r, [[0, 15], [1, 20], [2, 25], [3, 20], [4, 12], [5, 8]], {
    locale: (r) => r.pick(culture.locales),
    timezone: (r) => r.pick(culture.timezones),
    tier: (r) => r.pick(USER_TIERS),
    referrer: (r) => r.pick(REFERRERS),
    signup_source: (r) => r.pick(SIGNUP_SOURCES),
    newsletter: (r) => (r.percent(40) ? "true" : "false"),
    crm_id: (r) => `crm-${r.hex(10)}`,
  });
  const createdAt = timestamp(r);
  const spend = lifetimeSpendCents(r);
  const stars = rating(r);
  // One literal per shape (no `delete`), so V8 keeps fast-property objects for the encoders.
  const common = { id, name, email: mail, age };
  const tail = { roles, metadata, createdAt, status };
  if (active && spend !== 0) return { ...common, active, ...tail, lifetimeSpendCents: spend, rating: stars };
  if (active) return { ...common, active, ...tail, rating: stars };
  if (spend !== 0) return { ...common, ...tail, lifetimeSpendCents: spend, rating: stars };
  return { ...common, ...tail, rating: stars };
}

// ---- products and orders ------------------------------------------------------------------

interface Product {
  id: string;
  name: string;
  priceEuroCents: number;
  grams: number;
}

/** Catalogue entry n (1..PRODUCT_COUNT): the same product has the same name, price and weight in every order. */
function makeProduct(seed: number, n: number): Product {
  const r = new RandomSource(`${seed}|product|${n}`);
  const name = r.pick(PRODUCT_BASES) + (r.percent(35) ? r.pick(PRODUCT_VARIANTS) : "");
  const [low, high] = r.weighted([[[199, 4_999], 60], [[5_000, 29_999], 30], [[30_000, 249_999], 10]] as const);
  let cents = r.between(low, high);
  if (r.percent(70)) cents = Math.floor(cents / 100) * 100 + r.pick([99, 95, 49, 0]); // shelf prices end in .99 etc.
  const grams = r.percent(75) ? r.between(20, 2_000) : r.between(2_000, 12_000);
  return { id: `p-${String(n).padStart(5, "0")}`, name, priceEuroCents: Math.max(cents, 99), grams };
}

// Memo of the catalogue of the last seed used; a pure cache (products depend only on (seed, n)).
let catalogue: { seed: number; products: (Product | undefined)[] } = { seed: Number.NaN, products: [] };

function product(seed: number, n: number): Product {
  if (catalogue.seed !== seed) catalogue = { seed, products: new Array<Product | undefined>(PRODUCT_COUNT + 1) };
  return (catalogue.products[n] ??= makeProduct(seed, n));
}

function weightKg(r: RandomSource, grams: number): number {
  if (r.percent(75)) return grams / 1000;
  // Carrier labels weighed in tenths of a pound, converted back: many decimals.
  const tenthsOfPound = Math.floor((grams * 100) / 4536) + 1;
  return (tenthsOfPound / 10) * 0.45359237;
}

/** Order `index` (0-based) of a user; independent of every other index. */
export function generateOrder(seed: number, userId: string, index: number): shop.v1.IOrder {
  checkSeed(seed);
  checkIndex("order index", index, 0);
  const r = new RandomSource(`${seed}|order|${userId}|${index}`);
  const id = `ord_${r.hex(16)}`;
  const [currency, ratePer100] = r.weighted(CURRENCIES);
  const itemCount = r.weighted([[1, 30], [2, 22], [3, 16], [4, 11], [5, 8], [6, 6], [7, 4], [8, 3]] as const);
  const seen = new Set<number>();
  const items: shop.v1.IOrderItem[] = [];
  let totalCents = 0;
  let grams = 0;
  while (items.length < itemCount) {
    const n = r.between(1, PRODUCT_COUNT);
    if (seen.has(n)) continue;
    seen.add(n);
    const p = product(seed, n);
    const quantity = r.weighted([[1, 60], [2, 20], [r.between(3, 5), 15], [r.between(6, 24), 5]] as const);
    const unitPriceCents = Math.floor((p.priceEuroCents * ratePer100 + 50) / 100);
    items.push({ productId: p.id, name: p.name, quantity, unitPriceCents });
    totalCents += quantity * unitPriceCents;
    grams += quantity * p.grams;
  }
  return {
    id,
    userId,
    items,
    totalCents,
    currency,
    status: r.weighted([
      [shop.v1.OrderStatus.ORDER_STATUS_PENDING, 8],
      [shop.v1.OrderStatus.ORDER_STATUS_PAID, 10],
      [shop.v1.OrderStatus.ORDER_STATUS_SHIPPED, 12],
      [shop.v1.OrderStatus.ORDER_STATUS_DELIVERED, 55],
      [shop.v1.OrderStatus.ORDER_STATUS_CANCELLED, 15],
    ] as const),
    createdAt: timestamp(r),
    weightKg: weightKg(r, grams),
    attributes: stringMap(r, [[0, 15], [1, 25], [2, 25], [3, 18], [4, 10], [5, 7]], {
      channel: (r) => r.pick(ORDER_CHANNELS),
      payment_method: (r) => r.pick(PAYMENT_METHODS),
      warehouse: (r) => r.pick(WAREHOUSES),
      coupon: (r) => `${r.pick(COUPON_WORDS)}-${r.between(10, 99)}`,
      gift_wrap: () => "true",
      delivery_note: (r) => r.pick(DELIVERY_NOTES),
      tracking_number: (r) => `1Z${r.hex(16).toUpperCase()}`,
    }),
  };
}

/** Orders 0..count-1 of a user: exactly what ListOrders returns for limit = count. */
export function generateOrders(seed: number, userId: string, count: number): shop.v1.IOrder[] {
  checkIndex("order count", count, 0);
  const orders = new Array<shop.v1.IOrder>(count);
  for (let i = 0; i < count; i++) orders[i] = generateOrder(seed, userId, i);
  return orders;
}
