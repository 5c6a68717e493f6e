// report.json on disk: validated against the schema on every write and every read, so a report that is truncated,
// foreign, from another schema version or simply wrong is named in one line instead of crashing a writer later.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { SCHEMA_VERSION, type Report } from "../bench/model/report.js";
import { reportJsonSchema } from "./schema/report-schema.js";

export const TOOL_NAME = "grpc-rest-bench";

/** A report that cannot be used; `message` is one line meant for stderr. */
export class ReportError extends Error {
  override name = "ReportError";
}

let validator: ReturnType<Ajv["compile"]> | null = null;
function validate(value: unknown): readonly ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv, ["date-time"]);
    const { $schema: _dialect, ...schema } = reportJsonSchema();
    validator = ajv.compile(schema);
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

const SHOWN_ERRORS = 3;

function describeErrors(errors: readonly ErrorObject[]): string {
  // anyOf/union failures repeat the same path once per branch: keep the first message per path
  // and turn a union of constants into the list of allowed values
  const byPath = new Map<string, string>();
  const allowed = new Map<string, unknown[]>();
  for (const e of errors) {
    const path = e.instancePath || "/";
    if (e.keyword === "const") allowed.set(path, [...(allowed.get(path) ?? []), (e.params as { allowedValue?: unknown }).allowedValue]);
    const extra = e.keyword === "additionalProperties" ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : "";
    if (!byPath.has(path)) byPath.set(path, `${path} ${e.message ?? "is invalid"}${extra}`);
  }
  for (const [path, values] of allowed) byPath.set(path, `${path} must be ${values.length > 1 ? "one of " : ""}${values.map((v) => JSON.stringify(v)).join(", ")}`);
  const all = [...byPath.values()];
  const more = all.length > SHOWN_ERRORS ? `; and ${all.length - SHOWN_ERRORS} more` : "";
  return all.slice(0, SHOWN_ERRORS).join("; ") + more;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks an in-memory value; `where` names it in the message (a path, or "report"). */
export function validateReport(value: unknown, where = "report"): Report {
  if (!isObject(value)) throw new ReportError(`${where} is not a ${TOOL_NAME} report (top-level value is ${Array.isArray(value) ? "an array" : typeof value === "object" ? "null" : `a ${typeof value}`})`);
  const tool = isObject(value.tool) ? value.tool : null;
  const ours = tool?.name === TOOL_NAME;
  if (!("schemaVersion" in value)) {
    throw new ReportError(ours ? `${where} has no schemaVersion: it was not written by a released ${TOOL_NAME}` : `${where} is not a ${TOOL_NAME} report (no schemaVersion, no tool.name)`);
  }
  if (!ours) throw new ReportError(`${where} is not a ${TOOL_NAME} report (tool.name is ${JSON.stringify(tool?.name ?? null)})`);
  if (value.schemaVersion === 1 && SCHEMA_VERSION === 2) {
    // Version 1 keyed results by protocol; mapping them onto arms would guess at stacks the run never described.
    throw new ReportError(`${where} is a schemaVersion 1 report (results keyed by protocol, before arms); this tool reads version 2: re-run npm run bench on the base commit to compare`);
  }
  if (value.schemaVersion !== SCHEMA_VERSION) {
    throw new ReportError(`${where}: report schemaVersion ${JSON.stringify(value.schemaVersion)} is not supported by this tool (${SCHEMA_VERSION})`);
  }
  const errors = validate(value);
  if (errors.length > 0) throw new ReportError(`${where} does not match the report schema: ${describeErrors(errors)}`);
  return value as Report;
}

/** The report as written to disk (validated first: an invalid report is never written). */
export function serializeReport(report: Report): string {
  validateReport(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

function parseError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : null;
  const truncated = /end of JSON input|Unterminated string/i.test(message) || (at !== null && at >= text.trimEnd().length - 1);
  return truncated ? `is truncated (the JSON ends early after ${text.length} bytes)` : `is not JSON (${message.split("\n")[0]})`;
}

/** Reads and validates a report file; throws ReportError with a one-line message for anything unusable. */
export function readReport(path: string): Report {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ReportError(`${path}: no such file`);
    if (code === "EISDIR") throw new ReportError(`${path} is a directory, not a report.json`);
    throw new ReportError(`${path}: cannot read (${code ?? (error as Error).message})`);
  }
  if (text.trim() === "") throw new ReportError(`${path} is empty`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportError(`${path} ${parseError(text, error)}`);
  }
  return validateReport(value, path);
}

/** Validates, then writes through a temporary file and a rename so a reader never sees half a report. */
export function writeReport(path: string, report: Report): void {
  const text = serializeReport(report);
  const scratch = `${path}.partial`;
  writeFileSync(scratch, text);
  renameSync(scratch, path);
}
