// The REST routes google.api.http annotations declare, read from the proto by protobufjs reflection and
// classified by the rules of google/api/http.proto, as grpc-gateway's generator and Envoy's transcoder read them:
// the path template binds fields, `body` names the field the JSON body fills ("*": every field the path leaves),
// and every other leaf field is a query parameter named by its field path (none when `body` is "*").
// The gateway arm serves shop.v1's (httpRoutes); a --config run derives the REST side of the user's methods from
// theirs (methodHttpRoutes, bench/config/).
import protobuf from "protobufjs";
import { protoFieldName, protoPackage, root } from "../../proto/schema.js";
import { parsePathTemplate, type PathTemplate } from "./path-template.js";

/** The option as written in the proto: `option (google.api.http) = {…}`. */
const HTTP_OPTION = "(google.api.http)";
/** HttpRule's pattern fields that name their HTTP method; `custom` carries its own. */
const METHOD_FIELDS = ["get", "put", "post", "delete", "patch"] as const;

/** One HTTP binding of one RPC. */
export interface HttpRoute {
  /** the RPC, e.g. "GetUser" */
  rpc: string;
  /** its service, e.g. "UserService" (unqualified) */
  service: string;
  /** the gRPC method path, e.g. "/shop.v1.UserService/GetUser" */
  grpcPath: string;
  /** upper-case HTTP method */
  method: string;
  /** the template as annotated, e.g. "/v1/users/{user_id}" */
  pathTemplate: string;
  template: PathTemplate;
  /** "" (no request body), "*" (every field the path does not bind) or a top-level field's proto name */
  body: string;
  /** field paths the template binds (proto names, dotted), in template order */
  pathFields: string[];
  /** leaf field paths neither the path nor the body binds, in declaration order: the query parameters */
  queryFields: string[];
  requestType: protobuf.Type;
  responseType: protobuf.Type;
  /** a streaming RPC (transcoders map those to chunked replies; the gateway arm serves unary calls only) */
  streaming: boolean;
  /** 0 for the rule itself, 1… for its additional_bindings */
  binding: number;
}

type RawRule = Record<string, unknown>;

/** HttpRule's field names as the proto spells them (snake_case), by reflection on the vendored http.proto. */
const RULE_FIELDS: ReadonlySet<string> = (() => {
  const type = root.lookupType("google.api.HttpRule");
  return new Set(type.fieldsArray.map((field) => protoFieldName(type, field.id)));
})();

/** An annotation the rules of http.proto reject; the message names the method. */
export class HttpRuleError extends Error {
  override name = "HttpRuleError";
}

function fail(method: protobuf.Method, why: string): never {
  throw new HttpRuleError(`${method.parent?.name ?? "?"}.${method.name}: google.api.http: ${why}`);
}

/** The field a dotted path of proto names reaches, with the type that holds it. */
export function fieldAt(type: protobuf.Type, path: string): { holder: protobuf.Type; field: protobuf.Field } | null {
  let holder = type;
  const parts = path.split(".");
  for (let i = 0; i < parts.length; i++) {
    const field = holder.fieldsArray.find((f) => protoFieldName(holder, f.id) === parts[i]);
    if (field === undefined) return null;
    field.resolve();
    if (i === parts.length - 1) return { holder, field };
    if (!(field.resolvedType instanceof protobuf.Type) || field.repeated || field.map) return null;
    holder = field.resolvedType;
  }
  return null;
}

/** Well-known types a transcoder parses from one string (grpc-gateway's query parser does): leaves, not expanded. */
function isWellKnownLeaf(type: protobuf.Type): boolean {
  return type.fullName.startsWith(".google.protobuf.");
}

/**
 * Leaf field paths under `type` that no bound path covers, in declaration order: scalars, enums, repeated
 * scalars and well-known types; non-repeated messages are expanded ("sub.subfield"); repeated messages and maps
 * are left out ("must not be mapped to URL query parameters").
 */
function queryLeaves(type: protobuf.Type, prefix: string, bound: readonly string[], visiting: Set<protobuf.Type>): string[] {
  const leaves: string[] = [];
  for (const field of type.fieldsArray) {
    field.resolve();
    const path = prefix + protoFieldName(type, field.id);
    if (bound.includes(path)) continue; // the path or the body carries it, whole
    const sub = field.resolvedType;
    if (field.map || (field.repeated && sub instanceof protobuf.Type)) continue;
    if (sub instanceof protobuf.Type && !isWellKnownLeaf(sub)) {
      if (visiting.has(sub)) continue; // a recursive message: parameters stop at the first repetition
      visiting.add(sub);
      leaves.push(...queryLeaves(sub, `${path}.`, bound, visiting));
      visiting.delete(sub);
    } else {
      leaves.push(path);
    }
  }
  return leaves;
}

