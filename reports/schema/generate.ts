// `npm run gen:schema` writes reports/report.schema.json from the TypeBox model;
// `npm run gen:schema -- --check` writes nothing and exits 1 when the committed file has drifted.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reportJsonSchemaText } from "./report-schema.js";

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "report.schema.json");

export function schemaIsCurrent(path = SCHEMA_PATH): boolean {
  return existsSync(path) && readFileSync(path, "utf8") === reportJsonSchemaText();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    if (!schemaIsCurrent()) {
      console.error("reports/report.schema.json is stale: run npm run gen:schema");
      process.exit(1);
    }
    console.log("reports/report.schema.json matches bench/model/report.ts");
  } else {
    writeFileSync(SCHEMA_PATH, reportJsonSchemaText());
    console.log("generated reports/report.schema.json");
  }
}
