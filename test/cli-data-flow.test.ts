// Data flows one way (bench → reports): in bench/ only the CLI entry point, the composition root, may import reports/.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { it } from "node:test";

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

it("nothing in bench/ except bench/cli.ts imports from reports/", () => {
  const offenders = tsFiles("bench")
    .filter((f) => relative("bench", f) !== "cli.ts")
    .filter((f) => /from\s+["'](\.\.\/)+reports\//.test(readFileSync(f, "utf8")) || /import\(["'](\.\.\/)+reports\//.test(readFileSync(f, "utf8")));
  assert.deepEqual(offenders, []);
});
