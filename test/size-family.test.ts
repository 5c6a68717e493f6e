// The size family run through its Family interface with a fake context: one entry per measured message,
// json sizes are the canonical JSON the REST server writes, and every compressed figure is what node:zlib
// produces at the stated level.
import { runArms } from "../bench/orchestrator.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import zlib from "node:zlib";
import type { FamilyContext } from "../bench/family.js";
import { measuredMessages } from "../bench/families/measured-messages.js";
import { createSizeFamily, encodeBoth, family, minimalProtobufLength } from "../bench/families/size.js";
import { EXPRESS_COMPRESSION, NODE_DEFAULT_LEVELS, SERVER_LEVELS } from "../bench/families/stack-compression.js";
import type { SizeResult } from "../bench/model/size-result.js";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { toCanonicalJson } from "../proto/canonical-json.js";

function fakeContext(profile: "quick" | "full", signal = new AbortController().signal) {
  const sizes: SizeResult[] = [];
  const caveats: string[] = [];
  const ctx: FamilyContext = {
    profile,
    signal,
    arms: runArms({ arms: ["grpc", "rest"], targets: {} }),
    baseline: "rest",
    record: (section, entry) => {
      assert.equal(section, "sizes");
      sizes.push(entry as SizeResult);
    },
    leftOut: () => {},
    caveat: (text) => caveats.push(text),
    serverExit: () => assert.fail("the size family starts no server"),
    progress: () => {},
  };
  return { ctx, sizes, caveats };
}

const brotli = (bytes: Uint8Array, quality: number) =>
  zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }).length;

test("the exported family is the size family", () => {
  assert.equal(family.name, "size");
});

test("size family records every message of the selected classes with sizes node:zlib reproduces", async () => {
  const { ctx, sizes } = fakeContext("full");
  await createSizeFamily({ classes: ["small", "medium"] }).run(ctx);
  const expected = measuredMessages(DEFAULT_SEED, { classes: ["small", "medium"] });
  assert.deepEqual(sizes.map((s) => `${s.message}/${s.payload}`), expected.map((m) => `${m.message}/${m.payload}`));
  assert.ok(sizes.some((s) => s.message === "User" && s.role === "response"));
  assert.ok(sizes.some((s) => s.message === "ListOrdersResponse" && s.role === "response"));
  assert.ok(sizes.some((s) => s.message === "Order" && s.role === "stream-item"));
  assert.ok(sizes.some((s) => s.message === "ChatMessage" && s.role === "stream-item"));
  assert.ok(sizes.some((s) => s.role === "request"));

  for (const [i, s] of sizes.entries()) {
    const m = expected[i]!;
    const json = Buffer.from(JSON.stringify(toCanonicalJson(m.message, m.value)));
    const protobuf = m.codec!.encode(m.value).finish();
    const label = `${s.message} ${s.payload}`;
    assert.equal(s.json.raw, json.length, label);
    assert.equal(s.protobuf.raw, protobuf.length, label);
    assert.deepEqual(s.levels, { gzip: 6, deflate: 6, br: 11 }, label);
    assert.equal(s.json.gzip, zlib.gzipSync(json).length, label);
    assert.equal(s.json.deflate, zlib.deflateSync(json).length, label);
    assert.equal(s.json.br, zlib.brotliCompressSync(json).length, label);
    assert.equal(s.protobuf.gzip, zlib.gzipSync(protobuf).length, label);
    assert.equal(s.protobuf.deflate, zlib.deflateSync(protobuf).length, label);
    assert.equal(s.protobuf.br, zlib.brotliCompressSync(protobuf).length, label);
    for (const k of ["raw", "gzip", "deflate", "br"] as const) assert.equal(s.ratio[k], s.json[k] / s.protobuf[k], `${label} ratio ${k}`);

    const server = s.atServerLevels!;
    assert.deepEqual(server.levels, { gzip: 6, deflate: 6, br: 4 }, label);
    assert.equal(server.json.br, brotli(json, 4), label);
    assert.equal(server.protobuf.br, brotli(protobuf, 4), label);
    assert.equal(server.json.gzip, s.json.gzip, "gzip level 6 on both sides");
    assert.equal(server.restCompressesResponse, s.role === "response" ? json.length >= EXPRESS_COMPRESSION.thresholdBytes : null, label);
    assert.equal(s.protobufMinimalRaw, minimalProtobufLength(m), label);
    assert.ok(s.protobufMinimalRaw! <= s.protobuf.raw, label);
  }
  const small = sizes.find((s) => s.message === "User")!;
  assert.equal(small.atServerLevels!.restCompressesResponse, false, "the small User (303 B) is under express compression's 1 KiB threshold");
});

test("quick profile keeps brotli 11 up to its limit, and says so when a message is over it", async () => {
  const under = fakeContext("quick");
  await createSizeFamily({ classes: ["medium"], roles: ["response"] }).run(under.ctx);
  assert.equal(under.sizes[0]!.levels!.br, NODE_DEFAULT_LEVELS.br);
  assert.deepEqual(under.caveats, []);

  // A limit below medium's 3,981 B of JSON stands in for xlarge (whose brotli 11 takes most of a minute).
  const over = fakeContext("quick");
  await createSizeFamily({ classes: ["medium"], roles: ["response"], quickBrotliDefaultMaxBytes: 1000 }).run(over.ctx);
  const s = over.sizes[0]!;
  assert.equal(s.levels!.br, SERVER_LEVELS.br);
  assert.equal(s.json.br, s.atServerLevels!.json.br);
  assert.equal(over.caveats.length, 1);
  assert.match(over.caveats[0]!, /quality 4/);

  const full = fakeContext("full");
  await createSizeFamily({ classes: ["medium"], roles: ["response"], quickBrotliDefaultMaxBytes: 1000 }).run(full.ctx);
  assert.equal(full.sizes[0]!.levels!.br, NODE_DEFAULT_LEVELS.br, "the full profile never lowers brotli");
});

test("an aborted run records nothing more", async () => {
  const controller = new AbortController();
  controller.abort();
  const { ctx, sizes } = fakeContext("full", controller.signal);
  await createSizeFamily({ classes: ["small"] }).run(ctx);
  assert.equal(sizes.length, 0);
});

test("encodeBoth gives the REST body and the gRPC message bytes of a response", () => {
  const [user] = measuredMessages(DEFAULT_SEED, { classes: ["small"], roles: ["response"] });
  const { json, protobuf } = encodeBoth(user!);
  assert.equal(json.toString("utf8"), JSON.stringify(toCanonicalJson("User", user!.value)));
  assert.ok(protobuf.length > 0 && protobuf.length < json.length);
});
