// A server process that dies during a run is reported, never silent (fairness rule 8): which arm and process, how
// and when it ended, what it was serving (that scenario failed, its broken calls counted by code), whether a new
// server took over; the run ends "failed", the CLI exits 1, and report.json, report.html and summary.md say so.
// Servers the harness stops on purpose are not deaths. No assertion is on timing.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { analyzeReport } from "../bench/analysis/analyze-report.js";
import { serverExitCaveat } from "../bench/analysis/server-exit-caveats.js";
import type { Family, FamilyContext } from "../bench/family.js";
import type { CallSink } from "../bench/load/call-sink.js";
import type { LoadGenerator } from "../bench/load/load-generator.js";
import { measureWindows } from "../bench/load/measure-windows.js";
import { FAMILIES, type FamilyName, type Report } from "../bench/model/report.js";
import type { FamilyServerExit, ServerExit } from "../bench/model/server-exit.js";
import { startFamilyServers } from "../bench/family-servers.js";
import { BenchRun, runArms, type FamilyLoaders, type ProgressEvent } from "../bench/orchestrator.js";
import { resolveRunOptions } from "../bench/run-options.js";
import { ServerExitWatch } from "../bench/server-process/server-exit-watch.js";
import { startServerProcess, type ServerExitStatus, type ServerProcess } from "../bench/server-process/server-process.js";
import type { SocketBytesMeter } from "../bench/wire/socket-bytes-meter.js";
import { renderHtml } from "../reports/html/render-html.js";
import { renderSummary } from "../reports/markdown/render-summary.js";
import { readReport, validateReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";

const SERVER_EXIT_LOAD = resolve("test/fixtures/server-exit-load-family.ts");

/** A ServerProcess whose exit the test triggers: no process behind it. */
class FakeServer implements ServerProcess {
  readonly api = "rest" as const;
  readonly host = "127.0.0.1";
  readonly port = 0;
  readonly pinnedCpus = null;
  readonly target = "http://127.0.0.1:0";
  readonly caveats: readonly string[] = [];
  exitStatus: ServerExitStatus | null = null;
  private readonly listeners: ((status: ServerExitStatus) => void)[] = [];
  constructor(
    readonly arm: string,
    readonly pid: number,
  ) {}
  get alive(): boolean {
    return this.exitStatus === null;
  }
  onExit(listener: (status: ServerExitStatus) => void): void {
    if (this.exitStatus !== null) listener(this.exitStatus);
    else this.listeners.push(listener);
  }
  exit(status: Omit<ServerExitStatus, "at">): void {
    this.exitStatus = { ...status, at: new Date() };
    for (const listener of this.listeners.splice(0)) listener(this.exitStatus);
  }
  cpuUsage = async () => ({ user: 0, system: 0 });
  memory = async () => ({ rssMb: 0, peakRssMb: 0 });
  stop = async () => this.exit({ code: 0, signal: null, stopped: true });
}

const sampleExit = (over: Partial<ServerExit> = {}): ServerExit => ({
  arm: "rest-node",
  pid: 4242,
  family: "load",
  code: null,
  signal: "SIGKILL",
  at: "2025-01-01T00:00:12.300Z",
  runElapsedS: 12.3,
  during: { scenario: "rest-node/GetUser/small/server/closed/c32", repetition: 2 },
  replacement: { pid: 4343, startedAt: "2025-01-01T00:00:13.000Z" },
  ...over,
});

describe("ServerProcess: how the child ended", () => {
  it("a child killed from outside: signal, not stopped, reported to onExit listeners before and after the exit", async () => {
    const server = await startServerProcess({ arm: "rest-node" });
    const seen = new Promise<ServerExitStatus>((resolve) => server.onExit(resolve));
    process.kill(server.pid, "SIGKILL");
    const status = await seen;
    assert.equal(status.signal, "SIGKILL");
    assert.equal(status.code, null);
    assert.equal(status.stopped, false);
    assert.equal(server.alive, false);
    assert.deepEqual(server.exitStatus, status);
    const late = await new Promise<ServerExitStatus>((resolve) => server.onExit(resolve));
    assert.deepEqual(late, status, "a listener added after the exit still hears of it");
    await server.stop(); // a no-op on a dead server
  });

  it("a child the harness stops is marked stopped: not a death", async () => {
    const server = await startServerProcess({ arm: "rest-node" });
    const seen = new Promise<ServerExitStatus>((resolve) => server.onExit(resolve));
    await server.stop();
    const status = await seen;
    assert.equal(status.stopped, true);
    assert.equal(server.alive, false);
  });
});

describe("ServerExitWatch", () => {
  it("names the scenario loading the server when it died, and the server started in its place", async () => {
    const reports: FamilyServerExit[] = [];
    const watch = new ServerExitWatch((exit) => reports.push(exit));
    const dead = new FakeServer("rest", 100);
    watch.watch(dead);
    await watch.measuring(dead, { scenario: "rest/GetUser/small/server/closed/c4", repetition: 1 }, async () => {
      dead.exit({ code: null, signal: "SIGKILL", stopped: false });
    });
    assert.equal(reports.length, 1);
    assert.deepEqual({ ...reports[0], at: undefined }, {
      arm: "rest",
      pid: 100,
      code: null,
      signal: "SIGKILL",
      at: undefined,
      during: { scenario: "rest/GetUser/small/server/closed/c4", repetition: 1 },
      replacement: null,
    });
    assert.deepEqual(watch.exitOf(dead), reports[0]);

    const next = new FakeServer("rest", 101);
    watch.watch(next);
    watch.replaced(dead, next);
    assert.equal(reports.length, 2, "the record is sent again, complete");
    assert.equal(reports[1]?.pid, 100);
    assert.equal(reports[1]?.replacement?.pid, 101);
  });

  it("a server that dies between its scenarios is reported as idle; one stopped on purpose is not reported", async () => {
    const reports: FamilyServerExit[] = [];
    const watch = new ServerExitWatch((exit) => reports.push(exit));
    const idle = new FakeServer("grpc", 200);
    const stopped = new FakeServer("rest", 201);
    watch.watch(idle);
    watch.watch(stopped);
    await watch.measuring(idle, { scenario: "earlier", repetition: null }, async () => {});
    idle.exit({ code: 1, signal: null, stopped: false });
    await stopped.stop();
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.pid, 200);
    assert.equal(reports[0]?.code, 1);
    assert.equal(reports[0]?.during, null);
    assert.equal(watch.exitOf(stopped), null);
    watch.replaced(stopped, new FakeServer("rest", 202));
    assert.equal(reports.length, 1, "no record for a server stopped on purpose, replaced or not");
  });
});

