import { test } from "node:test";
import assert from "node:assert/strict";
import { drift } from "../proto/generate.js";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const generated = join(dirname(fileURLToPath(import.meta.url)), "..", "proto", "generated");

test("committed proto/generated matches proto/shop.proto (run npm run gen when this fails)", () => {
  assert.deepEqual(drift(generated), []);
});
