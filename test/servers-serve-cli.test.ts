// The serve CLI: one listening line on stdout, a server that answers, exit 0 on SIGTERM, and exit 2 with one
// line on stderr (no stack trace) for every mistake a user can make.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { grpcClients, rest, unary } from "./fixtures/shop-clients.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TIMEOUT_MS = 30_000;

function serve(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { ended: Promise<Ended>; stdout: () => string } {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
  const ended = once(child, "close").then(([code, signal]) => {
    clearTimeout(timer);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null, stdout, stderr };
  });
  return { ended, stdout: () => stdout };
}

async function listeningLine(child: ChildProcess, out: () => string): Promise<string> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!out().includes("\n")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not print a listening line (stdout ${JSON.stringify(out())})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return out();
}

function assertOneLineUserError(result: Ended, pattern: RegExp): void {
  assert.equal(result.code, 2, `exit code (stderr ${JSON.stringify(result.stderr)})`);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^[^\n]+\n$/, "exactly one line on stderr");
  assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  assert.match(result.stderr, pattern);
}

for (const arm of ["grpc", "rest"] as const) {
  test(`serve --server ${arm}: prints one listening line, answers, and exits 0 on SIGTERM`, { timeout: 60_000 }, async () => {
    const child = serve(["--server", arm, "--port", "0"]);
    const { ended, stdout } = collect(child);
    const line = await listeningLine(child, stdout);
    const match = /^listening (grpc|rest) 127\.0\.0\.1:(\d+)\n$/.exec(line);
    assert.ok(match, `listening line: ${JSON.stringify(line)}`);
    assert.equal(match[1], arm);
    const port = Number(match[2]);
    if (arm === "grpc") {
      const clients = grpcClients(port);
      try {
        const user = await unary<{ id: string }>(clients.user, "GetUser", { userId: "u-1" });
        assert.equal(user.id, "u-1");
      } finally {
        clients.close();
      }
    } else {
      const r = await rest(port, "GET", "/v1/users/u-1");
      assert.equal((r.json as { id: string }).id, "u-1");
    }
    child.kill("SIGTERM");
    const result = await ended;
    assert.equal(result.code, 0, `exit code after SIGTERM (stderr ${JSON.stringify(result.stderr)})`);
    assert.equal(result.stdout, line, "nothing else on stdout");
    assert.equal(result.stderr, "");
  });
}

test("serve: a port in use is one line on stderr and exit 2, for both arms", { timeout: 60_000 }, async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    for (const arm of ["grpc", "rest"]) {
      const result = await collect(serve(["--server", arm, "--port", String(port)])).ended;
      assertOneLineUserError(result, /already in use/);
    }
  } finally {
    blocker.close();
  }
});

test("serve: unknown server, unknown flag, bad port, missing --server are one line on stderr and exit 2", { timeout: 90_000 }, async () => {
  const cases: [string[], RegExp][] = [
    [["--server", "soap"], /unknown server "soap"/],
    [["--server", "grpc", "--verbose"], /--verbose/],
    [["--server", "rest", "--port", "70000"], /--port must be an integer/],
    [["--server", "rest", "--port", "abc"], /--port must be an integer/],
    [[], /--server is required/],
  ];
  const results = await Promise.all(cases.map(([args]) => collect(serve(args)).ended));
  results.forEach((result, i) => assertOneLineUserError(result, cases[i]![1]));
});
