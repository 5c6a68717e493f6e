// Server figures for remote targets (issue 13, item 5): arms served by `serve` (their own process, as a user's would
// be) are loaded as --target, and their CPU per call and peak RSS come over the wire from their monitor endpoint, on
// connections no meter counts. A target without a monitor says "not measured" and why; a monitor that fails mid-run
// leaves those windows without server figures, with the reason, and never ends the run or declares the server dead.
// Loopback only; no assertion is on timing.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import type { FamilyContext } from "../bench/family.js";
import { startFamilyServers } from "../bench/family-servers.js";
import { createLoadFamily } from "../bench/families/load.js";
import type { CallSink } from "../bench/load/call-sink.js";
import type { LoadGenerator } from "../bench/load/load-generator.js";
import { measureWindows } from "../bench/load/measure-windows.js";
import type { Arm } from "../bench/model/arm.js";
import type { LoadResult } from "../bench/model/load-result.js";
import { handshakeTallies, resetHandshakeTallies, setRunTlsTrust } from "../bench/run-tls.js";
import { isRemoteServer, openRemoteServer } from "../bench/server-metrics/remote-server.js";
import { ConnectionCountingMeter } from "../bench/multiplex/connection-counting-meter.js";
import { monitorClient } from "../bench/server-metrics/monitor-client.js";
import { SocketBytesMeter } from "../bench/wire/socket-bytes-meter.js";
import { MONITOR_HTTP_PATH, type ProcessMetrics } from "../servers/monitor/monitor-contract.js";
import { processMetricsToJson } from "../servers/monitor/monitor-messages.js";
import { findArm } from "../servers/registry.js";
import { describeArm } from "../servers/server-arm.js";
import { renderHtml } from "../reports/html/render-html.js";
import { renderSummary } from "../reports/markdown/render-summary.js";
import { validateReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const START_TIMEOUT_MS = 30_000;

interface Served {
  child: ChildProcess;
  /** host:port */
  address: string;
  /** serve --tls: the certificate it wrote for clients */
  certPath: string | null;
}

/** `serve --server ID --port 0 …` in its own process; resolves on its `listening <id> <host>:<port>` line. */
async function serve(id: string, extra: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", "--server", id, "--port", "0", ...extra], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GRB_ARM_MODULES: "" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const m = new RegExp(`^listening ${id} (\\S+)$`, "m").exec(stdout);
    if (m !== null) return { child, address: m[1]!, certPath: /serve: certificate: (.+)$/m.exec(stderr)?.[1]?.trim() ?? null };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`serve ${id} did not start: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function stopServed(served: Served | undefined): void {
  if (served !== undefined && served.child.exitCode === null) served.child.kill("SIGTERM");
}

/** The arm as a --target names it. */
function remoteArm(id: string, target: string): Arm {
  const arm = findArm(id);
  assert.ok(arm !== undefined, `arm ${id}`);
  return { ...describeArm(arm), target };
}

const targetOf = (id: string, address: string, tls = false) =>
  findArm(id)!.api === "grpc" ? `${tls ? "grpcs" : "grpc"}://${address}` : `${tls ? "https" : "http"}://${address}`;

/** The load family with one short server-view scenario per arm, against `arms`; what it recorded and said. */
async function runLoadFamily(arms: Arm[]): Promise<{ results: LoadResult[]; caveats: string[] }> {
  const results: LoadResult[] = [];
  const caveats: string[] = [];
  const ctx: FamilyContext = {
    profile: "quick",
    signal: AbortSignal.timeout(120_000),
    arms,
    baseline: arms[0]!.id,
    record: (section, entry) => {
      if (section === "load") results.push(entry as LoadResult);
    },
    caveat: (text) => caveats.push(text),
    leftOut: () => {},
    serverExit: (exit) => assert.fail(`no server may be declared dead: ${JSON.stringify(exit)}`),
    progress: () => {},
  };
  const family = createLoadFamily({
    templates: [{ view: "server", payload: "small", mode: "closed" }],
    defaults: { concurrency: 4, h2Connections: 2, warmupS: 0.1, durationS: 0.4, repetitions: 2, timeoutMs: 5000 },
  });
  await family.run(ctx);
  return { results, caveats };
}

describe("remote targets: server figures from their monitor endpoint", () => {
  const ARMS = ["grpc", "rest", "json-h2"] as const;
  const served = new Map<string, Served>();
  before(async () => {
    for (const [i, s] of (await Promise.all(ARMS.map((id) => serve(id)))).entries()) served.set(ARMS[i]!, s);
  });
  after(() => {
    for (const s of served.values()) stopServed(s);
  });

  it("the load family measures server CPU per call and peak RSS of grpc, rest and json-h2 through the monitor", async () => {
    const arms = ARMS.map((id) => remoteArm(id, targetOf(id, served.get(id)!.address)));
    const { results, caveats } = await runLoadFamily(arms);
    assert.equal(results.length, ARMS.length);
    for (const r of results) {
      assert.equal(r.endReason, "completed", `${r.arm}: ${r.failure ?? ""}`);
      assert.equal(r.errors.total, 0, `${r.arm}: ${JSON.stringify(r.errors.byCode)}`);
      assert.equal(r.serverMetrics, "monitor", `${r.arm}: ${r.serverMetricsNote ?? ""}`);
      assert.ok(r.serverCpuUsPerCall !== null && r.serverCpuUsPerCall > 0, `${r.arm}: server CPU per call ${r.serverCpuUsPerCall}`);
      assert.ok(r.serverPeakRssMb !== null && r.serverPeakRssMb > 0, `${r.arm}: server peak RSS ${r.serverPeakRssMb}`);
      assert.equal(r.serverPinnedCpus, null);
      assert.match(r.serverMetricsNote ?? "", /whole remote process/);
      assert.ok(r.notes?.some((n) => /^remote target: server CPU and memory through its monitor endpoint/.test(n)), `${r.arm}: ${JSON.stringify(r.notes)}`);
      assert.ok(!r.notes?.some((n) => /not measured/.test(n)), `${r.arm}: ${JSON.stringify(r.notes)}`);
      for (const w of r.repetitions) {
        assert.equal(w.serverMetrics, "monitor");
        assert.equal(w.serverPeakRssScope, "window-sampled");
        assert.ok(w.serverCallsServed !== undefined && w.serverCallsServed > 0, `${r.arm}: calls the server says it started`);
      }
    }
    assert.ok(caveats.some((c) => /measured through their monitor endpoint/.test(c)), JSON.stringify(caveats));
    assert.ok(!caveats.some((c) => /not measured/.test(c)), JSON.stringify(caveats));
  });

  it("the monitor's traffic is not in the measured bytes or connections", async () => {
    // As a family does it: the monitors open before any meter exists, then windows are measured.
    const before = await Promise.all(ARMS.map((id) => openRemoteServer(remoteArm(id, targetOf(id, served.get(id)!.address)))));
    const meter = new ConnectionCountingMeter();
    const opened: Awaited<ReturnType<typeof openRemoteServer>>[] = [];
    try {
      meter.snapshot();
      for (const remote of before) {
        assert.equal(remote.notMeasuredReason, null);
        const window = remote.openRssWindow();
        await remote.snapshot();
        await remote.snapshot();
        assert.ok(window.samples >= 2);
        window.close();
      }
      // Every monitor's own sockets (the gRPC one's too: node:http2 on an unmetered socket, not grpc-js) are never
      // announced to a meter, so even connections they open while one runs (a reconnect mid-run) stay out.
      for (const id of ARMS) {
        const remote = await openRemoteServer(remoteArm(id, targetOf(id, served.get(id)!.address)));
        opened.push(remote);
        assert.equal(remote.notMeasuredReason, null);
        await remote.snapshot();
      }
      assert.deepEqual(meter.snapshot(), { read: 0, written: 0 });
      assert.equal(meter.opened, 0, "no connection counted");
      assert.equal(meter.openedBetweenSnapshots(), 0);
    } finally {
      meter.dispose();
      await Promise.all([...before, ...opened].map((r) => r.stop()));
    }
  });

  it("the gRPC monitor streams snapshots over HTTP/2 until closed", async () => {
    const id = "grpc";
    const client = monitorClient({ arm: findArm(id)!, target: targetOf(id, served.get(id)!.address), token: null });
    try {
      assert.equal(client.via, "gRPC /grb.monitor.v1.Monitor/Watch");
      const first = await client.snapshot(5000);
      assert.equal(first.pid, served.get(id)!.child.pid);
      assert.equal(first.arm, "grpc");
      const samples: ProcessMetrics[] = [];
      const ended = await new Promise<Error | null>((resolve) => {
        const watch = client.watch(10, (m) => {
          samples.push(m);
          if (samples.length === 3) watch.close();
        }, resolve);
      });
      assert.equal(ended, null, "closing the watch ends it without an error");
      assert.equal(samples.length, 3);
      assert.ok(samples.every((m) => m.pid === first.pid && m.rssBytes > 0));
    } finally {
      client.close();
    }
  });

  it("the family's servers: a --target is a remote server behind its monitor, closed with the set, never stopped", async () => {
    const id = "rest";
    const set = await startFamilyServers({ arms: [remoteArm(id, targetOf(id, served.get(id)!.address))], exits: null, pinClient: false });
    const server = set.get(id)!;
    assert.ok(isRemoteServer(server.process));
    assert.equal(server.process.alive, true);
    const cpu = await server.process.cpuUsage();
    assert.ok(cpu.user + cpu.system > 0);
    await set.stop();
    assert.equal(served.get(id)!.child.exitCode, null, "the remote server runs on");
    await assert.rejects(server.process.cpuUsage(), /closed/);
  });
});

describe("remote targets without a monitor", () => {
  /** Answers every shop route with 200 {} and the monitor path with 404: a server that predates the monitor. */
  let plain: http.Server;
  let address = "";
  before(async () => {
    plain = http.createServer((req, res) => {
      if (req.url?.startsWith(MONITOR_HTTP_PATH)) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    address = `127.0.0.1:${(plain.address() as AddressInfo).port}`;
  });
  after(() => plain.close());

  it("a target that 404s the monitor: results say not measured, with why, and the run completes", async () => {
    const { results, caveats } = await runLoadFamily([remoteArm("rest-node", `http://${address}`)]);
    assert.equal(results.length, 1);
    const r = results[0]!;
    assert.equal(r.endReason, "completed", r.failure ?? "");
    assert.equal(r.serverMetrics, "not-measured");
    assert.equal(r.serverCpuUsPerCall, null);
    assert.equal(r.serverPeakRssMb, null);
    assert.match(r.serverMetricsNote ?? "", /not measured: the target offers no monitor .*404/);
    assert.ok(r.notes?.some((n) => /^remote target: server CPU and memory not measured: the target offers no monitor/.test(n)), JSON.stringify(r.notes));
    for (const w of r.repetitions) assert.equal(w.serverMetrics, "not-measured");
    assert.ok(caveats.some((c) => /rest-node=http:\/\/127\.0\.0\.1:\d+ not measured: the target offers no monitor/.test(c)), JSON.stringify(caveats));
  });

  it("a gRPC monitor asked of an HTTP/1.1 server: no figures and a caveat that says why, never a throw", async () => {
    const remote = await openRemoteServer(remoteArm("grpc", `grpc://${address}`), { timeoutMs: 2000 });
    try {
      // HTTP/2 with prior knowledge to an HTTP/1.1 server is a protocol error: the network's kind (asked again later)
      assert.ok(remote.caveats.some((c) => /its monitor did not answer/.test(c)), JSON.stringify(remote.caveats));
      await assert.rejects(remote.cpuUsage());
    } finally {
      await remote.stop();
    }
  });

  it("a gRPC arm served with a token, watched without it: not measured (UNAUTHENTICATED), never an error", async () => {
    const grpc = await serve("grpc", ["--token", "s3cret"]);
    try {
      const arm = remoteArm("grpc", targetOf("grpc", grpc.address));
      const refused = await openRemoteServer(arm, { token: null });
      assert.match(refused.notMeasuredReason ?? "", /UNAUTHENTICATED/);
      await refused.stop();
      const allowed = await openRemoteServer(arm, { token: "s3cret" });
      assert.equal(allowed.notMeasuredReason, null);
      assert.equal(allowed.pid, grpc.child.pid);
      await allowed.stop();
    } finally {
      stopServed(grpc);
    }
  });
});

/** One successful call every few ms until stopped (at most 10 000): windows with calls in them, no server load. */
class TickingGenerator implements LoadGenerator {
  private timer: NodeJS.Timeout | null = null;
  private calls = 0;
  start(sink: CallSink): void {
    this.timer = setInterval(() => {
      if (this.calls++ < 10_000) sink.ok(100);
    }, 2);
  }
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

describe("a monitor that fails mid-run", () => {
  /** A fake monitor: the first `answers` snapshot requests answer, every later one is a 503 and the stream drops. */
  function fakeMonitor(answers: number, pids: number[] = [4242]) {
    let asked = 0;
    const streams = new Set<http.ServerResponse>();
    const metrics = (n: number): ProcessMetrics => ({
      pid: pids[Math.min(n, pids.length - 1)]!,
      arm: "rest-node",
      cpuUserUs: 1_000_000 + n * 10_000,
      cpuSystemUs: 100_000,
      rssBytes: 50 * 1024 * 1024,
      peakRssBytes: 60 * 1024 * 1024,
      callsServed: n * 10,
      uptimeMs: 1000 + n,
      nodeVersion: process.version,
      hostCpus: 2,
    });
    const server = http.createServer((req, res) => {
      if (req.url === MONITOR_HTTP_PATH) {
        const n = asked++;
        if (n >= answers) {
          for (const s of streams) s.destroy();
          res.writeHead(503).end();
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(processMetricsToJson(metrics(n))));
        return;
      }
      if (req.url?.startsWith(`${MONITOR_HTTP_PATH}?`)) {
        if (asked >= answers) {
          res.writeHead(503).end();
          return;
        }
        streams.add(res);
        res.writeHead(200, { "content-type": "application/x-ndjson" });
        res.write(`${JSON.stringify(processMetricsToJson(metrics(asked)))}\n`);
        res.once("close", () => streams.delete(res));
        return;
      }
      res.writeHead(404).end();
    });
    return {
      server,
      listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
      close: () => {
        for (const s of streams) s.destroy();
        server.close();
      },
    };
  }

  const meter = { snapshot: () => ({ read: 0, written: 0 }) } as unknown as SocketBytesMeter;

  it("windows after the failure have no server figures and say why; the server is not declared dead", async () => {
    // snapshots: 1 at open, then one per window edge (3 windows: 4 edges); the 4th request on fails
    const fake = fakeMonitor(3);
    const target = await fake.listen();
    const remote = await openRemoteServer(remoteArm("rest-node", target));
    try {
      assert.equal(remote.notMeasuredReason, null);
      const run = await measureWindows({ generator: new TickingGenerator(), plan: { warmupS: 0, durationS: 0.05, repetitions: 3 }, server: remote, meter });
      assert.equal(run.endReason, "completed", run.failure);
      assert.equal(run.windows.length, 3);
      const [first, second, third] = run.windows as [NonNullable<(typeof run.windows)[0]>, NonNullable<(typeof run.windows)[0]>, NonNullable<(typeof run.windows)[0]>];
      assert.equal(first.serverMetrics, "monitor");
      assert.ok(first.serverCpuUsPerCall !== null && first.serverCpuUsPerCall > 0);
      assert.equal(first.serverCallsServed, 10);
      for (const w of [second, third]) {
        assert.equal(w.serverCpuUsPerCall, null);
        assert.match(w.serverMetricsNote ?? "", /no snapshot at the window's end: the monitor did not answer .*503/);
      }
      assert.equal(remote.alive, true);
    } finally {
      await remote.stop();
      fake.close();
    }
  });

  it("a remote process replaced between two edges: no CPU figure for that window, and the restart is said", async () => {
    const fake = fakeMonitor(100, [4242, 4242, 4343]);
    const target = await fake.listen();
    const remote = await openRemoteServer(remoteArm("rest-node", target));
    try {
      const run = await measureWindows({ generator: new TickingGenerator(), plan: { warmupS: 0, durationS: 0.05, repetitions: 1 }, server: remote, meter });
      const w = run.windows[0]!;
      assert.equal(w.serverCpuUsPerCall, null);
      assert.match(w.serverMetricsNote ?? "", /process changed during the window \(pid 4242.*pid 4343/);
      assert.equal(run.endReason, "completed");
    } finally {
      await remote.stop();
      fake.close();
    }
  });
});

describe("TLS: the monitor clients speak it with the run's trust", () => {
  const ARMS = ["grpc", "rest", "json-h2"] as const;
  const served = new Map<string, Served>();
  before(async () => {
    for (const [i, s] of (await Promise.all(ARMS.map((id) => serve(id, ["--tls"])))).entries()) served.set(ARMS[i]!, s);
  });
  after(() => {
    setRunTlsTrust({ ca: null, insecure: false });
    for (const s of served.values()) stopServed(s);
  });

  for (const id of ARMS) {
    it(`${id} over TLS (grpcs:// or https://, ALPN h2 on HTTP/2)`, async () => {
      const s = served.get(id)!;
      assert.ok(s.certPath !== null, "serve --tls names its certificate");
      setRunTlsTrust({ ca: readFileSync(s.certPath, "utf8"), insecure: false });
      resetHandshakeTallies();
      const meter = new SocketBytesMeter();
      const remote = await openRemoteServer(remoteArm(id, targetOf(id, s.address, true)));
      try {
        assert.equal(remote.notMeasuredReason, null, remote.caveats.join("; "));
        assert.equal(remote.pid, s.child.pid);
        assert.ok((await remote.memory()).rssMb > 0);
        // the monitor's TLS connections: no bytes metered, no handshake in the run's tally
        assert.deepEqual(meter.snapshot(), { read: 0, written: 0 });
        assert.deepEqual([...handshakeTallies().keys()], []);
      } finally {
        meter.dispose();
        await remote.stop();
      }
    });
  }
});

describe("TLS and a token: the gRPC monitor", () => {
  let served: Served | undefined;
  before(async () => {
    served = await serve("grpc", ["--tls", "--token", "s3cret"]);
  });
  after(() => {
    setRunTlsTrust({ ca: null, insecure: false });
    stopServed(served);
  });

  it("grpcs:// with the token is measured; without it not measured (UNAUTHENTICATED); an untrusted certificate gives no figures", async () => {
    const s = served!;
    const arm = remoteArm("grpc", targetOf("grpc", s.address, true));
    setRunTlsTrust({ ca: readFileSync(s.certPath!, "utf8"), insecure: false });
    const allowed = await openRemoteServer(arm, { token: "s3cret" });
    try {
      assert.equal(allowed.notMeasuredReason, null, allowed.caveats.join("; "));
      assert.equal(allowed.pid, s.child.pid);
      const cpu = await allowed.cpuUsage();
      assert.ok(cpu.user + cpu.system > 0);
    } finally {
      await allowed.stop();
    }
    const refused = await openRemoteServer(arm, { token: null });
    assert.match(refused.notMeasuredReason ?? "", /UNAUTHENTICATED/);
    await refused.stop();
    setRunTlsTrust({ ca: null, insecure: false });
    const untrusted = await openRemoteServer(arm, { token: "s3cret" });
    try {
      assert.ok(untrusted.caveats.some((c) => /its monitor did not answer .*self-signed certificate/.test(c)), JSON.stringify(untrusted.caveats));
    } finally {
      await untrusted.stop();
    }
  });
});

describe("the gateway's monitor", { skip: process.platform !== "linux" && "reads /proc" }, () => {
  it("reports the gateway and its own grpc upstream together, as the harness sums them for a local gateway", async () => {
    const gateway = await serve("gateway");
    try {
      const remote = await openRemoteServer(remoteArm("gateway", `http://${gateway.address}`));
      try {
        const pid = gateway.child.pid!;
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
        assert.equal(children.length, 1, "the gateway started one upstream process");
        const rssBytes = (p: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, "utf8"))![1]) * 1024;
        const own = rssBytes(pid);
        const both = own + rssBytes(children[0]!);
        const m = await remote.snapshot();
        assert.equal(m.pid, pid);
        // sizes, not times: the sum is about twice one process; a monitor reporting the gateway alone would be ~own
        assert.ok(m.rssBytes > own * 1.4 && m.rssBytes < both * 1.5, `monitor RSS ${m.rssBytes} vs gateway ${own} + upstream = ${both}`);
      } finally {
        await remote.stop();
      }
    } finally {
      stopServed(gateway);
    }
  });
});

describe("the writers: a remote target's server figures", () => {
  /** A load-only sample report in which rest is a remote target without a monitor and grpc one with a monitor. */
  function remoteReport() {
    const report = sampleReport({ families: ["load"] });
    const noMonitor = "server CPU and memory not measured: the target offers no monitor (GET /v1/monitor over HTTP/1.1 answered 404: no monitor endpoint)";
    const monitor = "server CPU and memory through its monitor endpoint (gRPC /grb.monitor.v1.Monitor/Watch): the whole remote process";
    report.arms = report.arms.map((a) => (a.id === "rest" ? { ...a, target: "http://10.1.2.3:8080" } : a.id === "grpc" ? { ...a, target: "grpc://10.1.2.4:50051" } : a));
    for (const r of report.load) {
      const entries = [r, ...r.repetitions];
      if (r.arm === "rest") for (const m of entries) Object.assign(m, { serverCpuUsPerCall: null, serverPeakRssMb: null, serverMetrics: "not-measured", serverMetricsNote: noMonitor });
      if (r.arm === "grpc") for (const m of entries) Object.assign(m, { serverMetrics: "monitor", serverMetricsNote: monitor, serverPeakRssScope: "window-sampled" });
    }
    return { report, noMonitor };
  }

  it("the schema takes serverMetrics, its note and the sampled scope", () => {
    const { report } = remoteReport();
    assert.doesNotThrow(() => validateReport(JSON.parse(JSON.stringify(report))));
  });

  it("report.html says not measured, with why, where a figure is missing; never a bare dash", async () => {
    const { report, noMonitor } = remoteReport();
    const html = await renderHtml(report);
    assert.ok(html.includes(`title="${noMonitor}">not measured</span>`), "the CPU table's cell says not measured, with why as its tooltip");
    assert.match(html, /Remote targets — /);
    assert.match(html, /\(sampled\)/, "a sampled peak RSS says so");
  });

  it("summary.md says not measured in the CPU column and lists where remote figures came from", () => {
    const { report } = remoteReport();
    const md = renderSummary(report);
    // the load table's rows: call | size | arm | …
    const restRows = md.split("\n").filter((l) => /^\| \w+ \| (small|medium|large|xlarge) \| REST \(express\) \|/.test(l));
    assert.ok(restRows.length > 0);
    for (const row of restRows) assert.match(row, /\| not measured \|/);
    assert.match(md, /Server figures of remote targets:\n(- .*\n)*- REST \(express\): server CPU and memory not measured: the target offers no monitor/);
  });
});
