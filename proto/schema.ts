// Reflection view of proto/shop.proto, shared by the gRPC service definitions and the canonical JSON mapping.
// The static codecs in generated/ are what the hot paths use for protobuf bytes.
import protobuf from "protobufjs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const protoDir = dirname(fileURLToPath(import.meta.url));
export const protoFile = join(protoDir, "shop.proto");
export const protoPackage = "shop.v1";

/** descriptor.proto (imported by google/api/annotations.proto) is not bundled with protobufjs, but shipped in its package. */
const protobufjsDir = dirname(createRequire(import.meta.url).resolve("protobufjs/package.json"));

/**
 * A Root that resolves imports as protoc does with `-I proto`: relative to proto/ (where google/api/ is
 * vendored), not to the importing file; google/protobuf/ files protobufjs does not bundle come from its package.
 */
function shopRoot(options?: protobuf.IParseOptions): protobuf.Root {
  const loaded = new protobuf.Root();
  loaded.resolvePath = (_origin, target) =>
    isAbsolute(target) ? target : target.startsWith("google/protobuf/") ? join(protobufjsDir, target) : join(protoDir, target);
  loaded.loadSync(protoFile, options);
  loaded.resolveAll();
  return loaded;
}

export const root: protobuf.Root = shopRoot();

/** The vendored .proto files shop.proto imports (google/api/…), relative to proto/: code generators compile them too. */
export const vendoredProtoFiles: readonly string[] = root.files
  .filter((file) => file !== protoFile && file.startsWith(protoDir + sep))
  .map((file) => relative(protoDir, file));

// protobufjs camelCases field names on load and keeps no trace of the originals; the JSON mapping needs
// them (parsers must accept proto field names), so a second, case-preserving parse answers that question.
const protoNames: protobuf.Root = shopRoot({ keepCase: true });

/** Case-preserving twins of other roots (a --config run's protos), registered by whoever loads them. */
const otherNames = new WeakMap<protobuf.Root, protobuf.Root>();

/** `keepCase`: the same files parsed with keepCase, so protoFieldName can answer for types of `loaded`. */
export function registerProtoNames(loaded: protobuf.Root, keepCase: protobuf.Root): void {
  otherNames.set(loaded, keepCase);
}

/**
 * The field name as written in the .proto file (e.g. "created_at"), by type and field number. A type of another root
 * answers from its registered twin; without one, with its name as loaded (the original when parsed with keepCase).
 */
export function protoFieldName(type: protobuf.Type, fieldId: number): string {
  const names = type.root === root ? protoNames : otherNames.get(type.root as protobuf.Root);
  const original = (names === undefined ? type : names.lookupType(type.fullName)).fieldsById[fieldId];
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
