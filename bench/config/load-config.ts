// `--config FILE` → ResolvedConfig: the schema first (read-config-file.ts), then what only the protos can answer —
// the method exists, each request fits its message, the REST side can be built (from the method's google.api.http
// annotation unless `rest` is given), each sample fits its type. Relative paths are relative to the config file.
// Every problem is one UsageError line naming the file and the key (`byo.yaml: calls[1].grpc: no method …`).
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import protobuf from "protobufjs";
import { CanonicalJsonError, fromCanonicalJson, toCanonicalJson, type JsonValue } from "../../proto/canonical-json.js";
import { fieldAt, HttpRuleError, methodHttpRoutes } from "../../servers/gateway/http-rules.js";
import type { ArmApi } from "../../servers/server-arm.js";
import type { FamilyName, ProfileName } from "../model/report.js";
import { readCaFile, UsageError } from "../run-options.js";
import type { ConfigCall, ConfigFile, JsonOrFile } from "./config-schema.js";
import { readMessageSample } from "./config-messages.js";
import { loadProtoRoot, ProtoLoadError } from "./proto-root.js";
import { readConfigFile, readDataFile, type ConfigSource, type KeyPath } from "./read-config-file.js";
import type { ResolvedCall, ResolvedConfig, ResolvedMessage, ResolvedRestRequest } from "./resolved-config.js";
import { fillPath, pathVariables, restRequestFromRoute, RestRequestError } from "./rest-request.js";

type Message = Record<string, unknown>;

/**
 * Well-known types whose canonical JSON is not the generic message mapping (Duration as "1.5s", wrappers as bare
 * values, Struct as any JSON, Any with @type, FieldMask as "a,b"): proto/canonical-json.ts maps Timestamp only, so a
 * message holding one of these is named up front rather than measured with a JSON form no server would send.
 */
const UNMAPPED_WELL_KNOWN = new Set(
  ["Duration", "Struct", "Value", "ListValue", "Any", "FieldMask", "DoubleValue", "FloatValue", "Int64Value", "UInt64Value", "Int32Value", "UInt32Value", "BoolValue", "StringValue", "BytesValue"].map(
    (n) => `.google.protobuf.${n}`,
  ),
);

/** The first field (dotted path from `type`) whose type the canonical JSON mapping here does not cover, or null. */
function unmappedField(type: protobuf.Type, seen = new Set<protobuf.Type>()): string | null {
  if (UNMAPPED_WELL_KNOWN.has(type.fullName)) return `(the message itself: ${type.fullName.slice(1)})`;
  if (seen.has(type)) return null;
  seen.add(type);
  for (const field of type.fieldsArray) {
    field.resolve();
    const sub = field.resolvedType;
    if (!(sub instanceof protobuf.Type)) continue;
    if (UNMAPPED_WELL_KNOWN.has(sub.fullName)) return `${field.name} (${sub.fullName.slice(1)})`;
    const inner = unmappedField(sub, seen);
    if (inner !== null) return `${field.name}.${inner}`;
  }
  return null;
}

function typeName(type: protobuf.ReflectionObject): string {
  return type.fullName.replace(/^\./, "");
}

class ConfigLoader {
  private readonly dir: string;
  constructor(
    private readonly source: ConfigSource,
    absolute: string,
  ) {
    this.dir = dirname(absolute);
  }

  problem(path: KeyPath, text: string): UsageError {
    return this.source.problem(path, text);
  }

  path(relative: string): string {
    return isAbsolute(relative) ? relative : resolve(this.dir, relative);
  }

  checkMapped(type: protobuf.Type, path: KeyPath, role: string): void {
    const field = unmappedField(type);
    if (field !== null) throw this.problem(path, `${role} ${typeName(type)} holds ${field}, whose canonical JSON form this tool does not map yet (Timestamp is mapped)`);
  }

  /** A request, body or sample given inline or as a file → its JSON value. */
  jsonOrFile(value: JsonOrFile, path: KeyPath): unknown {
    if (typeof value !== "string") return value;
    const read = readDataFile(this.path(value));
    if ("problem" in read) throw this.problem(path, read.problem.replace(this.path(value), value));
    return read.value;
  }

  /** Canonical JSON → the in-memory message of `type`, checked: unknown keys, wrong types and ranges are named. */
  message(type: protobuf.Type, json: unknown, path: KeyPath): Message {
    try {
      const value = fromCanonicalJson(type, json as JsonValue);
      const problem = type.verify(type.fromObject(value)); // fromObject first: int64 beyond 2^53 is a decimal string here
      if (problem !== null) throw new CanonicalJsonError(`${type.name}: ${problem}`);
      return value;
    } catch (error) {
      if (error instanceof CanonicalJsonError) throw this.problem(path, `does not fit ${typeName(type)}: ${error.message}`);
      throw error;
    }
  }

