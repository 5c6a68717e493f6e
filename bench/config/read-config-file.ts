// Reading a --config file (YAML or JSON: YAML 1.2 reads both) and checking it against the JSON Schema
// (config-schema.ts). Every problem, here and in the checks after the schema (load-config.ts), is one line naming the
// file, the key by its path (`calls[1].grpc`) and, when the file says where, the line: a UsageError, exit 2.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { isNode, LineCounter, parse, parseDocument, type Document } from "yaml";
import { UsageError } from "../run-options.js";
import { CONFIG_SCHEMA, type ConfigFile } from "./config-schema.js";

export type KeyPath = readonly (string | number)[];

/** `calls[1].grpc` for ["calls", 1, "grpc"]. */
export function keyPathText(path: KeyPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** The parsed file and where its keys are, to name them in problems. */
export class ConfigSource {
  constructor(
    /** the file as given (problems name it so) */
    readonly file: string,
    private readonly doc: Document | null,
    private readonly lines: LineCounter | null,
  ) {}

  /** The line a key's value is on (1-based), when the file says. */
  lineOf(path: KeyPath): number | null {
    if (this.doc === null || this.lines === null) return null;
    for (let n = path.length; n > 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  /** A UsageError naming the file, the key and its line: `byo.yaml: calls[1].grpc: … (line 7)`. */
  problem(path: KeyPath, text: string): UsageError {
    const line = this.lineOf(path);
    return new UsageError(`${this.file}: ${path.length > 0 ? `${keyPathText(path)}: ` : ""}${text}${line !== null ? ` (line ${line})` : ""}`);
  }
}

let validator: ReturnType<Ajv["compile"]> | null = null;
function validate(value: unknown): ErrorObject | null {
  if (validator === null) {
    const ajv = new Ajv({ allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true });
    const { $schema: _dialect, ...schema } = CONFIG_SCHEMA;
    validator = ajv.compile(schema);
  }
  return validator(value) ? null : (validator.errors?.[0] ?? null);
}

function pathOf(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The schema's first complaint in words a user reads: which key, what is wrong, what would be right. */
function schemaProblem(source: ConfigSource, error: ErrorObject, value: unknown): UsageError {
  const path = pathOf(error);
  const params = error.params as Record<string, unknown>;
  const last = path[path.length - 1];
  switch (error.keyword) {
    case "required":
      return source.problem(path, `missing ${String(params["missingProperty"])}`);
    case "additionalProperties":
      return source.problem([...path, String(params["additionalProperty"])], "unknown key (see bench/config/config.schema.json for the keys)");
    case "enum":
      return source.problem(path, `must be one of ${(params["allowedValues"] as unknown[]).map(String).join(", ")}, not ${JSON.stringify(valueAt(value, path))}`);
    case "not":
      return source.problem(path, "give request or requests, not both");
    case "pattern": {
      const got = JSON.stringify(valueAt(value, path));
      if (last === "grpc" && path[0] === "calls") return source.problem(path, `expected package.Service/Method, got ${got}`);
      if (last === "name") return source.problem(path, `a call name is letters, digits, ".", "_" and "-" (it labels figures and scenario ids), got ${got}`);
      if (last === "path") return source.problem(path, `must start with "/", got ${got}`);
      if (path[0] === "targets") return source.problem(path, `expected ${last === "grpc" ? "grpc://HOST:PORT or grpcs://HOST:PORT" : "http://HOST:PORT or https://HOST:PORT"}, got ${got}`);
      return source.problem(path, `${error.message ?? "is invalid"}, got ${got}`);
    }
    default:
      return source.problem(path, error.message ?? "is invalid");
  }
}

function valueAt(value: unknown, path: KeyPath): unknown {
  let at = value;
  for (const p of path) at = (at as Record<string | number, unknown> | null)?.[p];
  return at;
}

/** Reads and schema-checks the config; anything wrong is a UsageError naming the file and key. */
export function readConfigFile(file: string, absolute: string): { config: ConfigFile; source: ConfigSource } {
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    throw new UsageError(`--config ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line;
    throw new UsageError(`${file}: not valid ${extname(file) === ".json" ? "JSON" : "YAML"}${line !== undefined ? ` (line ${line})` : ""}: ${first.message.split("\n")[0]}`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const source = new ConfigSource(file, doc, lines);
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new UsageError(`${file}: expected a mapping of keys (protos, calls, targets, messages…) at the top`);
  const error = validate(value);
  if (error !== null) throw schemaProblem(source, error, value);
  return { config: value as ConfigFile, source };
}

/** A JSON or YAML file a config names (a request, a body, a sample): its value; unreadable → null with why. */
export function readDataFile(absolute: string): { value: unknown } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    return { problem: `cannot read ${absolute} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    return { value: extname(absolute) === ".json" ? (JSON.parse(text) as unknown) : (parse(text) as unknown) };
  } catch (error) {
    return { problem: `${absolute} is not valid ${extname(absolute) === ".json" ? "JSON" : "YAML"}: ${(error as Error).message.split("\n")[0]}` };
  }
}
