// The serve CLI: for every registered arm (and a plugin arm loaded with --arm-module), one listening line on
// stdout, a server that answers, exit 0 on SIGTERM; exit 2 with one line on stderr (no stack trace) for every
// mistake a user can make.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { once } from "node:events";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ARM_MODULES_ENV, allArms, findArm } from "../servers/registry.js";
import { restPath } from "../servers/shop-routes.js";
import { shop } from "../proto/generated/shop.js";
import { h2Rest } from "./fixtures/h2-rest-client.js";
import { grpcClients, rest, unary } from "./fixtures/shop-clients.js";
import { getUser } from "./fixtures/any-arm-client.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TIMEOUT_MS = 30_000;

const FIXTURE_ARM = "test/fixtures/arms/fixture-arm.ts";

/** The child inherits this process's GRB_ARM_MODULES (the plugin arms the tests loop over) unless `env` says otherwise. */
function serve(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
}

/** Only the built-in arms, whatever GRB_ARM_MODULES this test run has. */
const BUILT_IN_ONLY = { [ARM_MODULES_ENV]: "" };

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

/** Starts `serve`, checks its listening line, makes one call, stops it with SIGTERM and checks how it ended. */
async function serveAndCall(armId: string, api: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const child = serve([...extraArgs, "--server", armId, "--port", "0"], env);
  const { ended, stdout } = collect(child);
  const line = await listeningLine(child, stdout);
  const match = /^listening ([a-z0-9-]+) 127\.0\.0\.1:(\d+)\n$/.exec(line);
  assert.ok(match, `listening line: ${JSON.stringify(line)}`);
  assert.equal(match[1], armId);
  const port = Number(match[2]);
  if (api === "grpc") {
    const clients = grpcClients(port);
    try {
      const user = await unary<{ id: string }>(clients.user, "GetUser", { userId: "u-1" });
      assert.equal(user.id, "u-1");
    } finally {
      clients.close();
    }
  } else {
    const arm = findArm(armId);
    if (arm?.wire === "protobuf") {
      // protobuf bodies over HTTP/1.1 (protobuf-h1): the reply is the User message gRPC sends
      const res = await fetch(`http://127.0.0.1:${port}${restPath.getUser("u-1")}`, { signal: AbortSignal.timeout(10_000) });
      assert.equal(res.status, 200);
      assert.equal(shop.v1.User.decode(new Uint8Array(await res.arrayBuffer())).id, "u-1");
    } else {
      // A REST arm over h2c (json-h2) speaks HTTP/2 only, with prior knowledge: fetch cannot reach it.
      const get = arm?.transport === "h2c" ? h2Rest : rest;
      const r = await get(port, "GET", restPath.getUser("u-1"));
      assert.equal((r.json as { id: string }).id, "u-1");
    }
  }
  child.kill("SIGTERM");
  const result = await ended;
  assert.equal(result.code, 0, `exit code after SIGTERM (stderr ${JSON.stringify(result.stderr)})`);
  assert.equal(result.stdout, line, "nothing else on stdout");
  assert.equal(result.stderr, "");
}

for (const arm of allArms()) {
  test(`serve --server ${arm.id}: prints one listening line, answers, and exits 0 on SIGTERM`, { timeout: 60_000 }, async () => {
    await serveAndCall(arm.id, arm.api);
  });
}

test("serve --arm-module FILE --server rest-fixture: a plugin arm, loaded without editing the harness", { timeout: 60_000 }, async () => {
  await serveAndCall("rest-fixture", "rest", ["--arm-module", FIXTURE_ARM], BUILT_IN_ONLY);
});

test(`serve with ${ARM_MODULES_ENV} naming the plugin arm serves it as well`, { timeout: 60_000 }, async () => {
  await serveAndCall("rest-fixture", "rest", [], { [ARM_MODULES_ENV]: join(ROOT, FIXTURE_ARM) });
});

test("serve --help lists every arm with its label, plugin arms included", { timeout: 60_000 }, async () => {
  const result = await collect(serve(["--arm-module", FIXTURE_ARM, "--help"], BUILT_IN_ONLY)).ended;
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, "");
  assert.match(result.stdout, /^usage: npm run serve -- --server ID/);
  for (const arm of [...allArms(), { id: "rest-fixture", label: "REST (fixture)" }]) {
    assert.match(result.stdout, new RegExp(`^  ${arm.id} +${arm.label.replace(/[()]/g, "\\$&")} `, "m"), `${arm.id} is listed with its label`);
  }
});

test("serve: a port in use is one line on stderr and exit 2, for every arm", { timeout: 60_000 }, async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    for (const arm of allArms().map((a) => a.id)) {
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
    [["--server", "rest-fixture"], /unknown server "rest-fixture" \(known: grpc, rest, rest-node/],
    [["--arm-module", "test/fixtures/arms/no-such-arm.ts", "--server", "rest"], /cannot load arm module .*no-such-arm\.ts/],
    [["--arm-module", "servers/shop-routes.ts", "--server", "rest"], /arm module .*shop-routes\.ts exports neither `arm` nor a default export/],
  ];
  const results = await Promise.all(cases.map(([args]) => collect(serve(args, BUILT_IN_ONLY)).ended));
  results.forEach((result, i) => assertOneLineUserError(result, cases[i]![1]));
});

