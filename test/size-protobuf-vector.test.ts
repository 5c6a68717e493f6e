// Done-when proof: the protobuf size the report gives for every message equals what an independent protobuf
// implementation (Python's, via json_format.Parse of our canonical JSON, then SerializeToString) produces.
// Stored vector: test/vectors/protobuf-sizes.json (regenerate with test/vectors/make-protobuf-sizes.ts).
// The live check reruns Python; without python3-grpc-tools it is skipped (a failure when CI is set).
//
// protobufjs writes fields explicitly set to their proto3 default (e.g. a Timestamp's `nanos: 0`), which
// conforming encoders leave out; protobufMinimalRaw is the conforming length and protobuf.raw what the gRPC
// server really sends. Both are checked: the first equals Python's, and the bytes actually sent parse in Python
// to exactly the message the JSON describes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { measuredMessages } from "../bench/families/measured-messages.js";
import { encodeBoth, minimalProtobufLength } from "../bench/families/size.js";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { requireTool, TOOLS } from "./fixtures/requires-tool.js";
import { pythonProtobufSizes } from "./vectors/python-protobuf.js";

interface Vector {
  seed: number;
  python: string;
  protobuf: string;
  sizes: { message: string; payload: string; role: string; protobufBytes: number; ourBytesParseToSameMessage: boolean }[];
}

const vector = JSON.parse(readFileSync(new URL("./vectors/protobuf-sizes.json", import.meta.url), "utf8")) as Vector;
const messages = measuredMessages(DEFAULT_SEED);
const encoded = messages.map((m) => encodeBoth(m));
const REGENERATE = "stale vector: run node --import tsx test/vectors/make-protobuf-sizes.ts";

test("the stored vector covers exactly the messages the size family measures", () => {
  assert.equal(vector.seed, DEFAULT_SEED);
  assert.deepEqual(
    vector.sizes.map((v) => `${v.message}/${v.payload}/${v.role}`),
    messages.map((m) => `${m.message}/${m.payload}/${m.role}`),
    REGENERATE,
  );
});

test("the conforming protobuf length of every message equals Python protobuf's (stored vector)", () => {
  for (const [i, m] of messages.entries()) {
    const v = vector.sizes[i]!;
    assert.equal(minimalProtobufLength(m), v.protobufBytes, `${m.message} ${m.payload} vs Python ${vector.python} protobuf ${vector.protobuf}`);
    assert.equal(v.ourBytesParseToSameMessage, true, `${m.message} ${m.payload}: our bytes parsed in Python differ from the JSON's message`);
    // What grpc-js sends is never shorter: the only difference is explicitly written defaults.
    assert.ok(encoded[i]!.protobuf.length >= v.protobufBytes, `${m.message} ${m.payload}`);
  }
});

test("live: Python's protobuf agrees now, and parses the bytes the gRPC server sends to the same message", async (t) => {
  if (requireTool(t, TOOLS.pythonProtobuf)) return;
  const live = await pythonProtobufSizes(
    messages.map((m, i) => ({
      message: m.message,
      json: encoded[i]!.json.toString("utf8"),
      protobuf: Buffer.from(encoded[i]!.protobuf).toString("base64"),
    })),
  );
  for (const [i, m] of messages.entries()) {
    assert.equal(minimalProtobufLength(m), live.sizes[i], `${m.message} ${m.payload} vs Python ${live.python} protobuf ${live.protobuf}`);
    assert.equal(live.sameMessage[i], true, `${m.message} ${m.payload}`);
  }
});
