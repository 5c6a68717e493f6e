// compareReports on synthetic reports: what counts as significant, what counts as a regression.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Report } from "../bench/model/report.js";
import jStat from "jstat";
import { fitVariancePrior, pooledLogVariance } from "../bench/analysis/moderated-t.js";
import { compareReports, MICRO_WITHOUT_REPETITIONS, nodeMajor, probabilityText, type CompareRow, type ModeratedRowTest } from "../reports/compare/compare-reports.js";
import { REALISTIC_SPREAD, sampleReport, simulatedRun } from "./fixtures/sample-report.js";

const SCENARIO = "load/rest/server/ListOrders/large/closed/c64";

/** A copy of `report` with one load metric of one scenario multiplied by `factor` in the chosen repetitions. */
function degrade(report: Report, scenario: string, metric: "p50" | "p99", factor: number, repetitions?: number[]): Report {
  const copy = structuredClone(report);
  const s = copy.load.find((x) => x.scenario === scenario)!;
  s.repetitions.forEach((r, i) => {
    if (!repetitions || repetitions.includes(i)) r.latencyMs[metric] *= factor;
  });
  s.latencyMs[metric] *= factor;
  return copy;
}

const row = (rows: CompareRow[], name: string, metric: string) => rows.find((r) => r.name === name && r.metric === metric)!;

/** The row's moderated test (fails the test when the row was not tested). */
function tested(r: CompareRow): ModeratedRowTest {
  assert.equal(r.test.kind, "moderated-t", `${r.name} ${r.metric}: ${JSON.stringify(r.test)}`);
  return r.test as ModeratedRowTest;
}

/** A copy of `report` with one micro entry's repetitions multiplied by `factor`. */
function slowMicro(report: Report, index: number, factor: number): Report {
  const copy = structuredClone(report);
  const m = copy.micro[index]!;
  m.repetitions = m.repetitions!.map((x) => x * factor);
  m.opsPerSec *= factor;
  return copy;
}

const microName = (m: Report["micro"][number]) => `${m.format} ${m.op} ${m.message} ${m.payload}`;

