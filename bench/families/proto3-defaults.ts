// proto3 fields without explicit presence are not serialized when they hold their default value (0, false, "",
// empty bytes, enum 0). protobufjs's generated encoder writes every field that is an own property, defaults
// included, so an in-memory `{ nanos: 0 }` or `{ active: false }` costs 2 bytes on the gRPC wire that Python,
// C++ or Go would not send. withoutDefaults gives the message those encoders would write, to measure the gap.
import protobuf from "protobufjs";
import { messageType } from "../../proto/schema.js";

type Message = Record<string, unknown>;

function isDefaultScalar(field: protobuf.Field, value: unknown): boolean {
  if (value == null) return true;
  if (field.resolvedType instanceof protobuf.Enum) return value === 0;
  switch (field.type) {
    case "string":
      return value === "";
    case "bool":
      return value === false;
    case "bytes":
      return (value as Uint8Array).length === 0;
    case "double":
    case "float":
      // -0 is not the default: its bit pattern differs, and conforming encoders write it.
      return value === 0 && !Object.is(value, -0);
    default: {
      if (typeof value === "number") return value === 0;
      if (typeof value === "string") return value === "0";
      const long = value as { low?: number; high?: number };
      return long.low === 0 && long.high === 0;
    }
  }
}

function strip(type: protobuf.Type, value: Message): Message {
  const out: Message = {};
  for (const field of type.fieldsArray) {
    field.resolve();
    const v = value[field.name];
    if (v == null) continue;
    const sub = field.resolvedType instanceof protobuf.Type ? field.resolvedType : null;
    if (field instanceof protobuf.MapField) {
      // Map entries are always written whole (key and value), by every encoder.
      if (Object.keys(v as object).length === 0) continue;
      out[field.name] = sub
        ? Object.fromEntries(Object.entries(v as Record<string, Message>).map(([k, item]) => [k, strip(sub, item)]))
        : v;
    } else if (field.repeated) {
      const items = v as unknown[];
      if (items.length === 0) continue;
      out[field.name] = sub ? items.map((item) => strip(sub, item as Message)) : items;
    } else if (sub) {
      out[field.name] = strip(sub, v as Message); // a set sub-message has presence, even when empty
    } else if (field.partOf || field.options?.["proto3_optional"] || !isDefaultScalar(field, v)) {
      out[field.name] = v; // oneof members and `optional` fields have presence: written even when default
    }
  }
  return out;
}

/** A copy of `value` without the fields a conforming proto3 encoder leaves out. */
export function withoutDefaults(type: string | protobuf.Type, value: object): object {
  return strip(typeof type === "string" ? messageType(type) : type, value as Message);
}
