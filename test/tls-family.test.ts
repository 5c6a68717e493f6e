// The tls family at a tiny budget against real servers it starts itself (rest and grpc, each cleartext and TLS, as
// child processes on loopback): every way of connecting makes calls without errors, the modes' windows are
// interleaved in ABBA order after every mode warmed up its own way, a full-handshake case resumes nothing, a resumed
// case resumes (after the lanes' first full handshakes), keep-alive shakes hands once per lane, server CPU per call
// is read, TLS vs cleartext has both throughputs; the entries match the result model, the findings read them (the
// resumed / full ratio paired by round), and the HTML and Markdown writers say where a session was resumed, that the
// windows were interleaved, and "not measured" for a missing server figure. The client's connect errors keep their
// codes (refused, a certificate's). No timing assertions.
import assert from "node:assert/strict";
import net from "node:net";
import tls from "node:tls";
import { after, before, describe, it } from "node:test";
import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { runTlsFamily } from "../bench/families/tls.js";
import { computeFindings } from "../bench/analysis/analyze-report.js";
import type { FamilyContext } from "../bench/family.js";
import type { Arm } from "../bench/model/arm.js";
import { TlsResult, type TlsConnectionMode, type TlsConnectionResult, type TlsVersusCleartextResult } from "../bench/model/tls-result.js";
import { ConnectionCostTransport, type ConnectionCostOptions } from "../bench/tls-cost/connection-cost-transport.js";
import { abbaOrder } from "../bench/load/paired-rounds.js";
import type { TlsCostPlan } from "../bench/tls-cost/tls-cost-plan.js";
import { findArm } from "../servers/registry.js";
import { describeArm } from "../servers/server-arm.js";
import { renderHtml } from "../reports/html/render-html.js";
import { renderSummary } from "../reports/markdown/render-summary.js";
import { tlsFindings } from "../bench/analysis/tls-findings.js";
import { armDirectory } from "../reports/finding-kind.js";
import { tlsMarkdown } from "../reports/markdown/tls-summary.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { sampleReportForHtml } from "./fixtures/sample-report-for-html.js";

if (!FormatRegistry.Has("date-time")) FormatRegistry.Set("date-time", (v) => !Number.isNaN(Date.parse(v)));

const LANES = 2;

