// The orchestrator in-process with stand-in families: order, failures recorded, entries checked, abort handling.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Family, FamilyContext } from "../bench/family.js";
import { FAMILIES, type FamilyName } from "../bench/model/report.js";
import { BenchRun, type FamilyLoaders, type ProgressEvent } from "../bench/orchestrator.js";
import { resolveRunOptions } from "../bench/run-options.js";
import { validateReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";

const sample = sampleReport({ analyze: false });

function loadersWith(overrides: Partial<Record<FamilyName, (ctx: FamilyContext) => Promise<void>>>, log: string[] = []): FamilyLoaders {
  const make = (name: FamilyName): (() => Promise<Family>) => async () => ({
    name,
    describe: `stand-in ${name}`,
    run: async (ctx) => {
      log.push(name);
      await overrides[name]?.(ctx);
    },
  });
  return Object.fromEntries(FAMILIES.map((f) => [f, make(f)])) as FamilyLoaders;
}

function newRun(argv: string[], loaders: FamilyLoaders, signal = new AbortController().signal, events: ProgressEvent[] = [], abortGraceMs?: number) {
  return new BenchRun(resolveRunOptions(argv), {
    loaders,
    environment: sample.environment,
    tool: { name: "grpc-rest-bench", version: "0.0.0-test" },
    signal,
    onProgress: (e) => events.push(e),
    ...(abortGraceMs === undefined ? {} : { abortGraceMs }),
  });
}

describe("orchestrator", () => {
  it("times the machine's reference loop at the start and after each family, into the report", async () => {
    const log: string[] = [];
    let readings = 0;
    const run = new BenchRun(resolveRunOptions(["--only", "load,size"]), {
      loaders: loadersWith({}, log),
      environment: { ...structuredClone(sample.environment), referenceProbe: { what: "test loop", cpus: "0", ms: [] } },
      tool: { name: "grpc-rest-bench", version: "0.0.0-test" },
      signal: new AbortController().signal,
      probe: () => {
        log.push("probe");
        return 100 + readings++;
      },
    });
    const report = await run.run();
    assert.deepEqual(log, ["probe", "load", "probe", "size", "probe"]);
    assert.deepEqual(report.environment.referenceProbe?.ms, [100, 101, 102]);
    validateReport(report);
  });

  it("runs the selected families in the fixed order, whatever order --only lists them in", async () => {
    const log: string[] = [];
    const report = await newRun(["--only", "stream,load,micro"], loadersWith({}, log)).run();
    assert.deepEqual(log, ["load", "micro", "stream"]);
    assert.deepEqual(report.families.map((f) => f.family), ["load", "micro", "stream"]);
    assert.equal(report.endReason, "completed");
    validateReport(report);
  });

  it("records a family that throws as failed with its message, and keeps going", async () => {
    const log: string[] = [];
    const report = await newRun(
      ["--only", "load,size"],
      loadersWith(
        {
          load: async (ctx) => {
            ctx.record("load", sample.load[0]!);
            throw new Error("server crashed\nwith a stack");
          },
          size: async (ctx) => ctx.record("sizes", sample.sizes[0]!),
        },
        log,
      ),
    ).run();
    assert.deepEqual(log, ["load", "size"]);
    const load = report.families.find((f) => f.family === "load")!;
    assert.equal(load.endReason, "failed");
    assert.equal(load.failure, "server crashed");
    assert.equal(report.load.length, 1, "what the failed family recorded before throwing is kept");
    assert.equal(report.sizes.length, 1);
    assert.equal(report.endReason, "failed");
    assert.ok(report.caveats.some((c) => c.includes("family load failed")));
    validateReport(report);
  });

  it("a loader that throws (e.g. a placeholder module) is a failed family too", async () => {
    const loaders = loadersWith({});
    loaders.micro = async () => {
      throw new Error("cannot import");
    };
    const report = await newRun(["--only", "micro,multiplex"], loaders).run();
    assert.deepEqual(report.families.map((f) => [f.family, f.endReason]), [["micro", "failed"], ["multiplex", "completed"]]);
  });

  it("keeps entries that do not match the model out of the report, says so, and keeps them aside", async () => {
    const broken = { ...sample.sizes[0]!, json: "big" } as unknown as (typeof sample.sizes)[number];
    const run = newRun(["--only", "size"], loadersWith({ size: async (ctx) => { ctx.record("sizes", broken); ctx.record("sizes", sample.sizes[1]!); } }));
    const report = await run.run();
    assert.equal(report.sizes.length, 1);
    assert.equal(run.rejected.length, 1);
    assert.match(run.rejected[0]!.problem, /^\/json/);
    assert.ok(report.caveats.some((c) => c.includes("does not match the result model")));
    validateReport(report);
  });

  it("copies the resolved options and profile into the report and computes findings at the end", async () => {
    const report = await newRun(
      ["--profile", "full", "--only", "load"],
      loadersWith({ load: async (ctx) => { for (const s of sample.load) ctx.record("load", s); } }),
    ).run();
    assert.equal(report.profile, "full");
    assert.deepEqual(report.options.families, ["load"]);
    assert.ok(report.findings.some((f) => f.id.startsWith("grpc-vs-rest:")));
    assert.ok(report.findings.some((f) => f.id === "claim:grpc-10x-faster"));
  });

  it("an analysis that throws costs the findings, not the run: the report keeps every entry, says why it has no findings, and validates", async () => {
    const events: ProgressEvent[] = [];
    const run = new BenchRun(resolveRunOptions(["--only", "load,size"]), {
      loaders: loadersWith({
        load: async (ctx) => { for (const s of sample.load) ctx.record("load", s); },
        size: async (ctx) => ctx.record("sizes", sample.sizes[0]!),
      }),
      environment: sample.environment,
      tool: { name: "grpc-rest-bench", version: "0.0.0-test" },
      signal: new AbortController().signal,
      onProgress: (e) => events.push(e),
      analyze: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'p50')\n    at stack frame");
      },
    });
    const report = await run.run();
    assert.equal(report.endReason, "completed");
    assert.equal(report.load.length, sample.load.length);
    assert.equal(report.sizes.length, 1);
    assert.deepEqual(report.findings, []);
    const caveat = report.caveats.find((c) => c.startsWith("analysis failed"));
    assert.equal(caveat, "analysis failed (Cannot read properties of undefined (reading 'p50')): no findings, attribution or derived caveats were computed; the measurements are as recorded");
    assert.ok(events.some((e) => e.kind === "warning" && e.text === caveat));
    validateReport(report);
    // the emergency path (Ctrl-C twice, a fatal error) goes through the same snapshot
    assert.deepEqual(run.snapshot("failed").findings, []);
  });

  it("on abort: the running family ends aborted, later ones are skipped, the run ends aborted", async () => {
    const controller = new AbortController();
    const report = await newRun(
      ["--only", "load,size,micro"],
      loadersWith({
        load: async (ctx) => {
          ctx.record("load", sample.load[0]!);
          controller.abort();
          await new Promise((r) => setTimeout(r, 5));
        },
      }),
      controller.signal,
    ).run();
    assert.equal(report.endReason, "aborted");
    assert.deepEqual(report.families.map((f) => [f.family, f.endReason]), [["load", "aborted"], ["size", "skipped"], ["micro", "skipped"]]);
    assert.equal(report.load.length, 1);
    validateReport(report);
  });

  it("moves on when a family ignores the abort beyond the grace period, and ignores its late records", async () => {
    const controller = new AbortController();
    let lateRecord: (() => void) | null = null;
    const events: ProgressEvent[] = [];
    const report = await newRun(
      ["--only", "load"],
      loadersWith({
        load: (ctx) => {
          controller.abort();
          lateRecord = () => ctx.record("load", sample.load[0]!);
          return new Promise((resolve) => setTimeout(resolve, 2_000)); // ignores the signal
        },
      }),
      controller.signal,
      events,
      20,
    ).run();
    assert.equal(report.families[0]!.endReason, "aborted");
    assert.match(report.families[0]!.failure ?? "", /did not stop/);
    lateRecord!();
    assert.ok(events.some((e) => e.kind === "warning" && e.text.includes("after the family's slot ended")));
  });

  it("snapshot() while a family runs gives a valid report with that family aborted and the rest skipped", async () => {
    let snapshot: ReturnType<BenchRun["snapshot"]> | null = null;
    const run: BenchRun = newRun(
      ["--only", "size,micro"],
      loadersWith({
        size: async (ctx) => {
          ctx.record("sizes", sample.sizes[0]!);
          snapshot = run.snapshot();
        },
      }),
    );
    await run.run();
    const s = snapshot!;
    assert.equal(s.endReason, "aborted");
    assert.deepEqual(s.families.map((f) => [f.family, f.endReason]), [["size", "aborted"], ["micro", "skipped"]]);
    assert.equal(s.sizes.length, 1);
    validateReport(s);
  });

  it("sends progress events: start, the family's lines, end", async () => {
    const events: ProgressEvent[] = [];
    await newRun(["--only", "micro"], loadersWith({ micro: async (ctx) => ctx.progress("scenario 1/1") }), undefined, events).run();
    assert.deepEqual(events.map((e) => e.kind), ["family-start", "line", "family-end"]);
  });
});
