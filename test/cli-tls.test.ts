// `npm run bench` over TLS: --tls starts the local servers with a certificate made for the run and records, per arm,
// what the handshakes negotiated; --target grpcs://… with --ca FILE measures a TLS server the test started; bad TLS
// flags are one line and exit 2. The runs use the real load family with short windows (test/fixtures/one-round-load-family.ts).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCaveats } from "../bench/analysis/run-caveats.js";
import type { Arm } from "../bench/model/arm.js";
import type { Report } from "../bench/model/report.js";
import { resolveRunOptions, UsageError } from "../bench/run-options.js";
import { armTlsText } from "../reports/arm-tls-text.js";
import { escapeMarkdown } from "../reports/markdown/markdown-table.js";
import { readReport } from "../reports/report-file.js";
import { findArm } from "../servers/registry.js";
import type { RunningServer, ServerTlsMaterial } from "../servers/server-arm.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";

const SHORT_LOAD = resolve("test/fixtures/one-round-load-family.ts");
const scratch = mkdtempSync(join(tmpdir(), "bench-cli-tls-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The bench in a child process, waited for without blocking this one (a test's own server must keep answering). */
function bench(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/cli.ts", ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 150_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

async function usageError(args: string[], pattern: RegExp): Promise<void> {
  const r = await bench(args);
  assert.equal(r.code, 2, `exit code for ${args.join(" ")}: ${r.stderr}`);
  assert.equal(r.stdout, "");
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `one line expected, got: ${r.stderr}`);
  assert.match(lines[0]!, pattern);
}

function tlsOf(report: Report, id: string): Extract<NonNullable<Arm["tls"]>, { enabled: true }> {
  const tls = report.arms.find((a) => a.id === id)?.tls;
  assert.ok(tls?.enabled === true, `arm ${id} over TLS: ${JSON.stringify(tls)}`);
  return tls;
}

describe("npm run bench -- --tls: local servers over TLS", () => {
  const out = join(scratch, "tls-run");
  let report: Report;
  before(async () => {
    const r = await bench(["--only", "load", "--tls", "--arms", "grpc,rest", "--out", out], { GRPC_REST_BENCH_TEST_FAMILIES: SHORT_LOAD });
    assert.equal(r.code, 0, r.stderr);
    report = readReport(join(out, "report.json"));
  });

  it("every load entry ran over TLS without an error, REST's server view through h1-lean", () => {
    assert.equal(report.load.length, 4);
    for (const entry of report.load) {
      assert.equal(entry.endReason, "completed", entry.failure);
      assert.deepEqual(entry.errors, { total: 0, byCode: {} }, entry.scenario);
      assert.match(entry.target, /^(grpcs|https):\/\/127\.0\.0\.1:\d+$/);
      assert.ok(entry.notes?.some((n) => n.startsWith("over TLS: wire bytes per call include the TLS records")), entry.scenario);
    }
    assert.deepEqual(report.load.filter((e) => e.arm === "rest").map((e) => e.driver).sort(), ["h1-lean", "undici"]);
    assert.deepEqual(report.load.filter((e) => e.arm === "grpc").map((e) => e.driver).sort(), ["grpc-js", "h2-frames"]);
  });

  it("report.arms[].tls: version, cipher, ALPN, full vs resumed handshakes, verified", () => {
    for (const [id, alpn] of [["grpc", "h2"], ["rest", "http/1.1"]] as const) {
      const tls = tlsOf(report, id);
      assert.equal(tls.verified, true);
      assert.equal(tls.protocol, "TLSv1.3");
      assert.equal(tls.alpn, alpn);
      assert.deepEqual(Object.keys(tls.alpns), [alpn]);
      assert.ok(typeof tls.cipher === "string" && tls.cipher.startsWith("TLS_"));
      assert.ok(tls.handshakes.full > 0, JSON.stringify(tls.handshakes));
    }
    assert.equal(report.options.tls, true);
  });

  it("the HTML and Markdown arms tables show it", () => {
    const grpc = armTlsText(tlsOf(report, "grpc"));
    assert.ok(grpc !== null);
    assert.match(grpc.text, /^TLS 1\.3, TLS_\w+, h2, \d+ full \/ \d+ resumed$/);
    assert.ok(readFileSync(join(out, "summary.md"), "utf8").includes(escapeMarkdown(grpc.text)));
    assert.ok(readFileSync(join(out, "report.html"), "utf8").includes(grpc.text));
  });
});

describe("npm run bench -- --target grpc=grpcs://… --ca FILE", () => {
  let material: ServerTlsMaterial;
  let server: RunningServer;
  const caFile = join(scratch, "cert.pem");
  before(async () => {
    material = await makeSelfSignedCertificate(["127.0.0.1", "localhost"]);
    writeFileSync(caFile, material.cert);
    server = await (findArm("grpc") as NonNullable<ReturnType<typeof findArm>>).start({ host: "127.0.0.1", port: 0, tls: material });
  });
  after(() => server.close());

  it("measures the TLS target with the certificate from --ca", async () => {
    const out = join(scratch, "target-run");
    const target = `grpcs://127.0.0.1:${server.port}`;
    const r = await bench(["--only", "load", "--arms", "grpc", "--target", `grpc=${target}`, "--ca", caFile, "--out", out], { GRPC_REST_BENCH_TEST_FAMILIES: SHORT_LOAD });
    assert.equal(r.code, 0, r.stderr);
    const report = readReport(join(out, "report.json"));
    assert.equal(report.arms[0]?.target, target);
    assert.equal(report.options.ca, caFile);
    assert.ok(report.load.length > 0);
    for (const entry of report.load) assert.deepEqual(entry.errors, { total: 0, byCode: {} }, `${entry.scenario}: ${entry.failure ?? ""}`);
    const tls = tlsOf(report, "grpc");
    assert.equal(tls.alpn, "h2");
    assert.ok(tls.handshakes.full > 0);
  });

  it("without --ca the self-signed target is refused before the run: one line, exit 2", async () => {
    await usageError(["--only", "load", "--arms", "grpc", "--target", `grpc=grpcs://127.0.0.1:${server.port}`], /^bench: --target grpc=grpcs:\/\/127\.0\.0\.1:\d+: its TLS certificate is not trusted/);
  });
});

describe("TLS flags a user can get wrong: one line, exit 2", () => {
  it("an unreadable --ca file", () => usageError(["--target", "grpc=grpcs://127.0.0.1:1", "--ca", join(scratch, "missing.pem")], /^bench: --ca .*missing\.pem: cannot read it \(ENOENT\)$/));

  it("a --ca file that holds no certificate", async () => {
    const file = join(scratch, "not-a-cert.pem");
    writeFileSync(file, "hello\n");
    return usageError(["--target", "grpc=grpcs://127.0.0.1:1", "--ca", file], /^bench: --ca .*not-a-cert\.pem: no PEM certificate in it/);
  });

  it("an https:// target for a gRPC arm", () => usageError(["--target", "grpc=https://127.0.0.1:1"], /arm grpc speaks grpc, so its target is grpc:\/\/HOST:PORT or, over TLS, grpcs:\/\/HOST:PORT/));

  it("a grpcs:// target for a REST arm", () => usageError(["--target", "rest=grpcs://127.0.0.1:1"], /arm rest speaks rest, so its target is http:\/\/HOST:PORT or, over TLS, https:\/\/HOST:PORT/));

  it("--ca together with --insecure, or with nothing to verify", () => {
    assert.throws(() => resolveRunOptions(["--target", "grpc=grpcs://127.0.0.1:1", "--ca", "x.pem", "--insecure"]), UsageError);
    assert.throws(() => resolveRunOptions(["--ca", "x.pem"]), /no https:\/\/ or grpcs:\/\/ target/);
    assert.throws(() => resolveRunOptions(["--insecure"]), /nothing in this run speaks TLS/);
  });

  it("the crosscheck does not take TLS flags", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "bench/crosscheck.ts", "--tls"], { encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /--tls/);
  });
});

