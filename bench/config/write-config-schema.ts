// Writes bench/config/config.schema.json from config-schema.ts (`node --import tsx bench/config/write-config-schema.ts`),
// the file editors and users point at; test/config-file.test.ts fails when the two differ.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CONFIG_SCHEMA } from "./config-schema.js";

export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL("./config.schema.json", import.meta.url));

export function configSchemaText(): string {
  return `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CONFIG_SCHEMA_FILE, configSchemaText());
  process.stdout.write(`${CONFIG_SCHEMA_FILE}\n`);
}
