// Field-level rules for User writes (CreateUser, UpdateUser), derived from the proto by reflection so a new
// field in shop.proto is handled without touching this file.
import Long from "long";
import type { shop } from "../../proto/generated/shop.js";
import { messageType } from "../../proto/schema.js";

type Fields = Record<string, unknown>;

/** Set by the server, never taken from a request. */
const SERVER_OWNED = new Set(["id", "createdAt"]);

const WRITABLE_KEYS: readonly string[] = messageType("User")
  .fieldsArray.map((f) => f.name)
  .filter((name) => !SERVER_OWNED.has(name));

/** proto3 default: absent, zero, empty string, false, empty list or map (PATCH treats these as "not set"). */
export function isDefaultValue(value: unknown): boolean {
  if (value == null || value === 0 || value === "" || value === false) return true;
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length === 0;
  if (Long.isLong(value)) return (value as Long).isZero();
  // An empty map; a sub-message with no fields set is treated as unset too (PATCH cannot tell them apart).
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** A copy the caller cannot alias: lists and maps copied, Long int64 turned into a number (or a string past 2^53). */
function ownedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice();
  if (Long.isLong(value)) {
    const long = value as Long;
    const n = long.toNumber();
    return Number.isSafeInteger(n) ? n : long.toString();
  }
  if (value !== null && typeof value === "object" && !(value instanceof Uint8Array)) return { ...(value as Fields) };
  return value;
}

/**
 * The writable fields of `patch` that are set (non-default), as owned copies. Reads through the property
 * accessors, so protobufjs class instances (defaults on the prototype) and plain JSON-shaped objects behave alike.
 */
export function setUserFields(patch: shop.v1.IUser): Fields {
  const out: Fields = {};
  const source = patch as Fields;
  for (const key of WRITABLE_KEYS) {
    const value = source[key];
    if (!isDefaultValue(value)) out[key] = ownedCopy(value);
  }
  return out;
}
