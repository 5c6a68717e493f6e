// test/fixtures/requires-tool.ts: a test needing a missing Debian tool is skipped with one line naming the
// package and its install command, and fails with that same line when CI is set. Checked with fake tools
// (injected probes), so nothing here depends on what this machine has installed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { missingToolLine, onPath, requireTool, toolVerdict, TOOLS, type ToolRequirement } from "./fixtures/requires-tool.js";

const fake = (tool: string, packages: string | string[], present = false): ToolRequirement => ({ tool, packages, probe: () => present });

/** Runs `body` with process.env.CI set to `value` (undefined: unset), restoring it afterwards. */
function withCi<T>(value: string | undefined, body: () => T): T {
  const before = process.env["CI"];
  if (value === undefined) delete process.env["CI"];
  else process.env["CI"] = value;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env["CI"];
    else process.env["CI"] = before;
  }
}

describe("requires-tool", () => {
  it("names the missing tools and the one command that installs their packages", () => {
    assert.equal(missingToolLine([fake("h2load", "nghttp2-client")]), "needs h2load: apt-get install -y nghttp2-client");
    assert.equal(
      missingToolLine([fake("h2load", "nghttp2-client"), fake("wrk", "wrk", true), fake("python3 grpc", ["python3-grpcio", "python3-grpc-tools"]), fake("grpc_tools", "python3-grpc-tools")]),
      "needs h2load, python3 grpc, grpc_tools: apt-get install -y nghttp2-client python3-grpcio python3-grpc-tools",
    );
    assert.equal(missingToolLine([fake("wrk", "wrk", true)]), null);
    assert.equal(missingToolLine([]), null);
  });

  it("runs when present, skips when missing, fails when missing and CI is set (any non-empty value)", () => {
    const missing = [fake("no-such-tool", "no-such-package")];
    const line = "needs no-such-tool: apt-get install -y no-such-package";
    assert.deepEqual(toolVerdict([fake("wrk", "wrk", true)], { CI: "true" }), { action: "run" });
    assert.deepEqual(toolVerdict(missing, {}), { action: "skip", line });
    assert.deepEqual(toolVerdict(missing, { CI: "" }), { action: "skip", line });
    assert.deepEqual(toolVerdict(missing, { CI: "true" }), { action: "fail", line });
    assert.deepEqual(toolVerdict(missing, { CI: "1" }), { action: "fail", line });
  });

  it("requireTool: skips the test with the line, or throws the line under CI; probes each requirement once", () => {
    let probes = 0;
    const missing: ToolRequirement = { tool: "no-such-tool", packages: "no-such-package", probe: () => (probes++, false) };
    const skipped: (string | undefined)[] = [];
    const t = { skip: (message?: string) => void skipped.push(message) };
    assert.equal(withCi(undefined, () => requireTool(t, missing)), true);
    assert.deepEqual(skipped, ["needs no-such-tool: apt-get install -y no-such-package"]);
    assert.throws(() => withCi("true", () => requireTool(t, missing)), (error: Error) => error.message === "needs no-such-tool: apt-get install -y no-such-package" && error.stack === error.message);
    assert.equal(skipped.length, 1);
    assert.equal(withCi("true", () => requireTool(t, fake("wrk", "wrk", true))), false);
    assert.equal(probes, 1);
  });

  it("a probe that throws counts as missing", () => {
    assert.equal(missingToolLine([{ tool: "x", packages: "x-pkg", probe: () => { throw new Error("boom"); } }]), "needs x: apt-get install -y x-pkg");
  });

  it("onPath finds an executable in PATH's directories and nothing else", () => {
    assert.equal(onPath("node", dirname(process.execPath)), true);
    assert.equal(onPath("no-such-tool-for-requires-tool-test"), false);
    assert.equal(onPath("node", ""), false);
  });

  it("knows the Debian package of every tool the tests use", () => {
    const packages = Object.fromEntries(Object.entries(TOOLS).map(([name, r]) => [name, r.packages]));
    assert.deepEqual(packages, {
      h2load: "nghttp2-client",
      wrk: "wrk",
      chromium: "chromium",
      openssl: "openssl",
      ip: "iproute2",
      pythonGrpc: ["python3-grpcio", "python3-grpc-tools"],
      pythonProtobuf: "python3-grpc-tools",
      pythonWebsocket: "python3-websocket",
    });
  });

  // What a person sees: node's test runner on a file whose test and suite need a tool that is not there.
  describe("under node --test", () => {
    const helper = new URL("./fixtures/requires-tool.ts", import.meta.url).href;
    const source = `
import { describe, it, test } from "node:test";
import { needsTool, requireTool } from ${JSON.stringify(helper)};
const FAKE = { tool: "no-such-tool", packages: "no-such-package", probe: () => false };
test("a test that needs it", (t) => { if (requireTool(t, FAKE)) return; throw new Error("ran without the tool"); });
describe("a suite that needs it", needsTool({ ...FAKE }), () => { it("inner", () => { throw new Error("ran without the tool"); }); });
`;
    function runFile(ci: string | undefined) {
      const dir = mkdtempSync(join(tmpdir(), "requires-tool-"));
      try {
        const file = join(dir, "needs-missing-tool.test.ts");
        writeFileSync(file, source);
        const env: NodeJS.ProcessEnv = { ...process.env };
        delete env["NODE_TEST_CONTEXT"]; // a test file of its own, not a subtest of this run
        delete env["CI"];
        if (ci !== undefined) env["CI"] = ci;
        const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", file], { encoding: "utf8", timeout: 60_000, env });
        return { code: r.status, out: r.stdout + r.stderr };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it("skips with one line per test or suite, exit 0", () => {
      const { code, out } = runFile(undefined);
      assert.equal(code, 0, out);
      assert.match(out, /^﹣ a test that needs it \(.*\) # needs no-such-tool: apt-get install -y no-such-package$/m);
      assert.match(out, /^﹣ a suite that needs it \(.*\) # needs no-such-tool: apt-get install -y no-such-package$/m);
      assert.doesNotMatch(out, /ran without the tool/);
      assert.match(out, /ℹ fail 0/);
    });

    it("with CI=true the same line is a failure, exit 1", () => {
      const { code, out } = runFile("true");
      assert.equal(code, 1, out);
      assert.match(out, /^✖ a test that needs it \(.*\)\n {2}\[needs no-such-tool: apt-get install -y no-such-package\]$/m);
      assert.match(out, /^✖ needs no-such-tool: apt-get install -y no-such-package \(.*\)$/m);
      assert.doesNotMatch(out, /ran without the tool/);
      assert.match(out, /ℹ fail 2/);
    });
  });
});