  method(call: ConfigCall, path: KeyPath, root: protobuf.Root): protobuf.Method {
    const [serviceName, methodName] = call.grpc.split("/") as [string, string];
    const service = root.lookup(serviceName);
    if (!(service instanceof protobuf.Service)) {
      const services = allServices(root).map(typeName);
      throw this.problem([...path, "grpc"], `no service ${serviceName} in the loaded protos (services: ${services.join(", ") || "none"})`);
    }
    const method = service.methods[methodName];
    if (method === undefined) throw this.problem([...path, "grpc"], `no method ${call.grpc} in the loaded protos (${serviceName} has ${service.methodsArray.map((m) => m.name).join(", ") || "no methods"})`);
    method.resolve();
    return method;
  }

  call(call: ConfigCall, index: number, root: protobuf.Root): ResolvedCall {
    const at: KeyPath = ["calls", index];
    const method = this.method(call, at, root);
    const requestType = method.resolvedRequestType!;
    const responseType = method.resolvedResponseType!;
    this.checkMapped(requestType, [...at, "grpc"], "the request");
    this.checkMapped(responseType, [...at, "grpc"], "the response");
    const given: { value: JsonOrFile; path: KeyPath }[] =
      call.requests !== undefined
        ? call.requests.map((value, j) => ({ value, path: [...at, "requests", j] }))
        : [{ value: call.request ?? {}, path: call.request !== undefined ? [...at, "request"] : at }];
    const messages = given.map(({ value, path }) => ({ message: this.message(requestType, this.jsonOrFile(value, path), path), path }));

    let rest: ResolvedCall["rest"];
    if (call.rest !== undefined) {
      rest = { method: call.rest.method.toUpperCase(), requests: messages.map(({ message, path }) => this.explicitRest(call, requestType, message, [...at, "rest"], path)), derivedFrom: "config" };
    } else {
      let routes;
      try {
        routes = methodHttpRoutes(method);
      } catch (error) {
        // HttpRuleError, or the template parser's own complaint: either way the user's annotation, named.
        if (error instanceof HttpRuleError) throw this.problem([...at, "grpc"], error.message);
        if (error instanceof Error) throw this.problem([...at, "grpc"], `${call.grpc}: google.api.http: ${error.message}`);
        throw error;
      }
      const route = routes[0];
      if (route === undefined) throw this.problem(at, `${call.grpc} has no google.api.http annotation: give the REST side as rest: {method, path, body}`);
      const requests = messages.map(({ message, path }) => {
        try {
          return restRequestFromRoute(route, message);
        } catch (error) {
          if (error instanceof RestRequestError) throw this.problem(path, `${error.message} (google.api.http of ${call.grpc}: ${route.method} ${route.pathTemplate})`);
          throw error;
        }
      });
      rest = { method: route.method, requests, derivedFrom: "annotation" };
    }
    return {
      name: call.name,
      grpc: {
        path: `/${typeName(method.parent!)}/${method.name}`,
        requestType,
        responseType,
        requests: messages.map(({ message }) => requestType.encode(message).finish()),
        requestsJson: messages.map(({ message }) => toCanonicalJson(requestType, message) as object),
        serverStreaming: method.responseStream === true,
        clientStreaming: method.requestStream === true,
      },
      rest,
      ...(call.check !== undefined ? { check: call.check } : {}),
    };
  }

  explicitRest(call: ConfigCall, type: protobuf.Type, message: Message, at: KeyPath, requestPath: KeyPath): ResolvedRestRequest {
    const given = call.rest!;
    for (const variable of pathVariables(given.path ?? "")) {
      if (fieldAt(type, variable) === null) throw this.problem([...at, "path"], `{${variable}} names no field of ${typeName(type)} (proto field names, dotted for nested fields)`);
    }
    let path: string;
    try {
      path = fillPath(given.path ?? "/", type, message);
    } catch (error) {
      if (error instanceof RestRequestError) throw this.problem(requestPath, `${error.message} (rest.path ${given.path ?? ""})`);
      throw error;
    }
    let body: string | null = null;
    if (given.body === "*") body = JSON.stringify(toCanonicalJson(type, message));
    else if (given.body !== undefined && given.body !== null) body = JSON.stringify(this.jsonOrFile(given.body, [...at, "body"]));
    return { path, body };
  }

