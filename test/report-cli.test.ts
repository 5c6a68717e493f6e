// `npm run report`: rebuilds report.html and summary.md from report.json alone.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { writeReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";

const dir = mkdtempSync(join(tmpdir(), "report-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function report(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "reports/cli-report.ts", ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("report CLI", () => {
  it("writes report.html and summary.md beside the JSON by default and names them on stdout", () => {
    const json = join(dir, "report.json");
    writeReport(json, sampleReport({ families: ["size", "micro"] }));
    const r = report(json);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split("\n"), [join(dir, "report.html"), join(dir, "summary.md")]);
    assert.match(readFileSync(join(dir, "report.html"), "utf8"), /^<!DOCTYPE html>/);
    assert.ok(readFileSync(join(dir, "summary.md"), "utf8").length > 0);
  });

  it("--out and --summary choose the files", () => {
    const json = join(dir, "report.json");
    const html = join(dir, "custom.html");
    const md = join(dir, "custom.md");
    const r = report(json, "--out", html, "--summary", md);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(html) && existsSync(md));
  });

  it("an unusable report: exit 2, one line, nothing written", () => {
    const cut = join(dir, "cut", "report.json");
    spawnSync("mkdir", ["-p", join(dir, "cut")]);
    writeFileSync(cut, '{"schemaVersion": 1, "tool": {"na');
    const r = report(cut);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trimEnd().split("\n").length, 1);
    assert.match(r.stderr, /^report: .*is truncated/);
    assert.ok(!existsSync(join(dir, "cut", "report.html")));
  });

  it("usage errors: exit 2", () => {
    assert.equal(report().code, 2);
    assert.match(report("a.json", "--bogus").stderr, /^report: Unknown option '--bogus'\n$/);
  });
});
