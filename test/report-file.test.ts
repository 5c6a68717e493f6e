// readReport: every kind of unusable file is one clear line (a ReportError), never a stack trace or a crash later.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readReport, ReportError, writeReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";

const dir = mkdtempSync(join(tmpdir(), "report-file-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function rejects(path: string, message: RegExp) {
  assert.throws(
    () => readReport(path),
    (e: unknown) => e instanceof ReportError && message.test(e.message) && !e.message.includes("\n"),
  );
}

describe("readReport", () => {
  const text = `${JSON.stringify(sampleReport(), null, 2)}\n`;

  it("round-trips what writeReport wrote", () => {
    const path = join(dir, "ok.json");
    writeReport(path, sampleReport());
    assert.deepEqual(readReport(path), sampleReport());
    assert.equal(readFileSync(path, "utf8"), text);
  });

  it("missing file", () => rejects(join(dir, "nope.json"), /nope\.json: no such file$/));
  it("a directory", () => rejects(dir, /is a directory/));
  it("empty file", () => rejects(file("empty.json", "  \n"), /is empty$/));
  it("not JSON", () => rejects(file("text.json", "hello"), /is not JSON/));
  it("truncated JSON", () => rejects(file("cut.json", text.slice(0, Math.floor(text.length * 0.6))), /cut\.json is truncated/));
  it("truncated inside a string", () => rejects(file("cut2.json", '{"schemaVersion": 1, "tool": {"name": "grpc-re'), /is truncated/));
  it("another schemaVersion", () =>
    rejects(file("v3.json", JSON.stringify({ ...sampleReport(), schemaVersion: 3 })), /report schemaVersion 3 is not supported by this tool \(2\)$/));
  it("a version-1 report: named as such, with what to do", () =>
    rejects(file("v1.json", JSON.stringify({ ...sampleReport(), schemaVersion: 1 })), /is a schemaVersion 1 report \(results keyed by protocol, before arms\); this tool reads version 2/));
  it("our report without schemaVersion", () => {
    const { schemaVersion: _, ...rest } = sampleReport();
    rejects(file("nov.json", JSON.stringify(rest)), /has no schemaVersion/);
  });
  it("foreign JSON", () => rejects(file("foreign.json", JSON.stringify({ name: "k6", metrics: {} })), /is not a grpc-rest-bench report/));
  it("foreign JSON with a schemaVersion", () => rejects(file("foreign2.json", JSON.stringify({ schemaVersion: 1, tool: { name: "ghz" } })), /is not a grpc-rest-bench report \(tool\.name is "ghz"\)/));
  it("a JSON array", () => rejects(file("array.json", "[]"), /top-level value is an array/));
  it("schema violation", () => {
    const r = structuredClone(sampleReport()) as Record<string, any>;
    r.sizes[0].json.raw = "many";
    rejects(file("bad.json", JSON.stringify(r)), /does not match the report schema: \/sizes\/0\/json\/raw must be integer/);
  });

  it("writeReport refuses to write an invalid report and leaves no file", () => {
    const r = structuredClone(sampleReport()) as Record<string, any>;
    r.profile = "turbo";
    const path = join(dir, "never.json");
    assert.throws(() => writeReport(path, r as never), ReportError);
    assert.throws(() => readFileSync(path));
  });
});
