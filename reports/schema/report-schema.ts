// The JSON Schema of report.json, derived from the TypeBox result model (bench/model/report.ts) so the two cannot
// drift; reports/report.schema.json is this, serialized and committed for people and other tools.
import { Report } from "../../bench/model/report.js";

export const JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#";

/** The schema as plain JSON (TypeBox's symbol keys dropped), with its dialect declared. */
export function reportJsonSchema(): Record<string, unknown> {
  return { $schema: JSON_SCHEMA_DIALECT, ...(JSON.parse(JSON.stringify(Report)) as Record<string, unknown>) };
}

export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
