// The proto3 canonical JSON mapping (https://protobuf.dev/programming-guides/json/), derived once per
// message type from reflection. The REST server writes and reads JSON only through this module, so REST
// JSON is by construction the canonical mapping of the message the gRPC server encodes.
//
// In-memory messages are protobufjs-shaped plain objects (camelCase keys, int64 as number | Long | string,
// enums as numbers, Timestamps as {seconds, nanos}, bytes as Uint8Array).
import protobuf from "protobufjs";
import { messageType, protoFieldName } from "./schema.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };
type Message = Record<string, unknown>;

/** Thrown by fromCanonicalJson for input that is not a valid canonical JSON encoding of the type. */
export class CanonicalJsonError extends Error {
  override name = "CanonicalJsonError";
}

const LONG_TYPES = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);
const INT32_TYPES = new Set(["int32", "uint32", "sint32", "fixed32", "sfixed32"]);
const FLOAT_TYPES = new Set(["double", "float"]);
const TIMESTAMP = ".google.protobuf.Timestamp";
const MIN_TS_SECONDS = -62135596800; // 0001-01-01T00:00:00Z
const MAX_TS_SECONDS = 253402300799; // 9999-12-31T23:59:59Z

// ---- scalars ----------------------------------------------------------------

function longToString(value: unknown): string {
  // number | Long | string: Long and number both print as their decimal value.
  return typeof value === "string" ? value : String(value);
}

function floatToJson(value: number): number | string {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "Infinity" : "-Infinity";
}

function isLongZero(value: unknown): boolean {
  if (typeof value === "number") return value === 0;
  if (typeof value === "string") return value === "0" || value === "";
  // A Long (protobufjs decodes int64 into long.js objects): zero when both halves are.
  const long = value as { low?: number; high?: number } | null | undefined;
  return long != null && long.low === 0 && long.high === 0;
}

/** RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as the spec requires. */
export function timestampToJson(ts: { seconds?: unknown; nanos?: unknown }): string {
  const seconds = Number(ts.seconds ?? 0);
  const nanos = Number(ts.nanos ?? 0);
  if (seconds < MIN_TS_SECONDS || seconds > MAX_TS_SECONDS || nanos < 0 || nanos > 999_999_999) {
    throw new RangeError(`Timestamp out of range: ${seconds}s ${nanos}ns`);
  }
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  const digits = String(nanos).padStart(9, "0");
  const frac = nanos % 1_000_000 === 0 ? digits.slice(0, 3) : nanos % 1000 === 0 ? digits.slice(0, 6) : digits;
  return `${base}.${frac}Z`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 Timestamp; zero seconds or nanos are left unset, as in any proto3 message. */
export function timestampFromJson(text: string): { seconds?: number; nanos?: number } {
  const m = RFC3339.exec(text);
  if (!m) throw new CanonicalJsonError(`invalid Timestamp ${JSON.stringify(text)}: expected RFC 3339`);
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) throw new CanonicalJsonError(`invalid Timestamp ${JSON.stringify(text)}`);
  if (sign) ms -= (sign === "+" ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000;
  const seconds = Math.floor(ms / 1000);
  if (seconds < MIN_TS_SECONDS || seconds > MAX_TS_SECONDS) throw new CanonicalJsonError(`Timestamp out of range: ${text}`);
  const nanos = frac ? Number(frac.padEnd(9, "0")) : 0;
  return { ...(seconds !== 0 && { seconds }), ...(nanos !== 0 && { nanos }) };
}

// ---- per-type plans -----------------------------------------------------------

interface FieldPlan {
  key: string; // the in-memory (camelCase) property name
  jsonName: string;
  protoName: string;
  repeated: boolean;
  map: boolean;
  toJson: (value: unknown) => JsonValue;
  isDefault: (value: unknown) => boolean;
  fromJson: (value: JsonValue, path: string) => unknown;
}

interface TypePlan {
  fields: FieldPlan[];
  byJsonKey: Map<string, FieldPlan>;
}

const plans = new Map<protobuf.Type, TypePlan>();

function lowerCamel(protoName: string): string {
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function fail(path: string, expected: string, value: unknown): never {
  throw new CanonicalJsonError(`${path}: expected ${expected}, got ${JSON.stringify(value)}`);
}

function scalarCodec(field: protobuf.Field | protobuf.MapField, typeName: string, resolved: protobuf.ReflectionObject | null) {
  if (resolved instanceof protobuf.Enum) {
    const e = resolved;
    return {
      toJson: (v: unknown): JsonValue => e.valuesById[v as number] ?? (v as number),
      isDefault: (v: unknown) => v === 0 || v == null,
      fromJson: (v: JsonValue, path: string): number => {
        if (typeof v === "string" && v in e.values) return e.values[v]!;
        if (typeof v === "number" && Number.isInteger(v)) return v;
        return fail(path, `a ${e.name} name`, v);
      },
    };
  }
  if (resolved instanceof protobuf.Type) {
    if (resolved.fullName === TIMESTAMP) {
      return {
        toJson: (v: unknown): JsonValue => timestampToJson(v as { seconds?: unknown; nanos?: unknown }),
        isDefault: (v: unknown) => v == null,
        fromJson: (v: JsonValue, path: string) => (typeof v === "string" ? timestampFromJson(v) : fail(path, "an RFC 3339 string", v)),
      };
    }
    const sub = resolved;
    return {
      toJson: (v: unknown): JsonValue => toCanonicalJsonOf(sub, v as Message),
      isDefault: (v: unknown) => v == null,
      fromJson: (v: JsonValue, path: string) => fromCanonicalJsonOf(sub, v, path),
    };
  }
  if (LONG_TYPES.has(typeName)) {
    return {
      toJson: (v: unknown): JsonValue => longToString(v),
      isDefault: (v: unknown) => v == null || isLongZero(v),
      fromJson: (v: JsonValue, path: string): number | string => {
        if (typeof v === "number" && Number.isInteger(v)) return v;
        if (typeof v === "string" && /^-?\d+$/.test(v)) {
          const n = Number(v);
          return Number.isSafeInteger(n) ? n : v;
        }
        return fail(path, `an ${typeName} (decimal string or integer)`, v);
      },
    };
  }
  if (INT32_TYPES.has(typeName)) {
    const unsigned = typeName.startsWith("u") || typeName === "fixed32";
    return {
      toJson: (v: unknown): JsonValue => v as number,
      isDefault: (v: unknown) => v === 0 || v == null,
      fromJson: (v: JsonValue, path: string): number => {
        const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
        if (typeof n !== "number" || !Number.isInteger(n)) return fail(path, `an ${typeName}`, v);
        if (unsigned ? n < 0 || n > 0xffffffff : n < -0x80000000 || n > 0x7fffffff) return fail(path, `an ${typeName} in range`, v);
        return n;
      },
    };
  }
  if (FLOAT_TYPES.has(typeName)) {
    return {
      toJson: (v: unknown): JsonValue => floatToJson(v as number),
      isDefault: (v: unknown) => v === 0 || v == null,
      fromJson: (v: JsonValue, path: string): number => {
        if (typeof v === "number") return v;
        if (v === "NaN") return NaN;
        if (v === "Infinity") return Infinity;
        if (v === "-Infinity") return -Infinity;
        if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
        return fail(path, `a ${typeName}`, v);
      },
    };
  }
  switch (typeName) {
    case "string":
      return {
        toJson: (v: unknown): JsonValue => v as string,
        isDefault: (v: unknown) => v === "" || v == null,
        fromJson: (v: JsonValue, path: string): string => (typeof v === "string" ? v : fail(path, "a string", v)),
      };
    case "bool":
      return {
        toJson: (v: unknown): JsonValue => v as boolean,
        isDefault: (v: unknown) => v === false || v == null,
        fromJson: (v: JsonValue, path: string): boolean => (typeof v === "boolean" ? v : fail(path, "true or false", v)),
      };
    case "bytes":
      return {
        toJson: (v: unknown): JsonValue => Buffer.from(v as Uint8Array).toString("base64"),
        isDefault: (v: unknown) => v == null || (v as Uint8Array).length === 0,
        fromJson: (v: JsonValue, path: string): Uint8Array => {
          if (typeof v !== "string" || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) return fail(path, "base64 bytes", v);
          return Buffer.from(v, "base64");
        },
      };
    default:
      throw new Error(`canonical JSON: unsupported field type ${typeName} in ${field.fullName}`);
  }
}

function planFor(type: protobuf.Type): TypePlan {
  const cached = plans.get(type);
  if (cached) return cached;
  const plan: TypePlan = { fields: [], byJsonKey: new Map() };
  plans.set(type, plan); // set before recursing: message types may be recursive
  for (const field of type.fieldsArray) {
    field.resolve();
    const protoName = protoFieldName(type, field.id);
    const jsonName = (field.options?.["json_name"] as string | undefined) ?? lowerCamel(protoName);
    const isMap = field instanceof protobuf.MapField;
    const codec = scalarCodec(field, field.type, field.resolvedType);
    let fp: FieldPlan;
    if (isMap) {
      const keyType = (field as protobuf.MapField).keyType;
      const keyFromJson = (k: string, path: string): string => {
        if (keyType === "bool" && k !== "true" && k !== "false") fail(path, "a bool map key", k);
        if (keyType !== "string" && keyType !== "bool" && !/^-?\d+$/.test(k)) fail(path, `a ${keyType} map key`, k);
        return k;
      };
      fp = {
        key: field.name, jsonName, protoName, repeated: false, map: true,
        isDefault: (v) => v == null || Object.keys(v as object).length === 0,
        toJson: (v) => {
          const out: JsonObject = {};
          for (const [k, item] of Object.entries(v as Record<string, unknown>)) out[k] = codec.toJson(item);
          return out;
        },
        fromJson: (v, path) => {
          if (v === null || typeof v !== "object" || Array.isArray(v)) return fail(path, "an object", v);
          const out: Record<string, unknown> = {};
          for (const [k, item] of Object.entries(v)) out[keyFromJson(k, `${path}.${k}`)] = codec.fromJson(item, `${path}.${k}`);
          return out;
        },
      };
    } else if (field.repeated) {
      fp = {
        key: field.name, jsonName, protoName, repeated: true, map: false,
        isDefault: (v) => v == null || (v as unknown[]).length === 0,
        toJson: (v) => {
          const items = v as unknown[];
          const out: JsonValue[] = new Array(items.length);
          for (let i = 0; i < items.length; i++) out[i] = codec.toJson(items[i]);
          return out;
        },
        fromJson: (v, path) => (Array.isArray(v) ? v.map((item, i) => codec.fromJson(item, `${path}[${i}]`)) : fail(path, "an array", v)),
      };
    } else {
      fp = { key: field.name, jsonName, protoName, repeated: false, map: false, ...codec };
    }
    plan.fields.push(fp);
    plan.byJsonKey.set(jsonName, fp);
    plan.byJsonKey.set(protoName, fp); // parsers must accept the original proto field name too
  }
  return plan;
}

function toCanonicalJsonOf(type: protobuf.Type, message: Message): JsonValue {
  if (type.fullName === TIMESTAMP) return timestampToJson(message);
  const out: JsonObject = {};
  for (const f of planFor(type).fields) {
    const value = message[f.key];
    if (f.isDefault(value)) continue; // proto3: fields with default values are omitted
    out[f.jsonName] = f.toJson(value);
  }
  return out;
}

function isMessageField(type: protobuf.Type, f: FieldPlan): boolean {
  if (f.repeated || f.map) return false;
  return type.fields[f.key]?.resolvedType instanceof protobuf.Type;
}

function fromCanonicalJsonOf(type: protobuf.Type, json: JsonValue, path: string): Message {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return fail(path, `a ${type.name} object`, json);
  const plan = planFor(type);
  const out: Message = {};
  for (const [key, value] of Object.entries(json)) {
    const f = plan.byJsonKey.get(key);
    if (!f) throw new CanonicalJsonError(`${path}: unknown field ${JSON.stringify(key)} for ${type.name}`);
    if (value === null) continue; // null means the default value
    const parsed = f.fromJson(value, `${path}.${f.jsonName}`);
    // An explicit default ("active": false) is the same message as an absent field; keeping it would make
    // protobufjs encode bytes a conforming proto3 encoder leaves out. Sub-messages have presence: kept.
    if (f.isDefault(parsed) && !isMessageField(type, f)) continue;
    out[f.key] = parsed;
  }
  return out;
}

/** The canonical JSON value (ready for JSON.stringify) of a message of the given type. */
export function toCanonicalJson(type: protobuf.Type | string, message: object): JsonValue {
  const t = typeof type === "string" ? messageType(type) : type;
  return toCanonicalJsonOf(t, message as Message);
}

/** Parses a canonical JSON value into an in-memory message; throws CanonicalJsonError on invalid input. */
export function fromCanonicalJson(type: protobuf.Type | string, json: JsonValue): Message {
  const t = typeof type === "string" ? messageType(type) : type;
  return fromCanonicalJsonOf(t, json, t.name);
}

/** Bound converters for one type, so hot paths skip the by-name lookup. */
export function canonicalJsonCodec(typeName: string | protobuf.Type) {
  const t = typeof typeName === "string" ? messageType(typeName) : typeName;
  return {
    type: t,
    toJson: (message: object): JsonValue => toCanonicalJsonOf(t, message as Message),
    fromJson: (json: JsonValue): Message => fromCanonicalJsonOf(t, json, t.name),
  };
}

export type CanonicalJsonCodec = ReturnType<typeof canonicalJsonCodec>;