describe("startFamilyServers (multiplex, compression, stream)", () => {
  it("reports a server of the set that dies against the family's case; the ones it stops are not reported", async () => {
    const reports: FamilyServerExit[] = [];
    const exits = new ServerExitWatch((exit) => reports.push(exit));
    const servers = await startFamilyServers({ arms: runArms({ arms: ["grpc", "rest-node"], targets: {} }), pinClient: false, exits });
    try {
      const victim = servers.get("rest-node")?.process;
      assert.ok(victim);
      await exits.measuring(victim, { scenario: "rest-node rest-keepalive inFlight 4", repetition: null }, async () => {
        const gone = new Promise<void>((resolve) => victim.onExit(() => resolve()));
        process.kill(victim.pid, "SIGKILL");
        await gone;
      });
    } finally {
      await servers.stop();
    }
    assert.equal(reports.length, 1, JSON.stringify(reports));
    assert.equal(reports[0]?.arm, "rest-node");
    assert.equal(reports[0]?.signal, "SIGKILL");
    assert.deepEqual(reports[0]?.during, { scenario: "rest-node rest-keepalive inFlight 4", repetition: null });
    assert.equal(reports[0]?.replacement, null, "a family's set is never restarted");
  });
});

/** Reports `errors` failed calls the moment it starts (that is, during warm-up), then nothing. */
class FailingAtStart implements LoadGenerator {
  constructor(private readonly errors: Record<string, number>) {}
  start(sink: CallSink): void {
    for (const [code, n] of Object.entries(this.errors)) for (let i = 0; i < n; i++) sink.error(code);
  }
  async stop(): Promise<void> {}
}

