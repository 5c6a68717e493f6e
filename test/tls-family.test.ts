// The tls family at a tiny budget against real servers it starts itself (rest and grpc, each cleartext and TLS, as
// child processes on loopback): every way of connecting makes calls without errors, a full-handshake case resumes
// nothing, a resumed case resumes (after the lanes' first full handshakes), keep-alive shakes hands once per lane,
// server CPU per call is read, TLS vs cleartext has both throughputs; the entries match the result model, the
// findings read them, and the HTML and Markdown writers say where a session was resumed. No timing assertions.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { runTlsFamily } from "../bench/families/tls.js";
import { computeFindings } from "../bench/analysis/analyze-report.js";
import type { FamilyContext } from "../bench/family.js";
import type { Arm } from "../bench/model/arm.js";
import { TlsResult, type TlsConnectionResult, type TlsVersusCleartextResult } from "../bench/model/tls-result.js";
import type { TlsCostPlan } from "../bench/tls-cost/tls-cost-plan.js";
import { findArm } from "../servers/registry.js";
import { describeArm } from "../servers/server-arm.js";
import { renderHtml } from "../reports/html/render-html.js";
import { renderSummary } from "../reports/markdown/render-summary.js";
import { tlsFindings } from "../bench/analysis/tls-findings.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { sampleReportForHtml } from "./fixtures/sample-report-for-html.js";

if (!FormatRegistry.Has("date-time")) FormatRegistry.Set("date-time", (v) => !Number.isNaN(Date.parse(v)));

const LANES = 2;

const plan: TlsCostPlan = {
  payload: "small",
  lanes: [LANES],
  connection: { warmupS: 0.1, windowS: 0.2, windows: 2, maxCalls: 10_000, timeoutMs: 5_000 },
  serverWarmUp: { minCalls: 200, maxS: 0.3 },
  versus: { payloads: ["small"], concurrency: 4, h2Connections: 2, warmupS: 0.1, durationS: 0.2, repetitions: 2, timeoutMs: 5_000 },
  budgetS: 120,
};

const arm = (id: string): Arm => ({ ...describeArm(findArm(id)!), target: null });

