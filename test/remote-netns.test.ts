// A real deployment in miniature: servers on a second host (a network namespace the test makes, test/fixtures/
// network-namespace.ts), started with `npm run serve -- --tls --token`, each writing the self-signed cert.pem it
// made; the bench measures them through --target grpcs:// / https://, trusting those certificates with --ca and
// authenticating with --token. Zero errors, server CPU per call from the servers' own monitor endpoints, TLS in the
// report. Skipped with the reason where no namespace can be made; under CI it must run.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { readReport } from "../reports/report-file.js";
import { makeNetworkNamespace } from "./fixtures/network-namespace.js";

// One round per scenario: the test checks what reaches the report over the namespace's TLS, not the figures.
const SHORT_LOAD = resolve("test/fixtures/one-round-load-family.ts");
const TOKEN = "netns-test-token-7f3a";
const ARMS = ["grpc", "rest", "json-h2"] as const;
const SCHEME: Record<(typeof ARMS)[number], string> = { grpc: "grpcs", rest: "https", "json-h2": "https" };

interface Served {
  child: ChildProcess;
  port: number;
  certFile: string;
}

/** `npm run serve` inside the namespace; resolves once it printed its `listening` line. */
function serveInside(exec: readonly string[], arm: string, host: string, tlsDir: string): Promise<Served> {
  const child = spawn(exec[0]!, [...exec.slice(1), process.execPath, "--import", "tsx", "servers/serve.ts", "--server", arm, "--host", host, "--port", "0", "--tls", "--tls-dir", tlsDir, "--token", TOKEN], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve ${arm} did not listen within 60 s: ${stderr}`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
      const match = new RegExp(`^listening ${arm} ${host.replace(/\./g, "\\.")}:(\\d+)\\n`).exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, port: Number(match[1]), certFile: join(tlsDir, "cert.pem") });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve ${arm} exited (${code}) before listening: ${stderr}`));
    });
  });
}

test("servers in a network namespace over TLS with a token, measured through --target, --ca and --token", { timeout: 300_000 }, async (t) => {
  const ns = makeNetworkNamespace(t);
  if (ns === null) return;
  const scratch = mkdtempSync(join(tmpdir(), "bench-netns-"));
  const children: ChildProcess[] = [];
  t.after(() => {
    for (const child of children) child.kill("SIGKILL");
    ns.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  const served = new Map<string, Served>();
  for (const arm of ARMS) {
    const s = await serveInside(ns.exec, arm, ns.innerAddress, join(scratch, `tls-${arm}`));
    children.push(s.child);
    served.set(arm, s);
  }
  // Each server made its own certificate: the bench trusts all three (one PEM file may hold several).
  const caFile = join(scratch, "ca.pem");
  writeFileSync(caFile, ARMS.map((arm) => readFileSync(served.get(arm)!.certFile, "utf8")).join(""));
  const targets = ARMS.flatMap((arm) => ["--target", `${arm}=${SCHEME[arm]}://${ns.innerAddress}:${served.get(arm)!.port}`]);
  const bench = (extra: string[], out: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "bench/cli.ts", "--arms", ARMS.join(","), "--only", "load", ...targets, ...extra, "--out", out], {
      encoding: "utf8",
      timeout: 240_000,
      env: { ...process.env, GRPC_REST_BENCH_TEST_FAMILIES: SHORT_LOAD, GRB_TOKEN: "" },
    });

  // Not trusting the servers' certificates is a user error: one line, exit 2, naming the way out.
  const untrusted = bench(["--token", TOKEN], join(scratch, "untrusted"));
  assert.equal(untrusted.status, 2, untrusted.stderr);
  assert.equal(untrusted.stderr.trim().split("\n").length, 1, untrusted.stderr);
  assert.match(untrusted.stderr, /--ca/);

  const out = join(scratch, "run");
  const run = bench(["--ca", caFile, "--token", TOKEN], out);
  assert.equal(run.status, 0, run.stderr);
  const report = readReport(join(out, "report.json"));
  for (const arm of ARMS) {
    const entries = report.load.filter((e) => e.arm === arm);
    assert.ok(entries.length > 0, `${arm}: load entries`);
    for (const e of entries) {
      const label = `${arm} ${e.scenario}`;
      assert.equal(e.endReason, "completed", `${label}: ${e.failure ?? ""}`);
      assert.equal(e.errors.total, 0, `${label}: ${JSON.stringify(e.errors.byCode)}`);
      assert.ok(e.requests > 0, label);
      assert.ok(e.serverCpuUsPerCall !== null && e.serverCpuUsPerCall > 0, `${label}: server CPU per call from the monitor (${e.serverCpuUsPerCall})`);
      assert.equal(e.serverMetrics, "monitor", label);
      assert.ok(e.wireBytesPerCall !== null && e.wireBytesPerCall.request > 0, `${label}: wire bytes counted`);
    }
    const described = report.arms.find((a) => a.id === arm);
    assert.ok(described?.tls?.enabled, `${arm}: TLS recorded`);
    assert.match(String(described.tls.protocol), /^TLSv1\.[23]$/, `${arm}: protocol`);
    assert.equal(described.tls.alpn, arm === "rest" ? "http/1.1" : "h2", `${arm}: ALPN`);
    assert.ok(described.tls.handshakes.full > 0, `${arm}: full handshakes counted`);
  }
});
