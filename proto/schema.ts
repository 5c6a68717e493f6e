// Reflection view of proto/shop.proto, shared by the gRPC service definitions and the canonical JSON mapping.
// The static codecs in generated/ are what the hot paths use for protobuf bytes.
import protobuf from "protobufjs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const protoFile = join(dirname(fileURLToPath(import.meta.url)), "shop.proto");
export const protoPackage = "shop.v1";

export const root: protobuf.Root = protobuf.loadSync(protoFile);
root.resolveAll();

// protobufjs camelCases field names on load and keeps no trace of the originals; the JSON mapping needs
// them (parsers must accept proto field names), so a second, case-preserving parse answers that question.
const protoNames: protobuf.Root = new protobuf.Root();
protoNames.loadSync(protoFile, { keepCase: true });
protoNames.resolveAll();

/** The field name as written in the .proto file (e.g. "created_at"), by type and field number. */
export function protoFieldName(type: protobuf.Type, fieldId: number): string {
  const original = protoNames.lookupType(type.fullName).fieldsById[fieldId];
  if (!original) throw new Error(`no field ${fieldId} in ${type.fullName}`);
  return original.name;
}

/** A message type of the shop.v1 package (or a fully qualified well-known type). */
export function messageType(name: string): protobuf.Type {
  return root.lookupType(name.includes(".") ? name : `${protoPackage}.${name}`);
}

/** A service of the shop.v1 package. */
export function service(name: string): protobuf.Service {
  return root.lookupService(`${protoPackage}.${name}`);
}
