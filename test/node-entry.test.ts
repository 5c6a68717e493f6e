// Run mode in a checkout (TypeScript under tsx): child processes start on the .ts file with tsx's loader, the package
// root is the checkout, outputs default to it. test/package-install.test.ts covers the compiled side.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { defaultOutputRoot, REPO_ROOT } from "../bench/environment.js";
import { startServerProcess } from "../bench/server-process/server-process.js";
import { childEntry, COMPILED, PACKAGE_ROOT } from "../servers/node-entry.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

test("under tsx: not compiled; the package root, REPO_ROOT and the default output root are the checkout", () => {
  assert.equal(COMPILED, false);
  assert.equal(join(PACKAGE_ROOT, "/"), join(ROOT, "/"));
  assert.equal(REPO_ROOT, PACKAGE_ROOT);
  assert.equal(defaultOutputRoot(), PACKAGE_ROOT);
  assert.ok(existsSync(join(PACKAGE_ROOT, "package.json")));
});

test("childEntry: the module beside the caller with the caller's extension, and tsx's loader only for TypeScript", () => {
  const ts = childEntry("server-child", new URL("../bench/server-process/server-process.ts", import.meta.url).href);
  assert.deepEqual(ts, { file: join(ROOT, "bench", "server-process", "server-child.ts"), execArgv: ["--import", "tsx"] });
  const js = childEntry("server-child", "file:///opt/pkg/dist/bench/server-process/server-process.js");
  assert.deepEqual(js, { file: "/opt/pkg/dist/bench/server-process/server-child.js", execArgv: [] });
});

test("under tsx the harness forks a server process, and the gateway its upstream, from the .ts entries", async () => {
  const server = await startServerProcess({ arm: "gateway", cpus: null });
  try {
    assert.match(server.target, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.upstreamPids?.length, 1);
    const cpu = await server.cpuUsage();
    assert.ok(cpu.user > 0);
  } finally {
    await server.stop();
  }
});