describe("compareReports", () => {
  const base = sampleReport();
  /** base with SCENARIO run as an open loop at `rate` calls/s */
  const openLoopAt = (rate: number): Report => {
    const r = structuredClone(base);
    const s = r.load.find((x) => x.scenario === SCENARIO)!;
    s.mode = "open";
    s.targetRps = rate;
    return r;
  };

  it("a report against itself: no regression, every row ~", () => {
    const result = compareReports(base, base);
    assert.deepEqual(result.regressions, []);
    assert.ok(result.rows.length >= 100);
    assert.ok(result.rows.every((r) => !r.significant && !r.regression));
    assert.match(result.markdown, /No significant regression beyond 10%/);
    const tableRows = result.markdown.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| arm |") && !l.startsWith("| scenario"));
    assert.equal(tableRows.length, result.rows.length);
    assert.ok(tableRows.every((l) => l.includes("| ~ |")));
  });

  it("one latency 50% worse in every repetition (3 vs 3): a regression, named", () => {
    const result = compareReports(base, degrade(base, SCENARIO, "p99", 1.5));
    assert.deepEqual(result.regressions.map((r) => r.name), [`${SCENARIO} p99`]);
    const r = row(result.rows, SCENARIO, "p99");
    const t = tested(r);
    assert.ok(t.q <= 0.05, `q = ${t.q}`);
    assert.ok(Math.abs(r.changePct! - 50) < 1e-9);
    assert.match(result.markdown, new RegExp(`\\| \\+50\\.0% \\| p=${probabilityText(t.p)} q=${probabilityText(t.q)} n=3\\+3 \\| \\*\\*regression\\*\\* \\|`));
    // the other metrics of that scenario are untouched
    assert.equal(row(result.rows, SCENARIO, "p50").significant, false);
  });

  it("the same with 5 vs 5 repetitions (full profile): the moderated t of the textbook, and BH over every tested row", () => {
    const five = sampleReport({ repetitions: 5, profile: "full" });
    const result = compareReports(five, degrade(five, SCENARIO, "p50", 1.5));
    assert.deepEqual(result.regressions.map((r) => r.name), [`${SCENARIO} p50`]);
    const r = row(result.rows, SCENARIO, "p50");
    const t = tested(r);
    // the prior of load p50, fitted to every load p50 row (limma's fitFDist), weighing at most half a row's own 8 df
    const p50Rows = result.rows.filter((x) => x.section === "load" && x.metric === "p50");
    const prior = fitVariancePrior(p50Rows.map((x) => pooledLogVariance(x.base, x.head)!))!;
    assert.equal(prior.how, "estimated");
    assert.ok(prior.df > 0 && prior.df <= 4, `d0 = ${prior.df}`);
    assert.deepEqual(t.prior, { df: prior.df, variance: prior.variance, how: "estimated" });
    // t = Δ of the mean logs / √(s²_mod (1/5 + 1/5)), s²_mod = (d0 s0² + 8 s²) / (d0 + 8), on d0 + 8 df
    const own = pooledLogVariance(r.base, r.head)!;
    const moderated = (prior.df * prior.variance + own.df * own.variance) / (prior.df + own.df);
    const expectedT = Math.log(1.5) / Math.sqrt(moderated * (2 / 5));
    assert.ok(Math.abs(t.t - expectedT) < 1e-9 * expectedT, `${t.t} vs ${expectedT}`);
    assert.equal(t.df, prior.df + 8);
    assert.ok(Math.abs(t.p - 2 * jStat.studentt.cdf(-expectedT, prior.df + 8)) < 1e-12);
    // BH: q = m·p / rank at most, over every tested row of the comparison
    assert.ok(t.q <= (t.p * result.tested) / 1 + 1e-15 && t.q >= t.p);
    assert.ok(Math.abs(t.ratio - 1.5) < 1e-9);
  });

  it("worse in only 2 of 3 repetitions: not significant, so not a regression", () => {
    const result = compareReports(base, degrade(base, SCENARIO, "p99", 1.5, [0, 1]));
    assert.deepEqual(result.regressions, []);
    assert.equal(row(result.rows, SCENARIO, "p99").significant, false);
  });

  it("one repetition a side: shown with ~ and why, not in the table-wide test, never a regression", () => {
    const one = sampleReport({ repetitions: 1 });
    const result = compareReports(one, degrade(one, SCENARIO, "p99", 2));
    assert.deepEqual(result.regressions, []);
    assert.deepEqual(row(result.rows, SCENARIO, "p99").test, { kind: "none", why: "n=1+1: too few to test" });
    assert.equal(result.tested, result.rows.filter((r) => r.section === "micro").length, "only micro rows (6 repetitions) are tested");
  });

  it("windows flagged for heavy CPU steal are left out of the values, and the notes count them", () => {
    const head = degrade(base, SCENARIO, "p99", 1.5, [0, 1]);
    const s = head.load.find((x) => x.scenario === SCENARIO)!;
    s.repetitions[0]!.heavySteal = true;
    s.repetitions[1]!.heavySteal = true;
    const result = compareReports(base, head);
    assert.deepEqual(result.regressions, []);
    assert.equal(row(result.rows, SCENARIO, "p99").head.length, 1);
    assert.ok(result.notes.includes(`${SCENARIO}: windows with heavy CPU steal set aside (base 0, head 2)`));
  });

  it("50% better in every repetition: significant, marked better, not a regression", () => {
    const result = compareReports(base, degrade(base, SCENARIO, "p99", 0.5));
    assert.deepEqual(result.regressions, []);
    assert.ok(row(result.rows, SCENARIO, "p99").significant);
    assert.match(result.markdown, /\| -50\.0% \| p=\S+ q=\S+ n=3\+3 \| better \|/);
  });

  it("a consistent change below the threshold is significant but not a regression", () => {
    // the fixture's repetitions spread ±3% (uniform): 20% is well clear of that, and below a 25% threshold
    const result = compareReports(base, degrade(base, SCENARIO, "p99", 1.2), { thresholdPct: 25, fdr: 0.05 });
    assert.deepEqual(result.regressions, []);
    assert.match(result.markdown, /\+20\.0% \| p=\S+ q=\S+ n=3\+3 \| worse, within 25% \|/);
    assert.equal(result.counts.worseWithinThreshold, 1);
    assert.match(result.markdown, /rows compared: \d+ ~, 0 better, 1 worse within 25%, 0 regressions/);
    assert.equal(compareReports(base, degrade(base, SCENARIO, "p99", 1.2), { thresholdPct: 10, fdr: 0.05 }).regressions.length, 1);
  });

  it("A/A: two runs with independent noise of ±3% never regress at 10%", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      assert.deepEqual(compareReports(sampleReport({ seed }), sampleReport({ seed: seed + 100 })).regressions, [], `seed ${seed}`);
    }
  });

  describe("A/A with realistic noise: log-normal, 5% on throughput, p50, CPU and micro, 17% on p99, every 12th entry 20% on everything", () => {
    const template = sampleReport({ analyze: false });
    const noisy = { every: 12, spread: 0.2 };
    const run = (seed: number) => simulatedRun(template, { seed, noisy });

    it("the simulated table is the one the issue describes: ≥ 100 tested rows, some of them with run-to-run noise beyond 10%", () => {
      const result = compareReports(run(1), run(2));
      assert.ok(result.tested >= 100, `${result.tested} tested rows`);
      assert.ok(result.rows.some((r) => r.section === "micro" && r.test.kind === "moderated-t"), "micro rows are tested");
      // rows whose medians moved more than the 10% threshold by noise alone: the test, not the threshold, must hold them
      const beyond = result.rows.filter((r) => r.test.kind === "moderated-t" && Math.abs(r.changePct!) > 10);
      assert.ok(beyond.length >= 5, `${beyond.length} rows beyond 10%`);
      assert.ok(REALISTIC_SPREAD.p99 >= 0.15 && REALISTIC_SPREAD.throughput === 0.05);
    });

    it("20 seeded pairs: not one regression", () => {
      for (let seed = 1; seed <= 20; seed++) {
        const result = compareReports(run(1000 + 2 * seed), run(1001 + 2 * seed));
        assert.deepEqual(result.regressions, [], `pair ${seed}`);
        assert.match(result.markdown, /No significant regression beyond 10%/);
      }
    });

    it("over 200 seeded pairs, the share with any regression stays below the false discovery rate (5%)", () => {
      let failed = 0;
      let flagged = 0;
      for (let k = 0; k < 200; k++) {
        const result = compareReports(run(5000 + 2 * k), run(5001 + 2 * k));
        if (result.regressions.length > 0) failed++;
        if (result.rows.some((r) => r.significant && r.section !== "sizes")) flagged++;
      }
      // when nothing changed, BH flags any row in at most q = 5% of tables; the threshold leaves a fraction of those
      assert.ok(failed <= 10, `${failed} of 200 A/A comparisons regressed`);
      assert.ok(flagged <= 10, `${flagged} of 200 A/A comparisons flagged a row`);
    });

    it("and in the same noise, a 50% slower p50 and a 30% slower micro entry are still caught", () => {
      let p50 = 0;
      let micro = 0;
      for (let k = 0; k < 20; k++) {
        const b = run(9000 + 2 * k);
        const h = run(9001 + 2 * k);
        const entry = h.micro[5]!;
        if (compareReports(b, degrade(h, SCENARIO, "p50", 1.5)).regressions.some((r) => r.name === `${SCENARIO} p50`)) p50++;
        if (compareReports(b, slowMicro(h, 5, 0.7)).regressions.some((r) => r.name === `${microName(entry)} ops/s`)) micro++;
      }
      // simulated power over 1,000 pairs (reports/README.md): about 90% for the p50 (3 + 3 repetitions at 5%), 100% for micro (6 + 6)
      assert.ok(p50 >= 14, `p50 caught in ${p50} of 20`);
      assert.equal(micro, 20);
    });
  });

  it("most load rows worse on both protocols: still regressions, plus a warning that the machine may be the cause", () => {
    const slow = structuredClone(base);
    for (const s of slow.load) for (const r of s.repetitions) r.latencyMs.p50 *= 2;
    const result = compareReports(base, slow);
    assert.ok(result.regressions.length > 10);
    assert.equal(result.notes.filter((n) => n.includes("machine was busier")).length, 0, "p50 alone is a quarter of the rows");
    for (const s of slow.load) for (const r of s.repetitions) (r.latencyMs.p99 *= 2), (r.throughputRps /= 2);
    const all = compareReports(base, slow);
    assert.ok(all.notes[0]!.includes("the machine was busier during one run"));
    assert.match(all.markdown, /> \[!WARNING\]\n> \d+ of \d+ load rows are significantly worse/);
    assert.ok(!compareReports(base, degrade(base, SCENARIO, "p99", 1.5)).notes.some((n) => n.includes("machine")));
  });

  it("throughput: lower is worse", () => {
    const head = structuredClone(base);
    const s = head.load.find((x) => x.scenario === SCENARIO)!;
    for (const r of s.repetitions) r.throughputRps *= 0.5;
    assert.deepEqual(compareReports(base, head).regressions.map((r) => r.name), [`${SCENARIO} throughput`]);
  });

  it("open loop: no throughput row (the rate is the schedule), latency rows kept", () => {
    const open = openLoopAt(1000);
    const rows = compareReports(open, open).rows.filter((r) => r.name === SCENARIO);
    assert.deepEqual(rows.map((r) => r.metric), ["p50", "p99", "server CPU/call"]);
  });

  it("open loop at a different offered load (each run's rate comes from its own closed loop): shown, not judged, neither regression nor ~", () => {
    // head got a 20% lower rate and, with it, 50% better latency: not evidence of anything
    const head = degrade(openLoopAt(800), SCENARIO, "p99", 0.5);
    const result = compareReports(openLoopAt(1000), head);
    assert.deepEqual(result.regressions, []);
    const rows = result.rows.filter((r) => r.name === SCENARIO);
    assert.deepEqual(rows.map((r) => r.metric), ["p50", "p99", "server CPU/call"]);
    for (const r of rows) {
      assert.deepEqual(r.test, { kind: "not-judged", why: "offered load differs: 1,000 vs 800 rps" });
      assert.equal(r.significant, false);
      assert.equal(r.regression, false);
    }
    // the arm in its own column, the scenario without it
    const lines = result.markdown.split("\n").filter((l) => l.startsWith("| rest | server/ListOrders/large/open/c64 |"));
    assert.equal(lines.length, 3);
    for (const l of lines) {
      assert.match(l, /offered load differs: 1,000 vs 800 rps \| not judged \|$/);
      assert.ok(!l.includes("| ~ |"), l);
    }
    assert.ok(result.notes.some((n) => n.startsWith(`${SCENARIO}: offered load differs: 1,000 vs 800 rps`)));
    assert.match(result.markdown, /3 shown but not judged: open loop at a different offered load/);
    // the same degradation the other way round is not a regression either
    assert.deepEqual(compareReports(openLoopAt(1000), degrade(openLoopAt(800), SCENARIO, "p99", 2)).regressions, []);
  });

  it("rows are matched by family, scenario and arm: three arms, each with its own rows, and one arm's regression is that arm's alone", () => {
    const arms = sampleReport({ arms: ["grpc", "rest", "rest-node"] });
    const self = compareReports(arms, arms);
    for (const arm of ["grpc", "rest", "rest-node"]) assert.ok(self.rows.some((r) => r.section === "load" && r.arm === arm), arm);
    const nodeScenario = arms.load.find((s) => s.arm === "rest-node" && s.view === "server")!.scenario;
    const result = compareReports(arms, degrade(arms, nodeScenario, "p99", 1.5));
    assert.deepEqual(result.regressions.map((r) => r.name), [`${nodeScenario} p99`]);
    assert.equal(row(result.rows, nodeScenario, "p99").arm, "rest-node");
    assert.match(result.markdown, /^\| arm \| scenario \| metric \|/m);
  });

  it("multiplex and stream entries are judged like load entries, over their repetitions", () => {
    const five = sampleReport({ repetitions: 5, profile: "full" });
    const self = compareReports(five, five);
    assert.ok(self.rows.some((r) => r.section === "multiplex"), "multiplex rows");
    assert.ok(self.rows.some((r) => r.section === "stream"), "stream rows");
    assert.doesNotMatch(self.markdown, /multiplexing and streaming results are not compared/);
    const head = structuredClone(five);
    const keepAlive = head.multiplex.find((m) => m.configuration === "rest-keepalive" && m.repetitions.length >= 3)!;
    for (const r of keepAlive.repetitions) r.throughputRps /= 2;
    const result = compareReports(five, head);
    assert.deepEqual(
      result.regressions.map((r) => r.name),
      [`multiplex/${keepAlive.arm}/rest-keepalive/${keepAlive.call}/${keepAlive.inFlight} throughput`],
    );
  });

  it("open loop within 5% of the same offered load: judged as usual", () => {
    const result = compareReports(openLoopAt(1000), degrade(openLoopAt(1030), SCENARIO, "p99", 1.5));
    assert.deepEqual(result.regressions.map((r) => r.name), [`${SCENARIO} p99`]);
    assert.equal(row(result.rows, SCENARIO, "p50").test.kind, "moderated-t");
  });

  it("a family that completed in base and failed in head is a regression", () => {
    const head = structuredClone(base);
    head.families[0] = { family: "load", endReason: "failed", durationS: 1, failure: "server did not start" };
    assert.deepEqual(compareReports(base, head).regressions.map((r) => r.name), ["family load"]);
  });

  it("a scenario with no completed repetition in head is a regression", () => {
    const head = structuredClone(base);
    const s = head.load.find((x) => x.scenario === SCENARIO)!;
    for (const r of s.repetitions) r.endReason = "failed";
    s.endReason = "failed";
    assert.deepEqual(compareReports(base, head).regressions.map((r) => r.name), [SCENARIO]);
  });

  it("sizes are deterministic: any change is significant; growth beyond the threshold regresses", () => {
    const head = structuredClone(base);
    head.sizes[0]!.json.raw = Math.round(head.sizes[0]!.json.raw * 1.2);
    head.sizes[1]!.protobuf.raw += 1;
    const result = compareReports(base, head);
    assert.deepEqual(result.regressions.map((r) => r.name), [`${head.sizes[0]!.message} ${head.sizes[0]!.payload} json bytes`]);
    assert.equal(result.rows.filter((r) => r.section === "sizes" && r.significant).length, 2);
  });

  describe("micro rows", () => {
    it("one entry 30% slower in every repetition: a regression, named, judged by the same test as load rows", () => {
      const result = compareReports(base, slowMicro(base, 3, 0.7));
      const name = microName(base.micro[3]!);
      assert.deepEqual(result.regressions.map((r) => r.name), [`${name} ops/s`]);
      const r = row(result.rows, name, "ops/s");
      assert.equal(r.base.length, 6);
      assert.deepEqual(r.base, base.micro[3]!.repetitions);
      const t = tested(r);
      assert.ok(t.q <= 0.05);
      assert.ok(Math.abs(t.ratio - 0.7) < 1e-9);
      assert.match(result.markdown, new RegExp(`\\| ${name} \\| ops/s ↑ \\| .* \\| -30\\.0% \\| p=\\S+ q=\\S+ n=6\\+6 \\| \\*\\*regression\\*\\* \\|`));
      // the micro family's note on how its figures were repeated heads the section
      assert.match(result.markdown, /### Encode\/decode \(ops\/s, over repetitions\)\n\n_6 repetitions, each in a fresh worker thread/);
    });

    it("30% faster: better, not a regression; the same entry against itself: ~", () => {
      const faster = compareReports(base, slowMicro(base, 3, 1 / 0.7));
      assert.deepEqual(faster.regressions, []);
      assert.equal(row(faster.rows, microName(base.micro[3]!), "ops/s").significant, true);
      assert.ok(compareReports(base, base).rows.filter((r) => r.section === "micro").every((r) => r.test.kind === "moderated-t" && !r.significant));
    });

    it("older reports without repetitions: shown, not judged, never a regression, whatever the drop", () => {
      const old = sampleReport({ microRepetitions: 0 });
      assert.equal(old.micro[0]!.repetitions, undefined);
      const head = structuredClone(old);
      for (const m of head.micro) m.opsPerSec *= 0.5;
      for (const [b, h] of [
        [old, head],
        [old, base],
        [base, head],
      ] as const) {
        const result = compareReports(b, h);
        assert.deepEqual(result.regressions, []);
        const micro = result.rows.filter((r) => r.section === "micro");
        assert.equal(micro.length, base.micro.length);
        for (const r of micro) assert.deepEqual(r.test, { kind: "not-judged", why: MICRO_WITHOUT_REPETITIONS });
      }
      const result = compareReports(old, head);
      assert.match(result.markdown, /\| – \| no repetitions \(older report\) \| not judged \|/);
      assert.match(result.markdown, new RegExp(`${base.micro.length} shown but not judged: no repetitions \\(older report\\)`));
    });
  });

  it("partial reports compare what both have and list the rest", () => {
    const result = compareReports(sampleReport({ families: ["load"] }), sampleReport({ families: ["size"] }));
    assert.deepEqual(result.regressions, []);
    assert.equal(result.rows.length, 0);
    assert.ok(result.notes.some((n) => n.startsWith("only in base: load/")));
    assert.ok(result.notes.some((n) => n.startsWith("only in head: size ")));
    assert.match(result.markdown, /No scenario is present in both reports/);
  });

  it("notes environment differences", () => {
    const head = structuredClone(base);
    head.environment.packages["@grpc/grpc-js"] = "1.15.0";
    head.environment.pinned = false;
    const notes = compareReports(base, head).notes;
    assert.ok(notes.includes("@grpc/grpc-js: 1.14.7 → 1.15.0"));
    assert.ok(notes.some((n) => n.startsWith("CPU pinning differs")));
  });

  describe("Node versions", () => {
    const onNode = (report: Report, node: string): Report => {
      const copy = structuredClone(report);
      copy.environment.node = node;
      return copy;
    };
    const warnings = (markdown: string) => markdown.split("\n\n").filter((block) => block.startsWith("> [!WARNING]\n"));

    it("different majors: a WARNING block naming both versions, and the environment note", () => {
      const result = compareReports(onNode(base, "v20.20.2"), onNode(base, "v24.11.1"));
      const node = warnings(result.markdown).filter((w) => w.includes("Node"));
      assert.equal(node.length, 1, result.markdown);
      assert.match(node[0]!, /^> \[!WARNING\]\n> Base and head ran on different Node major versions; figures depend on the Node version: base v20\.20\.2, head v24\.11\.1\./);
      assert.ok(!node[0]!.includes("\n\n") && node[0]!.split("\n").every((l) => l.startsWith(">")), "one quote block");
      assert.ok(result.notes.includes("Node differs: base v20.20.2, head v24.11.1"));
      assert.match(result.markdown, /\n- Node differs: base v20\.20\.2, head v24\.11\.1\n/);
      // before the verdict line, where a reader starts
      assert.ok(result.markdown.indexOf("different Node major versions") < result.markdown.indexOf("No significant regression"));
    });

    it("same major, another release: the note only; same version: nothing", () => {
      const minor = compareReports(onNode(base, "v20.18.0"), onNode(base, "v20.20.2"));
      assert.doesNotMatch(minor.markdown, /different Node major versions/);
      assert.ok(minor.notes.includes("Node differs: base v20.18.0, head v20.20.2"));
      const same = compareReports(base, base);
      assert.doesNotMatch(same.markdown, /different Node major versions|Node differs/);
    });

    it("keeps a version string with a newline inside its quote block", () => {
      const result = compareReports(onNode(base, "v22.1.0"), onNode(base, "v24.0.0\n# injected"));
      assert.match(result.markdown, /head v24\.0\.0 # injected\./);
      assert.doesNotMatch(result.markdown, /^# injected/m);
    });

    it("nodeMajor reads process.version strings", () => {
      assert.equal(nodeMajor("v20.20.2"), 20);
      assert.equal(nodeMajor("24.1.0"), 24);
      assert.equal(nodeMajor("unknown"), null);
    });
  });

  describe("the machine's reference loop", () => {
    const withProbe = (report: Report, ms: number[]): Report => {
      const copy = structuredClone(report);
      copy.environment.referenceProbe = { what: "test loop", cpus: "0", ms };
      return copy;
    };
    const steady = [300, 302, 298, 301, 299, 300, 303];

    it("a machine that got significantly slower: timing rows shown, not judged, and the reason is on top", () => {
      const head = withProbe(degrade(base, SCENARIO, "p99", 1.5), steady.map((ms) => ms * 1.3));
      const result = compareReports(withProbe(base, steady), head);
      assert.deepEqual(result.regressions, []);
      assert.match(result.markdown, /The machine speed differed: reference loop 300 ms → 390 ms \(\+30\.0%, p=0\.00\d n=7\+7\)/);
      const p99 = row(result.rows, SCENARIO, "p99");
      assert.equal(p99.test.kind, "not-judged");
      assert.ok(result.rows.filter((r) => r.section !== "sizes").every((r) => r.test.kind === "not-judged"));
      assert.ok(result.rows.filter((r) => r.section === "sizes").every((r) => r.test.kind === "exact"), "deterministic rows are still judged");
    });

    it("a steady machine: the same 50% regression is found", () => {
      const result = compareReports(withProbe(base, steady), withProbe(degrade(base, SCENARIO, "p99", 1.5), [...steady].reverse()));
      assert.deepEqual(result.regressions.map((r) => r.name), [`${SCENARIO} p99`]);
    });

    it("a reference change within 5%, or too few readings, does not stop judging", () => {
      const slightly = compareReports(withProbe(base, steady), withProbe(degrade(base, SCENARIO, "p99", 1.5), steady.map((ms) => ms * 1.04)));
      assert.equal(slightly.regressions.length, 1);
      const few = compareReports(withProbe(base, [300]), withProbe(degrade(base, SCENARIO, "p99", 1.5), [600])); // one reading: no test, no bracket
      assert.equal(few.regressions.length, 1);
    });

    it("a slow phase around one family only: that family's rows are not judged, the others still are", () => {
      const families = ["load", "size", "compression", "micro", "multiplex", "stream"].map((family) => ({ family, endReason: "completed" as const, durationS: 1 }));
      const withFamilies = (report: Report, ms: number[]): Report => ({ ...withProbe(report, ms), families });
      // readings: start, after load, after size, after compression, after micro, after multiplex, after stream
      const baseReport = withFamilies(base, [300, 300, 300, 300, 300, 300, 300]);
      const headReport = withFamilies(degrade(base, SCENARIO, "p99", 1.5), [300, 300, 300, 520, 480, 300, 300]);
      for (const m of headReport.micro) (m.opsPerSec *= 0.5), (m.repetitions = m.repetitions!.map((x) => x * 0.5));
      const result = compareReports(baseReport, headReport);
      assert.deepEqual(result.regressions.map((r) => r.name), [`${SCENARIO} p99`], "load is still judged");
      assert.ok(result.rows.filter((r) => r.section === "micro").every((r) => r.test.kind === "not-judged"));
      assert.match(result.markdown, /machine speed differed around the micro family: reference loop 300, 300 ms → 520, 480 ms \(\+66\.7%\)/);
      const overlapping = withFamilies(degrade(base, SCENARIO, "p99", 1.5), [300, 300, 300, 290, 330, 300, 300]);
      for (const m of overlapping.micro) (m.opsPerSec *= 0.5), (m.repetitions = m.repetitions!.map((x) => x * 0.5));
      assert.ok(compareReports(baseReport, overlapping).regressions.some((r) => r.name.endsWith("ops/s")), "readings that overlap do not excuse a micro change");
    });
  });
});
