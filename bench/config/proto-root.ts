// The user's .proto files as one protobufjs Root, resolved without a network, as protoc resolves them with -I: each
// import is looked up in the config's importPaths in order; google/protobuf/*.proto come with protobufjs (the common
// types bundled, descriptor.proto from its package) and google/api/{annotations,http}.proto from this repository's
// proto/, unless an import path has its own copy. Loaded twice — once as the rest of the harness reads messages
// (camelCase fields) and once with keepCase — and the twin registered, so the canonical JSON mapping knows the
// proto field names (proto/schema.ts registerProtoNames). A worker thread (the micro family) calls this too.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join } from "node:path";
import protobuf from "protobufjs";
import { protoDir, registerProtoNames } from "../../proto/schema.js";

const protobufjsDir = dirname(createRequire(import.meta.url).resolve("protobufjs/package.json"));

/** A proto file that cannot be found or parsed; the message names the file (and line, when protobufjs gives one). */
export class ProtoLoadError extends Error {
  override name = "ProtoLoadError";
}

/** Where an import resolves: the first import path that has it, else the files this harness ships. */
export function resolveImport(target: string, importPaths: readonly string[]): string {
  if (isAbsolute(target)) return target;
  for (const dir of importPaths) {
    const candidate = join(dir, target);
    if (existsSync(candidate)) return candidate;
  }
  if (target.startsWith("google/protobuf/")) return join(protobufjsDir, target);
  if (target.startsWith("google/api/") && existsSync(join(protoDir, target))) return join(protoDir, target);
  return join(importPaths[0] ?? ".", target); // missing: loadSync names it
}

function load(files: readonly string[], importPaths: readonly string[], keepCase: boolean): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => resolveImport(target, importPaths);
  try {
    root.loadSync([...files], { keepCase });
    root.resolveAll();
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { path?: string };
    if (e.code === "ENOENT") throw new ProtoLoadError(`cannot find ${e.path ?? e.message.replace(/^ENOENT: [^,]*, open /, "")} (looked in the import paths: ${importPaths.join(", ") || "none"})`);
    throw new ProtoLoadError(e.message.split("\n")[0]!);
  }
  return root;
}

/** The protos loaded (camelCase fields, as protobufjs reflection and the canonical JSON mapping expect). */
export function loadProtoRoot(files: readonly string[], importPaths: readonly string[]): protobuf.Root {
  const root = load(files, importPaths, false);
  registerProtoNames(root, load(files, importPaths, true));
  return root;
}