describe("TLS targets and flags, resolved", () => {
  it("grpcs:// and https:// targets are kept as TLS targets; cleartext ones as before", () => {
    const options = resolveRunOptions(["--target", "grpc=grpcs://127.0.0.1:50051", "--target", "rest=https://[::1]:8443", "--target", "rest-node=http://127.0.0.1:8080", "--insecure"]);
    assert.deepEqual(options.targets, { grpc: "grpcs://127.0.0.1:50051", rest: "https://[::1]:8443", "rest-node": "http://127.0.0.1:8080" });
    assert.equal(options.insecure, true);
    assert.equal(resolveRunOptions(["--target-grpc", "127.0.0.1:50051"]).targets.grpc, "127.0.0.1:50051");
    assert.equal(resolveRunOptions(["--tls"]).tls, true);
    assert.equal(resolveRunOptions([]).tls, undefined);
  });
});

describe("what a report says about TLS", () => {
  const arm = (id: string, tls: Arm["tls"]): Arm => ({ id, label: id, api: "grpc", wire: "protobuf", transport: "h2c", framework: "x", description: "", target: null, tls });
  const tls = (verified: boolean, resumed: number): Arm["tls"] => ({
    enabled: true,
    verified,
    protocol: "TLSv1.3",
    cipher: "TLS_AES_256_GCM_SHA384",
    alpn: "h2",
    handshakes: { full: 412, resumed },
    protocols: { "TLSv1.3": 412 + resumed },
    ciphers: { TLS_AES_256_GCM_SHA384: 412 + resumed },
    alpns: { h2: 412 + resumed },
  });
  const report = (arms: Arm[]) => ({ arms, families: [], load: [], compression: [], multiplex: [], stream: [], micro: [], environment: { pinned: true } }) as unknown as Report;

  it("the arms tables' line: version, cipher, ALPN, full / resumed; cleartext said as such", () => {
    assert.deepEqual(armTlsText(tls(true, 0)), { text: "TLS 1.3, TLS_AES_256_GCM_SHA384, h2, 412 full / 0 resumed", warn: false });
    assert.deepEqual(armTlsText(tls(true, 3)), { text: "TLS 1.3, TLS_AES_256_GCM_SHA384, h2, 412 full / 3 resumed", warn: true });
    assert.deepEqual(armTlsText(tls(false, 0)), { text: "TLS 1.3, TLS_AES_256_GCM_SHA384, h2, 412 full / 0 resumed; certificate not verified (--insecure)", warn: true });
    assert.deepEqual(armTlsText({ enabled: false }), { text: "cleartext", warn: false });
    assert.equal(armTlsText(undefined), null);
  });

  it("run caveats: no verification, resumed sessions, TLS beside cleartext", () => {
    const caveats = runCaveats(report([arm("grpc", tls(false, 3)), arm("rest", { enabled: false })]));
    assert.ok(caveats.some((c) => /^TLS without certificate verification \(--insecure\) for grpc: the figures were measured without/.test(c)), caveats.join("\n"));
    assert.ok(caveats.some((c) => /^TLS sessions resumed for grpc: 3 of 415 handshakes/.test(c)), caveats.join("\n"));
    assert.ok(caveats.some((c) => /^grpc was measured over TLS and rest in cleartext: comparisons between them include the cost of TLS$/.test(c)), caveats.join("\n"));
    assert.deepEqual(runCaveats(report([arm("grpc", tls(true, 0))])), []);
  });
});
