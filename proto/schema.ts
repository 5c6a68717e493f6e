// Reflection view of proto/shop.proto, shared by the gRPC service definitions and the canonical JSON mapping.
// The static codecs in generated/ are what the hot paths use for protobuf bytes.
import protobuf from "protobufjs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const protoFile = join(dirname(fileURLToPath(import.meta.url)), "shop.proto");
export const protoPackage = "shop.v1";

export const root: protobuf.Root = protobuf.loadSync(protoFile);
root.resolveAll();

/** A message type of the shop.v1 package (or a fully qualified well-known type). */
export function messageType(name: string): protobuf.Type {
  return root.lookupType(name.includes(".") ? name : `${protoPackage}.${name}`);
}

/** A service of the shop.v1 package. */
export function service(name: string): protobuf.Service {
  return root.lookupService(`${protoPackage}.${name}`);
}