describe("measureWindows on a server that died", () => {
  it("fails the run, names the signal, and counts the calls that broke during warm-up by code", async () => {
    const server = new FakeServer("rest", 300);
    server.exit({ code: null, signal: "SIGKILL", stopped: false });
    const meter = { snapshot: () => ({ read: 0, written: 0 }) } as unknown as SocketBytesMeter;
    const run = await measureWindows({ generator: new FailingAtStart({ reset: 3, refused: 2 }), plan: { warmupS: 5, durationS: 5, repetitions: 2 }, server, meter });
    assert.equal(run.endReason, "failed");
    assert.match(run.failure ?? "", /server process rest \(pid 300\) exited with signal SIGKILL during the run/);
    assert.equal(run.windows.length, 1, "the run stops at the first window");
    const window = run.windows[0];
    assert.ok(window);
    assert.deepEqual(window.errors, { total: 5, byCode: { refused: 2, reset: 3 } });
    assert.equal(window.throughputRps, 0, "a failed window never looks fast");
  });

  it("a run that completes keeps warm-up calls out of its windows", async () => {
    const meter = { snapshot: () => ({ read: 0, written: 0 }) } as unknown as SocketBytesMeter;
    const run = await measureWindows({ generator: new FailingAtStart({ reset: 3 }), plan: { warmupS: 0.05, durationS: 0.05, repetitions: 1 }, server: null, meter });
    assert.equal(run.windows[0]?.errors.total, 0);
  });
});

function loadersWith(run: (ctx: FamilyContext) => Promise<void>): FamilyLoaders {
  const make = (name: FamilyName): (() => Promise<Family>) => async () => ({ name, describe: `stand-in ${name}`, run: name === "load" ? run : async () => {} });
  return Object.fromEntries(FAMILIES.map((f) => [f, make(f)])) as FamilyLoaders;
}

function newRun(family: (ctx: FamilyContext) => Promise<void>, events: ProgressEvent[] = []) {
  const sample = sampleReport({ analyze: false });
  return new BenchRun(resolveRunOptions(["--only", "load"]), {
    loaders: loadersWith(family),
    environment: sample.environment,
    tool: { name: "grpc-rest-bench", version: "0.0.0-test" },
    signal: new AbortController().signal,
    onProgress: (e) => events.push(e),
  });
}

describe("orchestrator: report.serverExits", () => {
  it("keeps one record per process (the family's later call adds the replacement), ends the run failed and names it in the caveats", async () => {
    const events: ProgressEvent[] = [];
    const at = new Date().toISOString();
    const exit: FamilyServerExit = { arm: "rest", pid: 500, code: null, signal: "SIGKILL", at, during: { scenario: "rest/GetUser/small/server/closed/c4", repetition: 1 }, replacement: null };
    const report = await newRun(async (ctx) => {
      ctx.serverExit(exit);
      ctx.serverExit({ ...exit, replacement: { pid: 501, startedAt: new Date().toISOString() } });
    }, events).run();
    validateReport(report);
    assert.equal(report.serverExits?.length, 1);
    const recorded = report.serverExits?.[0];
    assert.ok(recorded);
    assert.equal(recorded.family, "load");
    assert.equal(recorded.replacement?.pid, 501);
    assert.ok(Number.isFinite(recorded.runElapsedS));
    assert.equal(report.endReason, "failed");
    assert.equal(report.families[0]?.endReason, "completed", "the family ran to its end; the run is what is not clean");
    assert.ok(report.caveats.includes(serverExitCaveat(recorded)));
    assert.equal(events.filter((e) => e.kind === "warning" && /server rest \(pid 500\) exited with signal SIGKILL/.test(e.text)).length, 1, "one warning as it happens");
  });

  it("a run whose servers all lived: an empty list and a completed run", async () => {
    const report = await newRun(async () => {}).run();
    assert.deepEqual(report.serverExits, []);
    assert.equal(report.endReason, "completed");
  });
});

