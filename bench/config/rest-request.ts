// A gRPC request → the REST request that says the same, as grpc-gateway and Envoy's transcoder read a
// google.api.http rule (google/api/http.proto): path variables filled from the request's fields, `body: "*"` the
// request without them as canonical JSON, `body: "field"` that field, and every other set leaf field a query
// parameter named by its proto field path (repeated fields repeated, enums by name, 64-bit integers as decimal
// strings, bytes as base64, Timestamps in RFC 3339 — the canonical JSON forms). Values are percent-encoded: every
// byte outside RFC 3986's unreserved set, "/" kept only where the template binds several segments (`{name=shelves/*}`).
// An explicit `rest.path` of the config may hold `{field.path}` variables too; they are filled the same way.
import protobuf from "protobufjs";
import { timestampToJson, toCanonicalJson } from "../../proto/canonical-json.js";
import { protoFieldName } from "../../proto/schema.js";
import type { HttpRoute } from "../../servers/gateway/http-rules.js";
import { fieldAt } from "../../servers/gateway/http-rules.js";
import type { ResolvedRestRequest } from "./resolved-config.js";

type Message = Record<string, unknown>;

/** A request that cannot become a REST request (a path field left empty, a value outside its template). */
export class RestRequestError extends Error {
  override name = "RestRequestError";
}

/** encodeURIComponent, plus the sub-delimiters it leaves alone: only unreserved characters stay as they are. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The in-memory value at a dotted path of proto field names, or undefined where a message on the way is unset. */
function valueAt(type: protobuf.Type, message: Message, path: string): unknown {
  let holder = type;
  let at: Message | undefined = message;
  const parts = path.split(".");
  for (let i = 0; i < parts.length; i++) {
    const field = holder.fieldsArray.find((f) => protoFieldName(holder, f.id) === parts[i]);
    if (field === undefined || at === undefined) return undefined;
    const value = at[field.name];
    if (i === parts.length - 1) return value;
    field.resolve();
    holder = field.resolvedType as protobuf.Type;
    at = (value ?? undefined) as Message | undefined;
  }
  return undefined;
}

/** One scalar (or well-known leaf) value as its canonical JSON text, unquoted: what a path segment or query value carries. */
function scalarText(field: protobuf.Field, value: unknown): string {
  field.resolve();
  const type = field.resolvedType;
  if (type instanceof protobuf.Enum) return type.valuesById[value as number] ?? String(value);
  if (type instanceof protobuf.Type) {
    if (type.fullName === ".google.protobuf.Timestamp") return timestampToJson(value as { seconds?: unknown; nanos?: unknown });
    const json = toCanonicalJson(type, value as object);
    return typeof json === "string" ? json : JSON.stringify(json);
  }
  if (field.type === "bytes") return Buffer.from(value as Uint8Array).toString("base64");
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  return String(value); // strings, bools, numbers, Long (its decimal value)
}

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** The text a path variable takes from the request; the caller names the request when it is empty. */
function variableText(type: protobuf.Type, message: Message, fieldPath: string, multiSegment: boolean): string {
  const at = fieldAt(type, fieldPath);
  if (at === null) throw new RestRequestError(`{${fieldPath}} names no field of ${type.fullName.replace(/^\./, "")}`);
  const value = valueAt(type, message, fieldPath);
  // proto3 leaves a 0 or false out of the message; its text is still "0" / "false".
  const text = value === undefined || value === null ? (at.field.type === "string" ? "" : scalarText(at.field, at.field.typeDefault)) : scalarText(at.field, value);
  if (text === "") throw new RestRequestError(`the path needs ${fieldPath}, which the request leaves empty`);
  return multiSegment ? text.split("/").map(percentEncode).join("/") : percentEncode(text);
}

const VARIABLE = /\{([^}=]+)(?:=([^}]*))?\}/g;

/** A path with `{field.path}` / `{field.path=segments}` variables, filled from the request. */
export function fillPath(template: string, type: protobuf.Type, message: Message): string {
  return template.replace(VARIABLE, (_all, fieldPath: string, segments: string | undefined) =>
    variableText(type, message, fieldPath.trim(), segments !== undefined && (segments.includes("/") || segments === "**")),
  );
}

/** The field paths a path's variables name, in order. */
export function pathVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((m) => m[1]!.trim());
}

/** The canonical JSON of a field left unset, sent when `body` names it. */
function defaultJson(field: protobuf.Field): unknown {
  const type = field.resolvedType;
  if (type instanceof protobuf.Type) return {};
  if (type instanceof protobuf.Enum) return type.valuesById[0] ?? 0;
  if (/64$/.test(field.type)) return "0";
  if (field.type === "string" || field.type === "bytes") return "";
  return field.type === "bool" ? false : 0;
}

/** A copy of the message without the fields at these proto field paths (what the path carries). */
function without(type: protobuf.Type, message: Message, paths: readonly string[]): Message {
  const out: Message = { ...message };
  for (const path of paths) {
    const [head, ...rest] = path.split(".");
    const field = type.fieldsArray.find((f) => protoFieldName(type, f.id) === head);
    if (field === undefined) continue;
    if (rest.length === 0) delete out[field.name];
    else if (out[field.name] != null) out[field.name] = without(field.resolvedType as protobuf.Type, out[field.name] as Message, [rest.join(".")]);
  }
  return out;
}

function queryString(type: protobuf.Type, message: Message, fields: readonly string[]): string {
  const pairs: string[] = [];
  for (const path of fields) {
    const value = valueAt(type, message, path);
    if (isUnset(value)) continue;
    const field = fieldAt(type, path)!.field;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push(`${percentEncode(path)}=${percentEncode(scalarText(field, item))}`);
  }
  return pairs.length > 0 ? `?${pairs.join("&")}` : "";
}

/** The REST request a route's rule makes of one gRPC request (the in-memory message of route.requestType). */
export function restRequestFromRoute(route: HttpRoute, message: Message): ResolvedRestRequest {
  const type = route.requestType;
  const path = fillPath(route.pathTemplate, type, message);
  if (!new RegExp(`^${route.template.source}$`).test(path)) {
    throw new RestRequestError(`the request's path ${path} does not fit the template ${route.pathTemplate}`);
  }
  let body: string | null = null;
  if (route.body === "*") {
    body = JSON.stringify(toCanonicalJson(type, without(type, message, route.pathFields)));
  } else if (route.body !== "") {
    // The field's canonical JSON value, read off a message holding only it; unset: {} for a message, else its default.
    const field = fieldAt(type, route.body)!.field;
    field.resolve();
    const json = Object.values(toCanonicalJson(type, { [field.name]: message[field.name] }) as object)[0] as unknown;
    body = JSON.stringify(json ?? defaultJson(field));
  }
  return { path: path + queryString(type, message, route.queryFields), body };
}
