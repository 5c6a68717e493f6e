// Writes test/vectors/protobuf-sizes.json: for every message the size family measures (seed 42), the length of
// the protobuf encoding that Python's protobuf runtime produces from our canonical JSON. Re-run after a change to
// proto/shop.proto or payloads/: `node --import tsx test/vectors/make-protobuf-sizes.ts`.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SEED } from "../../payloads/generator.js";
import { measuredMessages } from "../../bench/families/measured-messages.js";
import { encodeBoth } from "../../bench/families/size.js";
import { pythonProtobufSizes } from "./python-protobuf.js";

export const VECTOR_PATH = join(dirname(fileURLToPath(import.meta.url)), "protobuf-sizes.json");

const messages = measuredMessages(DEFAULT_SEED);
const items = messages.map((m) => {
  const { json, protobuf } = encodeBoth(m);
  return { message: m.message, json: json.toString("utf8"), protobuf: Buffer.from(protobuf).toString("base64") };
});
const started = performance.now();
const python = await pythonProtobufSizes(items);
const vector = {
  description:
    "Protobuf length of each measured message per Python's protobuf: json_format.Parse(canonical JSON) then SerializeToString(); " +
    "ourBytesParseToSameMessage: our protobufjs bytes, parsed by Python, equal that message. Written by test/vectors/make-protobuf-sizes.ts",
  seed: DEFAULT_SEED,
  python: python.python,
  protobuf: python.protobuf,
  implementation: python.implementation,
  sizes: messages.map((m, i) => ({
    message: m.message,
    payload: m.payload,
    role: m.role,
    protobufBytes: python.sizes[i],
    ourBytesParseToSameMessage: python.sameMessage[i],
  })),
};
writeFileSync(VECTOR_PATH, `${JSON.stringify(vector, null, 2)}\n`);
console.log(`wrote ${VECTOR_PATH}: ${vector.sizes.length} messages, Python ${python.python}, protobuf ${python.protobuf} (${python.implementation}), ${((performance.now() - started) / 1000).toFixed(1)} s`);