const plan: TlsCostPlan = {
  payload: "small",
  lanes: [LANES],
  connection: { warmupS: 0.05, windowWarmupS: 0.02, windowS: 0.1, rounds: 3, maxCalls: 10_000, timeoutMs: 5_000 },
  serverWarmUp: { minCalls: 100, maxS: 0.2 },
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

  it("an arm's modes are measured together: every window in its round, the rounds in ABBA order", () => {
    const order: TlsConnectionMode[] = ["tls-full", "tls-resumed", "tls-keepalive", "tcp-per-call", "tcp-keepalive"];
    for (const id of ["rest", "grpc"]) {
      const mine = connections().filter((e) => e.arm === id);
      for (const e of mine) {
        assert.deepEqual(e.interleaving, { modes: order, rounds: plan.connection.rounds, windowWarmupS: plan.connection.windowWarmupS }, `${id} ${e.mode}`);
        assert.equal(e.repetitions.length, plan.connection.rounds, `${id} ${e.mode}`);
        if (e.tls) {
          // each window's handshakes, adding up to the case's
          const byWindow = e.handshakesByWindow ?? [];
          assert.equal(byWindow.length, e.repetitions.length);
          assert.equal(byWindow.reduce((n, h) => n + h.full + h.resumed, 0), e.handshakes!.full + e.handshakes!.resumed);
        } else assert.equal(e.handshakesByWindow, undefined);
        assert.match(e.note, /windows interleaved with/);
      }
      // within each round the windows started in the round's order, and every round after the one before
      const byMode = new Map(mine.map((e) => [e.mode, e]));
      let last = -Infinity;
      for (let round = 0; round < plan.connection.rounds; round++) {
        for (const mode of abbaOrder(order, round)) {
          const start = Date.parse(byMode.get(mode)!.repetitions[round]!.startedAt);
          assert.ok(start >= last, `${id} round ${round} ${mode}`);
          last = start;
        }
      }
    }
  });

  it("every per-call mode warmed its own connection path before the windows: full handshakes for tls-full, resumed for tls-resumed", () => {
    for (const id of ["rest", "grpc"]) {
      const full = connections().find((e) => e.arm === id && e.mode === "tls-full")!;
      const resumed = connections().find((e) => e.arm === id && e.mode === "tls-resumed")!;
      assert.ok(full.warmupHandshakes !== null && full.warmupHandshakes.full > LANES, `${id}: ${JSON.stringify(full.warmupHandshakes)}`);
      assert.ok(resumed.warmupHandshakes !== null && resumed.warmupHandshakes.resumed > 0, `${id}: ${JSON.stringify(resumed.warmupHandshakes)}`);
      for (const e of [full, resumed]) assert.match(e.note, /warmed up first with \d+ calls/);
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
    const resumption = claims.find((f) => f.id === "claim:tls-resumption-saves-server-cpu")!;
    assert.ok(resumption.caveats.some((c) => /interleaved in 3 rounds \(ABBA order\).*paired by round/.test(c)), resumption.caveats.join(" | "));
    const page = await renderHtml(report);
    assert.match(page, /id="tls"/);
    assert.match(page, /data-resumed="\d+"/);
    assert.match(page, /session resumed on \d+ of \d+/);
    const summary = renderSummary(report);
    assert.match(summary, /### TLS: what a connection costs/);
    assert.match(summary, /\*\*\(session resumed on \d+ of \d+\)\*\*/);
    assert.match(page, /their windows were interleaved round by round \(ABBA order\)/);
    assert.match(page, /one per round, interleaved with 4 other modes/);
    assert.match(summary, /windows were interleaved over 3 rounds \(ABBA order\), and ratios between them \(findings\) are paired by round/);
  });
});

describe("tls family client: a failed connect keeps its own code", { timeout: 30_000 }, () => {
  let freePort = 0;
  let tlsServer: tls.Server;
  let tlsPort = 0;

  before(async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    freePort = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const material = await makeSelfSignedCertificate(["127.0.0.1"]);
    tlsServer = tls.createServer({ cert: material.cert, key: material.key }, (socket) => socket.end());
    tlsServer.on("tlsClientError", () => {});
    await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
    tlsPort = (tlsServer.address() as net.AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => tlsServer.close(() => resolve())));

  const oneCall = async (options: Partial<ConnectionCostOptions>): Promise<string | null> => {
    const transport = new ConnectionCostTransport({ host: "127.0.0.1", port: freePort, api: "rest", http: "http/1.1", tls: true, perCall: true, resume: false, lanes: 1, path: "/v1/users/u-1", frame: null, timeoutMs: 5_000, token: null, ...options });
    try {
      return await new Promise<string | null>((resolve) => transport.send(0, resolve));
    } finally {
      await transport.close();
    }
  };

  it("nothing listening: refused over TLS, as over cleartext", async () => {
    assert.equal(await oneCall({ tls: true }), "refused");
    assert.equal(await oneCall({ tls: true, http: "h2", api: "grpc" }), "refused");
    assert.equal(await oneCall({ tls: false }), "refused");
  });

  it("an untrusted certificate: the certificate's own code, not reset", async () => {
    const code = await oneCall({ port: tlsPort, trust: { ca: null, insecure: false } });
    assert.notEqual(code, "reset");
    assert.match(code ?? "", /CERT/);
  });
});

describe("tls findings", () => {
  /** The fixture's connection cases as the family now records them: every mode of an arm in the same interleaved rounds. */
  const interleaved = (tls: TlsResult[]): TlsResult[] => {
    for (const e of tls) if (e.kind === "connection") e.interleaving = { modes: ["tls-full", "tls-resumed", "tls-keepalive", "tcp-per-call", "tcp-keepalive"], rounds: e.repetitions.length, windowWarmupS: 0.1 };
    return tls;
  };
  /** Each round's host speed, multiplying every mode's figures of that round alike: drift a pairing cancels. */
  const drift = [1, 1.9, 0.6, 1.4, 0.8];
  const drifting = (tls: TlsResult[]) => {
    for (const e of tls) {
      if (e.kind !== "connection" || (e.mode !== "tls-full" && e.mode !== "tls-resumed")) continue;
      const base = e.mode === "tls-full" ? 1000 : 800;
      e.repetitions = drift.map((d, i) => ({ ...(e.repetitions[i % e.repetitions.length]!), serverCpuUsPerCall: base * d * (i % 2 === 0 ? 1.01 : 0.99) }));
    }
    return tls;
  };
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

  it("resumption, interleaved: the ratio is paired by round, so the host's drift cancels and the caveat says so", () => {
    const paired = resumption(interleaved(drifting(sampleReportForHtml().tls!)));
    assert.equal(paired.verdict, "supported");
    assert.ok(paired.ratio !== null && Math.abs(paired.ratio - 0.8) < 0.02, String(paired.ratio));
    assert.ok(paired.caveats.some((c) => /interleaved in 5 rounds \(ABBA order\).*paired by round/.test(c)), paired.caveats.join(" | "));
    assert.ok(!paired.caveats.some((c) => /one after another/.test(c)));
    // the same windows taken as measured one mode after another: the drift is spread, and the CI spans 1
    const unpaired = resumption(drifting(sampleReportForHtml().tls!));
    assert.equal(unpaired.verdict, "no-significant-difference");
    assert.ok(unpaired.caveats.some((c) => /one after another .*unpaired/.test(c)), unpaired.caveats.join(" | "));
  });

  it("resumption, interleaved: no significant difference when the paired rounds cannot tell", () => {
    const tls = interleaved(sampleReportForHtml().tls!);
    for (const arm of ["rest", "grpc", "json-h2"]) likeFull(tls, arm);
    assert.equal(resumption(tls).verdict, "no-significant-difference");
  });

  it("writers: a server CPU that was not measured reads 'not measured', never a dash", async () => {
    const report = sampleReportForHtml();
    const tls = report.tls!;
    for (const e of tls) {
      const m = e.kind === "connection" ? e : e.tls.measurement;
      Object.assign(m, { serverCpuUsPerCall: null, serverMetrics: "not-measured", serverMetricsNote: "no server process or monitor to read" });
    }
    const markdown = tlsMarkdown(report, armDirectory(report));
    assert.match(markdown, /\| tls-full \| [^|]+ \| not measured \|/);
    const page = await renderHtml(report);
    const section = page.slice(page.indexOf('id="tls"'));
    assert.match(section, /title="no server process or monitor to read">not measured</);
    assert.doesNotMatch(markdown, /\| — \|/);
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