function patternOf(method: protobuf.Method, rule: RawRule): { verb: string; template: string } {
  const set = METHOD_FIELDS.filter((name) => typeof rule[name] === "string");
  const custom = rule["custom"] as { kind?: unknown; path?: unknown } | undefined;
  if (set.length + (custom === undefined ? 0 : 1) !== 1) fail(method, "exactly one of get, put, post, delete, patch or custom");
  if (custom !== undefined) {
    if (typeof custom.kind !== "string" || typeof custom.path !== "string") fail(method, "custom needs a kind and a path");
    return { verb: custom.kind.toUpperCase(), template: custom.path };
  }
  const name = set[0]!;
  return { verb: name.toUpperCase(), template: rule[name] as string };
}

function routeOf(service: protobuf.Service, method: protobuf.Method, rule: RawRule, binding: number): HttpRoute {
  for (const key of Object.keys(rule)) if (!RULE_FIELDS.has(key)) fail(method, `unknown HttpRule field ${JSON.stringify(key)}`);
  if (binding > 0 && rule["additional_bindings"] !== undefined) fail(method, "additional_bindings must not nest");
  if (rule["response_body"] !== undefined) fail(method, "response_body is not supported: the reply is the whole message, as rest sends it");
  method.resolve();
  const requestType = method.resolvedRequestType!;
  const responseType = method.resolvedResponseType!;
  const { verb, template: pathTemplate } = patternOf(method, rule);
  const template = parsePathTemplate(pathTemplate);
  const pathFields = template.variables.map((v) => v.fieldPath);
  for (const path of pathFields) {
    const at = fieldAt(requestType, path);
    if (at === null) fail(method, `path variable {${path}} names no field of ${requestType.name}`);
    if (at.field.repeated || at.field.map || at.field.resolvedType instanceof protobuf.Type) {
      fail(method, `path variable {${path}} must be a non-repeated field of a primitive type`);
    }
  }
  const body = typeof rule["body"] === "string" ? rule["body"] : "";
  if (body !== "" && body !== "*") {
    const at = fieldAt(requestType, body);
    if (at === null || body.includes(".")) fail(method, `body ${JSON.stringify(body)} names no top-level field of ${requestType.name}`);
    if (at.field.repeated || at.field.map) fail(method, `body field ${body} must not be repeated`);
  }
  const bound = body === "" || body === "*" ? pathFields : [...pathFields, body];
  return {
    rpc: method.name,
    service: service.name,
    grpcPath: `/${service.fullName.replace(/^\./, "")}/${method.name}`,
    method: verb,
    pathTemplate,
    template,
    body,
    pathFields,
    queryFields: body === "*" ? [] : queryLeaves(requestType, "", bound, new Set([requestType])),
    requestType,
    responseType,
    streaming: method.requestStream === true || method.responseStream === true,
    binding,
  };
}

/** The raw `(google.api.http)` value of a method, or undefined when it has none. */
function httpRuleOf(method: protobuf.Method): RawRule | undefined {
  for (const option of method.parsedOptions ?? []) {
    const rule = (option as Record<string, unknown>)[HTTP_OPTION];
    if (rule !== undefined) return rule as RawRule;
  }
  return undefined;
}

/**
 * The HTTP bindings of one method of any loaded root (its rule first, then its additional_bindings); none when it
 * has no annotation. Throws HttpRuleError, naming the method, on an annotation the rules of http.proto reject.
 */
export function methodHttpRoutes(method: protobuf.Method): HttpRoute[] {
  const service = method.parent;
  if (!(service instanceof protobuf.Service)) throw new Error(`${method.name} is not a method of a service`);
  const rule = httpRuleOf(method);
  if (rule === undefined) return [];
  const more = rule["additional_bindings"];
  const extra = more === undefined ? [] : Array.isArray(more) ? more : [more];
  return [routeOf(service, method, rule, 0), ...extra.map((r, i) => routeOf(service, method, r as RawRule, i + 1))];
}

/**
 * Every HTTP binding of every annotated method of shop.v1's services, in proto order (a method's rule first,
 * then its additional_bindings). Throws, naming the method, on an annotation the rules of http.proto reject.
 */
export function httpRoutes(): HttpRoute[] {
  const pkg = root.lookup(protoPackage) as protobuf.Namespace;
  const routes: HttpRoute[] = [];
  for (const svc of pkg.nestedArray) {
    if (!(svc instanceof protobuf.Service)) continue;
    for (const method of svc.methodsArray) routes.push(...methodHttpRoutes(method));
  }
  return routes;
}
