// HTTP request → gRPC request message, per route: path variables into the fields the template binds, query
// parameters into the fields neither the path nor the body binds, the JSON body into the `body` field (or into the
// whole message for "*"), through the canonical JSON mapping. Every check is the REST arms' own (rest-calls.ts:
// the int32 and given-once query checks, the JSON body check; proto/canonical-json.ts for the body), so a bad
// request gets rest's status and bytes. Where grpc-gateway differs it follows rest: a parameter is matched by its
// proto name only (grpc-gateway also takes the JSON name), and a single-valued one given twice is 400 (grpc-gateway
// takes the first).
import { parse as parseQuery } from "node:querystring";
import protobuf from "protobufjs";
import { canonicalJsonCodec } from "../../proto/canonical-json.js";
import { protoFieldName } from "../../proto/schema.js";
import { int32Param, messageBody, stringParam, type RestQuery } from "../rest/rest-calls.js";
import type { HttpRoute } from "./http-rules.js";

type Message = Record<string, unknown>;

/** Builds a route's request message; throws an RpcError or CanonicalJsonError for a request rest rejects too. */
export type RequestBuilder = (pathValues: readonly string[], search: string, body: unknown) => Message;

/** Sets one field, by its in-memory (camelCase) key path, creating the messages on the way. */
type Setter = (message: Message, value: unknown) => void;

/** The in-memory keys of a dotted proto field path, and the leaf field. */
function keysOf(type: protobuf.Type, path: string): { keys: string[]; field: protobuf.Field } {
  const keys: string[] = [];
  let holder = type;
  let field: protobuf.Field | undefined;
  for (const part of path.split(".")) {
    field = holder.fieldsArray.find((f) => protoFieldName(holder, f.id) === part);
    if (field === undefined) throw new Error(`${type.name} has no field ${path}`);
    field.resolve();
    keys.push(field.name);
    if (field.resolvedType instanceof protobuf.Type) holder = field.resolvedType;
  }
  return { keys, field: field! };
}

function setterOf(keys: readonly string[]): Setter {
  const last = keys[keys.length - 1]!;
  return (message, value) => {
    let target = message;
    for (let i = 0; i < keys.length - 1; i++) target = (target[keys[i]!] ??= {}) as Message;
    target[last] = value;
  };
}

/** A query parameter read with rest's own check for its type; only the types rest-calls.ts checks are served. */
function queryReader(route: HttpRoute, path: string): (query: RestQuery, message: Message) => void {
  const { keys, field } = keysOf(route.requestType, path);
  const set = setterOf(keys);
  if (field.repeated || field.resolvedType !== null) {
    throw new Error(`${route.rpc}: query parameter ${path} (${field.repeated ? "repeated " : ""}${field.type}): the gateway reads int32 and string parameters only`);
  }
  switch (field.type) {
    case "int32":
      return (query, message) => {
        const value = int32Param(query, path);
        if (value !== 0) set(message, value); // proto3: a default is left out, as a gRPC client leaves it
      };
    case "string":
      return (query, message) => {
        const value = stringParam(query, path);
        if (value !== "") set(message, value);
      };
    default:
      throw new Error(`${route.rpc}: query parameter ${path} (${field.type}): the gateway reads int32 and string parameters only`);
  }
}

export function requestBuilder(route: HttpRoute): RequestBuilder {
  const pathSetters = route.pathFields.map((path) => {
    const { keys, field } = keysOf(route.requestType, path);
    if (field.type !== "string") throw new Error(`${route.rpc}: path variable {${path}} (${field.type}): the gateway binds string fields only`);
    return setterOf(keys);
  });
  const readers = route.queryFields.map((path) => queryReader(route, path));
  let fromBody: ((body: unknown) => Message) | null = null;
  if (route.body === "*") {
    const whole = canonicalJsonCodec(route.requestType.fullName);
    fromBody = (body) => messageBody(whole, body);
  } else if (route.body !== "") {
    const { keys, field } = keysOf(route.requestType, route.body);
    if (!(field.resolvedType instanceof protobuf.Type)) throw new Error(`${route.rpc}: body field ${route.body} (${field.type}): the gateway maps message fields only`);
    const codec = canonicalJsonCodec(field.resolvedType.fullName);
    const key = keys[0]!;
    fromBody = (body) => ({ [key]: messageBody(codec, body) });
  }

  return (pathValues, search, body) => {
    const message: Message = fromBody === null ? {} : fromBody(body);
    for (let i = 0; i < pathSetters.length; i++) {
      const value = pathValues[i]!;
      if (value !== "") pathSetters[i]!(message, value);
    }
    // rest parses the query string only on routes with parameters; so does the gateway.
    if (readers.length > 0) {
      const query = parseQuery(search);
      for (const read of readers) read(query, message);
    }
    return message;
  };
}
