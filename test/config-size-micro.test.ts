// The size and micro families over a --config run's messages, end to end through the CLI (`--config … --only
// size,micro`, micro with two tiny rounds): every figure is labelled with the message type and the sample file, the
// sizes are those of the sample's canonical JSON and its protobuf encoding, and the micro worker threads load the
// user's protos themselves (no generated code: protobuf-static is left out, and says so).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../bench/config/load-config.js";
import type { Report } from "../bench/model/report.js";
import { toCanonicalJson } from "../proto/canonical-json.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join("test", "fixtures", "config", "messages.yaml");
const out = mkdtempSync(join(tmpdir(), "config-size-micro-"));
after(() => rmSync(out, { recursive: true, force: true }));

test("--config … --only size,micro measures the config's samples, labelled by type and file", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/cli.ts", "--config", CONFIG, "--only", "size,micro", "--out", out], {
    cwd: REPO,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, GRPC_REST_BENCH_TEST_FAMILIES: join(REPO, "test", "fixtures", "config", "short-micro-family.ts") },
  });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report;
  assert.equal(report.options["config"], CONFIG);
  assert.deepEqual(report.families.map((f) => [f.family, f.endReason]), [["size", "completed"], ["micro", "completed"]]);

  const expected = loadConfig(CONFIG).messages.flatMap((m) => m.samples.map((s) => ({ message: m.name, payload: s.file, type: m.type, value: s.value })));
  assert.deepEqual(report.sizes.map((s) => [s.message, s.payload]), expected.map((e) => [e.message, e.payload]));
  for (const [i, s] of report.sizes.entries()) {
    const e = expected[i]!;
    assert.equal(s.json.raw, Buffer.byteLength(JSON.stringify(toCanonicalJson(e.type, e.value))), `${s.message} json`);
    assert.equal(s.protobuf.raw, e.type.encode(e.value).finish().length, `${s.message} protobuf`);
    assert.equal(s.role, undefined, "a sample has no role");
  }
  // the JSON sample file as written is not what is measured: the canonical JSON of the message it holds is
  const thing = report.sizes.find((s) => s.message === "demo.v1.Thing")!;
  assert.equal(thing.json.raw, Buffer.byteLength('{"name":"a thing","pageSize":7}'));

  const formats = ["json", "protobuf-reflect", "canonical-json-mapping"];
  for (const e of expected) {
    const entries = report.micro.filter((m) => m.message === e.message && m.payload === e.payload);
    assert.deepEqual(entries.map((m) => `${m.op} ${m.format}`).sort(), ["decode", "encode"].flatMap((op) => formats.map((f) => `${op} ${f}`)).sort(), e.message);
    for (const m of entries) {
      assert.equal(m.state, "completed", `${m.message} ${m.op} ${m.format}: ${m.error ?? ""}`);
      assert.equal(m.repetitions?.length, 2);
    }
  }
  assert.ok(report.families.find((f) => f.family === "micro")!.leftOut!.some((l) => /protobuf-static is not measured/.test(l)));
  assert.equal(report.load.length, 0);
});