  messageEntry(entry: { type: string; samples: string[] }, index: number, root: protobuf.Root): ResolvedMessage {
    const at: KeyPath = ["messages", index];
    let type: protobuf.Type;
    try {
      type = root.lookupType(entry.type);
    } catch {
      throw this.problem([...at, "type"], `no message type ${entry.type} in the loaded protos (fully qualified, e.g. ${allTypes(root)[0] ?? "pkg.Message"})`);
    }
    this.checkMapped(type, [...at, "type"], "the message");
    const samples = entry.samples.map((file, j) => {
      const path = this.path(file);
      try {
        return { file, path, value: readMessageSample(type, path) };
      } catch (error) {
        throw this.problem([...at, "samples", j], `${file}: ${(error as Error).message.replace(path, file)}`);
      }
    });
    return { type, name: typeName(type), samples };
  }

  target(value: string | undefined, arm: ArmApi): string | undefined {
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw this.problem(["targets", arm], `not a URL: ${JSON.stringify(value)}`);
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.username !== "") throw this.problem(["targets", arm], "give only the scheme, host and port, no path or query");
    if (url.port === "") throw this.problem(["targets", arm], `the port is required (e.g. ${arm === "grpc" ? "grpc://127.0.0.1:50051" : "http://127.0.0.1:8080"})`);
    return `${url.protocol}//${url.host}`;
  }
}

function allServices(ns: protobuf.NamespaceBase): protobuf.Service[] {
  return ns.nestedArray.flatMap((o) => (o instanceof protobuf.Service ? [o] : o instanceof protobuf.Namespace ? allServices(o) : []));
}

function allTypes(ns: protobuf.NamespaceBase): string[] {
  return ns.nestedArray.flatMap((o) => (o instanceof protobuf.Type ? [typeName(o)] : o instanceof protobuf.Namespace && !(o instanceof protobuf.Service) ? allTypes(o) : []));
}

/** Where a `protos` entry is: beside the config, else in an import path (as protoc takes files relative to -I). */
function protoFile(loader: ConfigLoader, name: string, importPaths: readonly string[], index: number): string {
  const beside = loader.path(name);
  if (existsSync(beside)) return beside;
  for (const dir of importPaths) if (existsSync(join(dir, name))) return join(dir, name);
  throw loader.problem(["protos", index], `no file ${name} (relative to the config file or an import path)`);
}

/** Loads and checks a config file; `file` as the user gave it. Anything wrong is a UsageError naming file and key. */
export function loadConfig(file: string): ResolvedConfig {
  const absolute = resolve(file);
  const { config, source } = readConfigFile(file, absolute);
  return resolveConfig(config, source, absolute);
}

export function resolveConfig(config: ConfigFile, source: ConfigSource, absolute: string): ResolvedConfig {
  const loader = new ConfigLoader(source, absolute);
  const importPaths = (config.importPaths ?? ["."]).map((p) => loader.path(p));
  const files = config.protos.map((p, i) => protoFile(loader, p, importPaths, i));
  // The protos' own directories last: an import of a file beside its importer resolves as most users expect.
  const searched = [...new Set([...importPaths, ...files.map(dirname)])];
  let root: protobuf.Root;
  try {
    root = loadProtoRoot(files, searched);
  } catch (error) {
    if (error instanceof ProtoLoadError) throw loader.problem(["protos"], error.message);
    throw error;
  }
  const calls = (config.calls ?? []).map((c, i) => loader.call(c, i, root));
  const twice = calls.find((c, i) => calls.findIndex((d) => d.name === c.name) !== i);
  if (twice !== undefined) throw loader.problem(["calls", calls.lastIndexOf(twice)], `the name ${twice.name} is taken by an earlier call (names label the figures)`);
  const messages = (config.messages ?? []).map((m, i) => loader.messageEntry(m, i, root));
  const targets: ResolvedConfig["targets"] = {};
  const grpc = loader.target(config.targets?.grpc, "grpc");
  const rest = loader.target(config.targets?.rest, "rest");
  if (grpc !== undefined) targets.grpc = grpc;
  if (rest !== undefined) targets.rest = rest;
  const tls: ResolvedConfig["tls"] = {};
  if (config.targets?.ca !== undefined) {
    const ca = loader.path(config.targets.ca);
    try {
      readCaFile(ca);
    } catch (error) {
      throw loader.problem(["targets", "ca"], (error as Error).message.replace(/^--ca [^:]*: /, ""));
    }
    tls.ca = ca;
  }
  if (config.targets?.insecure === true) tls.insecure = true;
  if (tls.ca !== undefined && tls.insecure === true) throw loader.problem(["targets", "insecure"], "contradicts targets.ca: insecure verifies nothing");
  return {
    file: source.file,
    protos: { files, importPaths: searched },
    calls,
    targets,
    tls,
    messages,
    families: (config.families as FamilyName[] | undefined) ?? null,
    profile: (config.profile as ProfileName | undefined) ?? null,
    root,
  };
}
