// Ctrl-C writes what was measured: the CLI runs with stand-in families (GRPC_REST_BENCH_TEST_FAMILIES, see
// bench/cli.ts) so the test depends on no server and no real family; SIGINT arrives while a family is running.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { readReport } from "../reports/report-file.js";

const TEST_FAMILIES = resolve("test/fixtures/test-families.ts");
const scratch = mkdtempSync(join(tmpdir(), "bench-cli-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("bench CLI interrupted", () => {
  it("SIGINT during a family: report.json is written with endReason aborted, exit 130", async () => {
    const out = join(scratch, "interrupted");
    const child = spawn(process.execPath, ["--import", "tsx", "bench/cli.ts", "--only", "size,micro", "--out", out], {
      env: { ...process.env, GRPC_REST_BENCH_TEST_FAMILIES: TEST_FAMILIES },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const waiting = new Promise<void>((resolveWait, reject) => {
      const guard = setTimeout(() => reject(new Error(`the stand-in family never started waiting; stderr: ${stderr}`)), 60_000);
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("waiting for the abort")) {
          clearTimeout(guard);
          resolveWait();
        }
      });
    });
    const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
    try {
      await waiting;
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
    child.kill("SIGINT");
    const code = await exited;
    assert.equal(code, 130, stderr);
    const path = join(out, "report.json");
    assert.equal(stdout.trim().split("\n")[0], path, "stdout names the written report");
    const report = readReport(path);
    assert.equal(report.endReason, "aborted");
    assert.deepEqual(report.families.map((f) => [f.family, f.endReason]), [["size", "aborted"], ["micro", "skipped"]]);
    assert.equal(report.sizes.length, 1, "the entry recorded before Ctrl-C is in the report");
    assert.equal(report.options.testFamilies, TEST_FAMILIES);
    assert.ok(report.caveats.some((c) => c.includes("not measurements")), "the report says its entries are stand-ins");
  });

  it("a failing family is recorded and the run continues; exit 1 with the report written", () => {
    const out = join(scratch, "failing");
    const r = spawnSync(process.execPath, ["--import", "tsx", "bench/cli.ts", "--only", "micro,stream", "--out", out], {
      env: { ...process.env, GRPC_REST_BENCH_TEST_FAMILIES: TEST_FAMILIES },
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(existsSync(join(out, "report.json")));
    assert.ok(existsSync(join(out, "report.html")) && existsSync(join(out, "summary.md")), "the human-facing files are written too");
    assert.deepEqual(r.stdout.trim().split("\n"), ["report.json", "report.html", "summary.md"].map((f) => join(out, f)), "stdout: only the paths");
    const report = readReport(join(out, "report.json"));
    assert.deepEqual(report.families.map((f) => [f.family, f.endReason]), [["micro", "completed"], ["stream", "failed"]]);
    assert.equal(report.families[1]!.failure, "stand-in stream family failed on purpose");
    assert.equal(report.micro.length, 1);
    assert.match(r.stderr, /failed: stream/);
  });
});
