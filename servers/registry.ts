// Every server arm, in order: the built-in ones (one file each in servers/arms/, one line each below), then
// plugin arms registered at run time (--arm-module FILE, or GRB_ARM_MODULES for processes started later).
// A plugin module exports `arm` (or a default export) and must not import this file: the registry imports it.
import { isAbsolute, delimiter, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { arm as gateway } from "./arms/gateway.js";
import { arm as grpc } from "./arms/grpc.js";
import { arm as grpcRaw } from "./arms/grpc-raw.js";
import { arm as jsonH2 } from "./arms/json-h2.js";
import { arm as protobufH1 } from "./arms/protobuf-h1.js";
import { arm as restFastify } from "./arms/rest-fastify.js";
import { arm as restNode } from "./arms/rest-node.js";
import { arm as rest } from "./arms/rest.js";
import { ARM_APIS, ARM_ID_PATTERN, ARM_TRANSPORTS, ARM_WIRES, type ServerArm } from "./server-arm.js";

/** path.delimiter-separated absolute paths of arm modules; every process that imports the registry loads them. */
export const ARM_MODULES_ENV = "GRB_ARM_MODULES";

const BUILT_IN: readonly ServerArm[] = [
  grpc,
  rest,
  restNode,
  restFastify,
  jsonH2,
  protobufH1,
  grpcRaw,
  gateway,
];

const arms: ServerArm[] = [];
const byId = new Map<string, ServerArm>();
/** absolute module path → the arm it registered */
const loadedModules = new Map<string, ServerArm>();

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): string | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? null
    : `${field} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`;
}

function nonEmpty(field: string, value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? null : `${field} must be a non-empty string`;
}

/** What is wrong with a would-be arm, or null. */
function problem(arm: Partial<ServerArm> | null | undefined): string | null {
  if (arm === null || typeof arm !== "object") return "not an object";
  if (typeof arm.id !== "string" || !ARM_ID_PATTERN.test(arm.id)) {
    return `id must match ${ARM_ID_PATTERN.source} (got ${JSON.stringify(arm.id)})`;
  }
  return (
    nonEmpty("label", arm.label) ??
    oneOf("api", arm.api, ARM_APIS) ??
    oneOf("wire", arm.wire, ARM_WIRES) ??
    oneOf("transport", arm.transport, ARM_TRANSPORTS) ??
    nonEmpty("framework", arm.framework) ??
    nonEmpty("description", arm.description) ??
    (typeof arm.default === "boolean" ? null : "default must be a boolean") ??
    (typeof arm.start === "function" ? null : "start must be a function")
  );
}

/** Adds an arm after the ones already there; throws on an invalid arm or an id that is already taken. */
export function registerArm(arm: ServerArm): void {
  const why = problem(arm);
  if (why !== null) {
    const id = typeof (arm as { id?: unknown } | null)?.id === "string" ? ` ${JSON.stringify(arm.id)}` : "";
    throw new Error(`invalid server arm${id}: ${why}`);
  }
  if (byId.has(arm.id)) throw new Error(`duplicate server arm id ${JSON.stringify(arm.id)}: an arm with that id is already registered`);
  arms.push(arm);
  byId.set(arm.id, arm);
}

/** Built-in arms first (BUILT_IN's order), then registered ones, in registration order. */
export function allArms(): readonly ServerArm[] {
  return [...arms];
}

export function findArm(id: string): ServerArm | undefined {
  return byId.get(id);
}

export function armIds(): string[] {
  return arms.map((arm) => arm.id);
}

/** The arms `npm run bench` runs when none are named, in registry order. */
export function defaultArmIds(): string[] {
  return arms.filter((arm) => arm.default).map((arm) => arm.id);
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0] ?? message;
}

function rememberInEnvironment(path: string): void {
  const listed = (process.env[ARM_MODULES_ENV] ?? "").split(delimiter).filter((p) => p !== "");
  if (!listed.includes(path)) process.env[ARM_MODULES_ENV] = [...listed, path].join(delimiter);
}

/**
 * Imports each arm module (paths relative to the working directory), registers its `arm` export (or its
 * default export) and lists it in GRB_ARM_MODULES, so server processes forked later load the same arms. A
 * module already loaded is not loaded again. Throws a one-line Error naming the path when a module cannot be
 * imported, exports no arm, or its arm is invalid or a duplicate.
 */
export async function loadArmModules(paths: readonly string[]): Promise<ServerArm[]> {
  const loaded: ServerArm[] = [];
  for (const given of paths) {
    const path = isAbsolute(given) ? given : resolve(process.cwd(), given);
    const known = loadedModules.get(path);
    if (known !== undefined) {
      loaded.push(known);
      continue;
    }
    let module: { arm?: unknown; default?: unknown };
    try {
      module = (await import(pathToFileURL(path).href)) as { arm?: unknown; default?: unknown };
    } catch (err) {
      throw new Error(`cannot load arm module ${path}: ${firstLine(err)}`);
    }
    const arm = (module.arm ?? module.default) as ServerArm | undefined;
    if (arm === undefined) throw new Error(`arm module ${path} exports neither \`arm\` nor a default export`);
    // The same module under another path (a symlink, ../ segments) is the same arm: register it once.
    if (typeof arm !== "object" || arm === null || findArm(arm.id) !== arm) {
      try {
        registerArm(arm);
      } catch (err) {
        throw new Error(`arm module ${path}: ${firstLine(err)}`);
      }
    }
    loadedModules.set(path, arm);
    rememberInEnvironment(path);
    loaded.push(arm);
  }
  return loaded;
}

for (const arm of BUILT_IN) registerArm(arm);

// A server child process forked by the harness (or any process started with GRB_ARM_MODULES) sees the plugin
// arms its parent loaded.
await loadArmModules((process.env[ARM_MODULES_ENV] ?? "").split(delimiter).filter((p) => p !== ""));