describe("tls family", { timeout: 120_000 }, () => {
  const entries: TlsResult[] = [];
  const caveats: string[] = [];
  const exits: unknown[] = [];
  const connections = () => entries.filter((e): e is TlsConnectionResult => e.kind === "connection");
  const versus = () => entries.filter((e): e is TlsVersusCleartextResult => e.kind === "tls-vs-cleartext");

  before(async () => {
    const ctx: FamilyContext = {
      profile: "full",
      signal: AbortSignal.timeout(100_000),
      arms: [arm("rest"), arm("grpc")],
      baseline: "rest",
      record: (section, entry) => {
        assert.equal(section, "tls");
        entries.push(entry as TlsResult);
      },
      caveat: (text) => caveats.push(text),
      leftOut: () => {},
      serverExit: (exit) => exits.push(exit),
      progress: () => {},
    };
    await runTlsFamily(ctx, plan);
  });

  it("records every mode for both arms, and matches the result model", () => {
    assert.deepEqual(exits, []);
    for (const id of ["rest", "grpc"]) {
      const modes = connections()
        .filter((e) => e.arm === id)
        .map((e) => e.mode)
        .sort();
      assert.deepEqual(modes, ["tcp-keepalive", "tcp-per-call", "tls-full", "tls-keepalive", "tls-resumed"], id);
    }
    for (const e of entries) {
      const first = Value.Errors(TlsResult, e).First();
      assert.equal(first, undefined, first ? `${first.path} ${first.message}` : "");
    }
  });

  it("every mode makes calls, without errors, with server CPU per call", () => {
    for (const e of connections()) {
      const what = `${e.arm} ${e.mode}`;
      assert.equal(e.endReason, "completed", `${what}: ${e.failure ?? ""}`);
      assert.ok(e.requests > 0, what);
      assert.equal(e.errors.total, 0, `${what}: ${JSON.stringify(e.errors.byCode)}`);
      assert.ok(e.serverCpuUsPerCall !== null && e.serverCpuUsPerCall > 0, what);
      assert.equal(e.lanes, LANES);
      assert.equal(e.http, e.arm === "grpc" ? "h2" : "http/1.1");
    }
  });

  it("a full-handshake case resumes nothing; a resumed case resumes after the lanes' first handshakes", () => {
    for (const id of ["rest", "grpc"]) {
      const full = connections().find((e) => e.arm === id && e.mode === "tls-full")!;
      const resumed = connections().find((e) => e.arm === id && e.mode === "tls-resumed")!;
      assert.ok(full.handshakes && full.warmupHandshakes);
      assert.equal(full.handshakes.resumed + full.warmupHandshakes.resumed, 0, id);
      assert.equal(full.handshakes.sessionsOffered, 0, id);
      assert.ok(full.handshakes.full > 0, id);
      assert.ok(resumed.handshakes && resumed.warmupHandshakes);
      assert.ok(resumed.handshakes.resumed > 0, `${id}: ${JSON.stringify(resumed.handshakes)}`);
      // only each lane's first connection has no session to offer
      assert.ok(resumed.handshakes.full + resumed.warmupHandshakes.full <= LANES, `${id}: ${JSON.stringify([resumed.warmupHandshakes, resumed.handshakes])}`);
      const alpn = Object.keys(resumed.tlsSeen?.alpn ?? {});
      assert.deepEqual(alpn, [id === "grpc" ? "h2" : "http/1.1"]);
      assert.ok(Object.keys(resumed.tlsSeen?.protocols ?? {}).every((p) => p.startsWith("TLSv1.")));
    }
  });

  it("keep-alive shakes hands once per lane at most; cleartext not at all", () => {
    for (const e of connections()) {
      if (e.mode === "tls-keepalive") {
        const all = e.handshakes!.full + e.handshakes!.resumed + e.warmupHandshakes!.full + e.warmupHandshakes!.resumed;
        assert.ok(all >= 1 && all <= LANES, `${e.arm}: ${all}`);
      }
      if (!e.tls) {
        assert.equal(e.handshakes, null);
        assert.equal(e.tlsSeen, null);
      }
    }
  });

  it("TLS vs cleartext: both throughputs for both arms", () => {
    for (const id of ["rest", "grpc"]) {
      const e = versus().find((v) => v.arm === id);
      assert.ok(e, id);
      assert.ok(e.cleartext.measurement.throughputRps > 0, `${id} cleartext: ${e.cleartext.measurement.failure ?? ""}`);
      assert.ok(e.tls.measurement.throughputRps > 0, `${id} TLS: ${e.tls.measurement.failure ?? ""}`);
      assert.equal(e.cleartext.measurement.errors.total + e.tls.measurement.errors.total, 0, id);
      assert.ok(e.throughput.ratio !== null && e.throughput.ratio > 0);
      assert.match(e.tls.target, id === "grpc" ? /^grpcs:\/\// : /^https:\/\//);
      assert.ok(e.tlsHandshakes !== null && e.tlsHandshakes.full > 0, "the driver's handshakes are tallied");
    }
  });

  it("findings read the entries, and the writers say where a session was resumed", async () => {
    const report = sampleReport({ families: ["load"], analyze: false });
    report.tls = entries;
    const claims = computeFindings(report).filter((f) => f.family === "tls");
    assert.deepEqual(claims.map((f) => f.id).sort(), ["claim:tls-keepalive-costs-little", "claim:tls-resumption-saves-server-cpu"]);
    for (const f of claims) assert.match(f.statement, /rest/);
    const page = await renderHtml(report);
    assert.match(page, /id="tls"/);
    assert.match(page, /data-resumed="\d+"/);
    assert.match(page, /session resumed on \d+ of \d+/);
    const summary = renderSummary(report);
    assert.match(summary, /### TLS: what a connection costs/);
    assert.match(summary, /\*\*\(session resumed on \d+ of \d+\)\*\*/);
  });
});

describe("tls findings", () => {
  const resumption = (tls: TlsResult[]) => tlsFindings(tls, true).find((f) => f.id === "claim:tls-resumption-saves-server-cpu")!;
  const connection = (tls: TlsResult[], arm: string, mode: string) => tls.find((e): e is TlsConnectionResult => e.kind === "connection" && e.arm === arm && e.mode === mode)!;
  /** resumed windows costing what the full ones cost, give or take 5% */
  const likeFull = (tls: TlsResult[], arm: string) => {
    const full = connection(tls, arm, "tls-full");
    const resumed = connection(tls, arm, "tls-resumed");
    resumed.repetitions = resumed.repetitions.map((w, i) => ({ ...w, serverCpuUsPerCall: (full.repetitions[i]!.serverCpuUsPerCall ?? 0) * (i % 2 === 0 ? 1.05 : 0.95) }));
  };

  it("resumption: supported when every arm's CI is below 1", () => {
    const f = resumption(sampleReportForHtml().tls!);
    assert.equal(f.verdict, "supported");
    assert.equal(f.kind, "claim");
    assert.equal(f.family, "tls");
    assert.match(f.statement, /grpc 0\.\d+× \(95% CI/);
  });

  it("resumption: inconclusive when one arm cannot tell, no significant difference when none can", () => {
    const tls = sampleReportForHtml().tls!;
    likeFull(tls, "grpc");
    const one = resumption(tls);
    assert.equal(one.verdict, "inconclusive");
    assert.match(one.verdictDetail ?? "", /grpc/);
    for (const arm of ["rest", "json-h2"]) likeFull(tls, arm);
    assert.equal(resumption(tls).verdict, "no-significant-difference");
  });

  it("no CI with one window a side: insufficient repetitions, never a verdict", () => {
    const tls = sampleReportForHtml().tls!;
    for (const e of tls) if (e.kind === "connection") e.repetitions = e.repetitions.slice(0, 1);
    assert.equal(resumption(tls).verdict, "insufficient-repetitions");
  });

  it("keep-alive: a throughput CI wholly below 0.9 fails the claim", () => {
    const tls = sampleReportForHtml().tls!;
    for (const e of tls) {
      if (e.kind !== "tls-vs-cleartext") continue;
      e.tls.measurement.repetitions = e.cleartext.measurement.repetitions.map((w, i) => ({ ...w, throughputRps: w.throughputRps * (0.5 + i * 0.01) }));
    }
    const f = tlsFindings(tls, true).find((x) => x.id === "claim:tls-keepalive-costs-little")!;
    assert.equal(f.verdict, "not-supported");
    assert.ok(f.ratio !== null && f.ratio < 0.6);
  });
});