describe("server exits in the caveats and the writers", () => {
  it("the caveat names the arm, process, signal, time, scenario and the restart", () => {
    assert.equal(
      serverExitCaveat(sampleExit()),
      "server rest-node (pid 4242) exited with signal SIGKILL at 2025-01-01T00:00:12.300Z (12.3 s into the run), during load rest-node/GetUser/small/server/closed/c32 (repetition 2), which failed; " +
        "a new server (pid 4343) was started for the remaining scenarios: figures before and after come from different processes",
    );
    const idle = serverExitCaveat(sampleExit({ code: 1, signal: null, during: null, replacement: null, family: "stream" }));
    assert.match(idle, /exited with exit code 1 at .*, while idle between its stream scenarios; no server was started in its place/);
  });

  it("report.html shows a table of them at the top and in the environment; summary.md lists them under the caveats", async () => {
    const report = analyzeReport({ ...sampleReport({ analyze: false }), endReason: "failed", serverExits: [sampleExit()] });
    validateReport(report);
    const html = await renderHtml(report);
    assert.match(html, /<div class="caveat-box" id="server-exits"><h3>Server processes that died during the run<\/h3>/);
    assert.match(html, /a server process died during the run/);
    assert.match(html, /signal SIGKILL/);
    assert.match(html, /new server pid 4343: figures before and after come from different processes/);
    assert.match(html, /<dt>Server processes that died<\/dt><dd>rest-node \(pid 4242, signal SIGKILL, load\)/);
    const md = renderSummary(report);
    assert.match(md, /### Server processes that died during the run/);
    assert.match(md, /\| REST \(node:http\) \| 4242 \| \*\*signal SIGKILL\*\* \|/);
    assert.match(md, /new server pid 4343/);
    assert.ok(md.indexOf("Run-wide caveats") < md.indexOf("### Server processes that died"));
  });

  it("a report written before serverExits existed still validates and renders without the block", async () => {
    const { serverExits: _none, ...older } = sampleReport();
    validateReport(older);
    assert.doesNotMatch(await renderHtml(older), /id="server-exits"/);
    assert.doesNotMatch(renderSummary(older), /Server processes that died/);
  });
});

describe("bench CLI: a server killed during the load family", () => {
  const scratch = mkdtempSync(join(tmpdir(), "bench-server-exits-"));
  const out = join(scratch, "run");
  after(() => rmSync(scratch, { recursive: true, force: true }));
  let code: number | null = null;
  let stderr = "";
  let killed: { pid: number; scenario: string; arm: string } | null = null;

  before(
    () =>
      new Promise<void>((done, fail) => {
        const cli = spawn(process.execPath, ["--import", "tsx", "bench/cli.ts", "--arms", "rest,grpc", "--only", "load", "--out", out], {
          env: { ...process.env, GRPC_REST_BENCH_TEST_FAMILIES: SERVER_EXIT_LOAD },
          stdio: ["ignore", "pipe", "pipe"],
        });
        const guard = setTimeout(() => cli.kill("SIGINT"), 150_000);
        let starting: { pid: number; scenario: string; arm: string } | null = null;
        let pending = "";
        cli.stderr.setEncoding("utf8");
        cli.stderr.on("data", (chunk: string) => {
          stderr += chunk;
          pending += chunk;
          const lines = pending.split("\n");
          pending = lines.pop() ?? "";
          for (const line of lines) {
            // the first scenario of round 1 (the first arm in run order): its server's pid, then its first progress line under load
            const start = / round 1\/2 1\/2 (load\/([a-z0-9-]+)\/\S+) starting \(server pid (\d+)\)/.exec(line);
            if (start) starting = { scenario: start[1] as string, arm: start[2] as string, pid: Number(start[3]) };
            if (killed === null && starting !== null && line.includes(` round 1/2 1/2 ${starting.scenario} warm-up`)) {
              // Only the server this CLI started: its child, as /proc says (else the test fails below, killing nothing).
              const ppid = Number(readFileSync(`/proc/${starting.pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
              if (ppid === cli.pid) {
                process.kill(starting.pid, "SIGKILL");
                killed = starting;
              }
            }
          }
        });
        cli.on("error", fail);
        cli.on("close", (exitCode) => {
          clearTimeout(guard);
          code = exitCode;
          done();
        });
      }),
  );

  it("killed the first arm's server mid-scenario (found from the progress output)", () => {
    assert.ok(killed !== null, `no progress line to kill on:\n${stderr}`);
  });

  it("exits 1 and still writes report.json, report.html and summary.md", () => {
    assert.equal(code, 1, stderr);
    for (const file of ["report.json", "report.html", "summary.md"]) assert.ok(existsSync(join(out, file)), file);
    assert.ok(killed !== null);
    assert.match(stderr, new RegExp(`bench: failed in .*; server died: ${killed.arm} \\(pid ${killed.pid}, signal SIGKILL\\)`));
  });

  it("report.serverExits names the arm, the signal, the scenario and repetition in flight, and the new server", () => {
    const report: Report = readReport(join(out, "report.json"));
    assert.ok(killed !== null);
    assert.equal(report.endReason, "failed");
    assert.equal(report.serverExits?.length, 1, JSON.stringify(report.serverExits));
    const exit = report.serverExits?.[0];
    assert.ok(exit);
    assert.equal(exit.arm, killed.arm);
    assert.equal(exit.pid, killed.pid);
    assert.equal(exit.signal, "SIGKILL");
    assert.equal(exit.code, null);
    assert.equal(exit.family, "load");
    assert.deepEqual(exit.during, { scenario: killed.scenario, repetition: 1 });
    assert.ok(exit.replacement !== null, "round 2 ran on a new server");
    assert.notEqual(exit.replacement.pid, killed.pid);
    assert.ok(Number.isFinite(exit.runElapsedS) && exit.runElapsedS >= 0);
  });

  it("the scenario in flight failed with the broken calls counted by code; the other arm did not", () => {
    const report: Report = readReport(join(out, "report.json"));
    assert.ok(killed !== null);
    const hit = report.load.find((e) => e.scenario === killed?.scenario);
    assert.ok(hit);
    assert.equal(hit.endReason, "failed");
    assert.equal(hit.repetitions.length, 2, "round 1 (killed) and round 2 (on the new server)");
    const first = hit.repetitions[0];
    assert.ok(first);
    assert.equal(first.endReason, "failed");
    assert.match(first.failure ?? "", /exited with signal SIGKILL during the run/);
    assert.ok(first.errors.total > 0, JSON.stringify(first.errors));
    assert.equal(
      Object.values(first.errors.byCode).reduce((a, b) => a + b, 0),
      first.errors.total,
      "every broken call is counted under a code",
    );
    assert.equal(hit.repetitions[1]?.endReason, "completed", "round 2 measured the new server");
    assert.ok(
      hit.notes?.some((n) => new RegExp(`^measured on a new server process \\(pid ${report.serverExits?.[0]?.replacement?.pid}\\) after pid ${killed?.pid} exited with signal SIGKILL at `).test(n)),
      `the entry says which process served its later repetitions: ${JSON.stringify(hit.notes)}`,
    );
    const other = report.load.find((e) => e.arm !== killed?.arm);
    assert.ok(other);
    assert.equal(other.endReason, "completed", other.failure);
    assert.ok(!other.notes?.some((n) => n.startsWith("measured on a new server process")));
  });

  it("a caveat names the death and the restart; report.html and summary.md show it", () => {
    const report: Report = readReport(join(out, "report.json"));
    assert.ok(killed !== null);
    const caveat = report.caveats.find((c) => c.startsWith(`server ${killed?.arm} (pid ${killed?.pid}) exited with signal SIGKILL at `));
    assert.ok(caveat, report.caveats.join("\n"));
    assert.match(caveat, new RegExp(`during load ${killed.scenario.replace(/[/.]/g, "\\$&")} \\(repetition 1\\), which failed; a new server \\(pid \\d+\\) was started for the remaining scenarios: figures before and after come from different processes`));
    const html = readFileSync(join(out, "report.html"), "utf8");
    assert.match(html, /id="server-exits"/);
    assert.match(html, /signal SIGKILL/);
    const md = readFileSync(join(out, "summary.md"), "utf8");
    assert.match(md, /### Server processes that died during the run/);
    assert.match(md, /\*\*signal SIGKILL\*\*/);
  });
});