test(`serve: a ${ARM_MODULES_ENV} entry that cannot be loaded is one line on stderr and exit 2`, { timeout: 60_000 }, async () => {
  const result = await collect(serve(["--server", "rest"], { [ARM_MODULES_ENV]: join(ROOT, "test/fixtures/arms/no-such-arm.ts") })).ended;
  assertOneLineUserError(result, /cannot load arm module .*no-such-arm\.ts/);
});

// ---- TLS: --tls (a self-signed certificate for the host served, its certificate written for clients), --cert/--key

/** Starts `serve` with TLS flags, reads the listening line and the certificate path, calls it as a client that trusts it. */
async function serveTlsAndCall(armId: string, flags: string[], ca?: string): Promise<{ certPath: string | null; result: Ended }> {
  const arm = findArm(armId)!;
  const child = serve(["--server", armId, "--port", "0", ...flags], BUILT_IN_ONLY);
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const { ended, stdout } = collect(child);
  const line = await listeningLine(child, stdout);
  const match = /^listening ([a-z0-9-]+) 127\.0\.0\.1:(\d+)\n$/.exec(line);
  assert.ok(match, `listening line: ${JSON.stringify(line)}`);
  const certPath = /^serve: certificate: (.+)$/m.exec(stderr)?.[1] ?? null;
  const trusted = ca ?? (certPath !== null ? readFileSync(certPath, "utf8") : undefined);
  assert.ok(trusted, "a certificate to trust");
  assert.equal(await getUser(arm, Number(match[2]), { ca: trusted }), "u-1");
  await assert.rejects(getUser(arm, Number(match[2]), { tls: true }), "a client that does not trust it fails");
  child.kill("SIGTERM");
  const result = await ended;
  assert.equal(result.code, 0, `exit code after SIGTERM (stderr ${JSON.stringify(result.stderr)})`);
  assert.equal(result.stdout, line, "exactly one line on stdout");
  return { certPath, result };
}

for (const armId of ["grpc", "rest", "json-h2"]) {
  test(`serve --server ${armId} --tls --tls-dir DIR: writes DIR/cert.pem (never the key), and a client that trusts it can call`, { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "grb-serve-tls-test-"));
    try {
      const { certPath, result } = await serveTlsAndCall(armId, ["--tls", "--tls-dir", join(dir, "certs")]);
      assert.equal(certPath, join(dir, "certs", "cert.pem"));
      assert.equal(result.stderr, `serve: certificate: ${certPath}\n`);
      assert.deepEqual(readdirSync(join(dir, "certs")), ["cert.pem"]);
      const pem = readFileSync(certPath, "utf8");
      assert.doesNotMatch(pem, /PRIVATE KEY/);
      const cert = new X509Certificate(pem);
      assert.equal(cert.subjectAltName, "IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost");
      assert.ok(existsSync(certPath), "a --tls-dir of the user's stays after exit");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("serve --tls without --tls-dir: the certificate goes to a temporary directory, removed on exit", { timeout: 60_000 }, async () => {
  const { certPath } = await serveTlsAndCall("grpc-raw", ["--tls"]);
  assert.ok(certPath !== null && certPath.startsWith(tmpdir()), `${certPath}`);
  assert.equal(existsSync(certPath), false, "removed when serve exited");
});

test("serve --cert FILE --key FILE: serves the user's certificate, writes nothing, says nothing", { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "grb-serve-cert-test-"));
  try {
    const material = await makeSelfSignedCertificate(["127.0.0.1"]);
    writeFileSync(join(dir, "cert.pem"), material.cert);
    writeFileSync(join(dir, "key.pem"), material.key);
    const { certPath, result } = await serveTlsAndCall("rest-node", ["--cert", join(dir, "cert.pem"), "--key", join(dir, "key.pem")], material.cert);
    assert.equal(certPath, null);
    assert.equal(result.stderr, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("serve: TLS mistakes are one line on stderr and exit 2", { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "grb-serve-tls-bad-"));
  try {
    const material = await makeSelfSignedCertificate(["127.0.0.1"]);
    const other = await makeSelfSignedCertificate(["127.0.0.1"]);
    const file = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cert = file("cert.pem", material.cert);
    const key = file("key.pem", material.key);
    const otherKey = file("other-key.pem", other.key);
    const notPem = file("not.pem", "not a certificate\n");
    const blocker = file("a-file", "");
    const cases: [string[], RegExp][] = [
      [["--server", "rest", "--cert", cert], /--cert needs --key too/],
      [["--server", "grpc", "--key", key], /--key needs --cert too/],
      [["--server", "rest", "--cert", join(dir, "missing.pem"), "--key", key], /--cert .*missing\.pem: cannot read it \(no such file\)/],
      [["--server", "rest", "--cert", notPem, "--key", key], /--cert .*not\.pem: no PEM certificate in it/],
      [["--server", "grpc", "--cert", cert, "--key", otherKey], /--key .*other-key\.pem does not belong to the certificate in --cert/],
      [["--server", "rest", "--cert", cert, "--key", key, "--tls-dir", dir], /--tls-dir is where a self-signed certificate is written/],
      [["--server", "rest", "--tls", "--tls-dir", join(blocker, "sub")], /--tls-dir .*a-file\/sub: cannot write cert\.pem \(ENOTDIR\)/],
    ];
    const results = await Promise.all(cases.map(([args]) => collect(serve(args, BUILT_IN_ONLY)).ended));
    results.forEach((result, i) => assertOneLineUserError(result, cases[i]![1]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
