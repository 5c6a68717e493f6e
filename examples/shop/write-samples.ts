// Writes the sample messages examples/shop.yaml sizes: the responses of the small and medium size classes, as the
// payload generator makes them under the default seed, in canonical JSON (the very bodies the REST servers send).
// `node --import tsx examples/shop/write-samples.ts`; test/config-file.test.ts checks the files still match.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { toCanonicalJson } from "../../proto/canonical-json.js";
import { DEFAULT_SEED } from "../../payloads/generator.js";
import { SIZE_CLASSES, sizeClassMessage } from "../../payloads/size-classes.js";

/** file name (beside this script) → its text. */
export function shopSamples(): Record<string, string> {
  const text = (cls: "small" | "medium") => `${JSON.stringify(toCanonicalJson(SIZE_CLASSES[cls].message, sizeClassMessage(DEFAULT_SEED, cls)), null, 2)}\n`;
  return { "user-small.json": text("small"), "list-orders-medium.json": text("medium") };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, text] of Object.entries(shopSamples())) {
    const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
    writeFileSync(path, text);
    process.stdout.write(`${path}\n`);
  }
}
