// benchstat-style comparison of two reports: per scenario and metric the base and head medians, the change, and a
// test over the repetitions; "~" where the change is not significant. Each timing row (load, multiplex, stream, and
// micro when both reports carry its repetitions) gets a moderated t-test on the logs of its repetitions (limma's
// empirical-Bayes t: bench/analysis/moderated-t.ts), with its variance shrunk toward the rows of the same section and
// metric; then Benjamini–Hochberg over every tested row controls the false discovery rate of the whole table. A
// regression is a row significant at that rate whose change is in the bad direction beyond the threshold. Sizes are
// deterministic and compared exactly. Pure: (base, head, options) → markdown + verdict.
// Method, and why this and not a test per row: reports/README.md ("Comparing two runs").
import { completedRepetitions } from "../../bench/analysis/arm-comparison.js";
import { benjaminiHochberg } from "../../bench/analysis/false-discovery-rate.js";
import { fitVariancePrior, moderatedLogT, pooledLogVariance, type VariancePrior } from "../../bench/analysis/moderated-t.js";
import { connectionShape } from "../../bench/load/load-scenario.js";
import { mannWhitney, median } from "../../bench/analysis/statistics.js";
import type { LoadResult } from "../../bench/model/load-result.js";
import type { EngineMeasurement, Measurement } from "../../bench/model/measurement.js";
import type { MicroResult } from "../../bench/model/micro-result.js";
import type { MultiplexResult } from "../../bench/model/multiplex-result.js";
import type { Report } from "../../bench/model/report.js";
import type { StreamResult } from "../../bench/model/stream-result.js";

export interface CompareOptions {
  /** a significant change worse than this, in percent, is a regression */
  thresholdPct: number;
  /** the false discovery rate q at which Benjamini–Hochberg calls a tested row significant */
  fdr: number;
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = { thresholdPct: 10, fdr: 0.05 };

/** The level of the reference loop's own test (Mann–Whitney over its 7 + 7 readings): a guard, not a verdict. */
export const MACHINE_SPEED_ALPHA = 0.1;

export type Better = "lower" | "higher";

/** The families compare reads; rows are matched by (section, subject, arm). */
export type CompareSection = "load" | "multiplex" | "stream" | "micro" | "sizes";

export interface CompareRow {
  section: CompareSection;
  /** rows of families that drive servers: the arm measured */
  arm?: string;
  /** scenario / configuration, without the arm (the arm has its own column) */
  subject: string;
  /** the stable name a regression is reported under: the scenario id (arm included), or subject where there is no arm */
  name: string;
  metric: string;
  unit: string;
  better: Better;
  base: number[];
  head: number[];
  baseMedian: number | null;
  headMedian: number | null;
  changePct: number | null;
  /** how significance was decided: the moderated t-test and its BH-adjusted q-value, "exact" for deterministic figures */
  test:
    | ModeratedRowTest
    | { kind: "exact" }
    /** tested rows need 2 values a side: shown with "~", never significant */
    | { kind: "none"; why: string }
    /** shown, never judged: neither a regression nor "~" (open loop at a different offered load, machine speed, …) */
    | { kind: "not-judged"; why: string };
  significant: boolean;
  regression: boolean;
}

export interface ModeratedRowTest {
  kind: "moderated-t";
  /** two-sided p-value of the moderated t-test on the logs */
  p: number;
  /** Benjamini–Hochberg adjusted p-value over every tested row of the comparison; significant when ≤ options.fdr */
  q: number;
  t: number;
  /** degrees of freedom: the prior's d0 + the row's own n_base + n_head − 2 */
  df: number;
  /** head / base ratio of the geometric means */
  ratio: number;
  /** the prior of the row's section and metric (d0, s0²) */
  prior: { df: number; variance: number; how: VariancePrior["how"] };
}

export interface Regression {
  /** "subject metric", the name a reader greps for */
  name: string;
  detail: string;
}

/** The prior fitted to one section and metric's tested rows. */
export interface SectionPrior extends VariancePrior {
  section: CompareSection;
  metric: string;
}

/** Rows by verdict: what the summary line counts. */
export interface VerdictCounts {
  /** judged, not significant (or not testable) */
  same: number;
  better: number;
  worseWithinThreshold: number;
  regression: number;
  notJudged: number;
}

export interface CompareResult {
  markdown: string;
  rows: CompareRow[];
  regressions: Regression[];
  notes: string[];
  /** the variance prior of each section and metric with tested rows */
  priors: SectionPrior[];
  /** how many rows the Benjamini–Hochberg procedure ran over */
  tested: number;
  counts: VerdictCounts;
}

/** A row before the table-wide test: its values are set, its test is decided once every row is known. */
type DraftRow = Omit<CompareRow, "test" | "significant" | "regression"> & { test: CompareRow["test"] | { kind: "to-test" } };

interface MetricDef {
  metric: string;
  unit: string;
  better: Better;
  pick(m: Measurement): number | null;
}

const THROUGHPUT: MetricDef = { metric: "throughput", unit: "req/s", better: "higher", pick: (m) => m.throughputRps };
const P50: MetricDef = { metric: "p50", unit: "ms", better: "lower", pick: (m) => m.latencyMs.p50 };
const P99: MetricDef = { metric: "p99", unit: "ms", better: "lower", pick: (m) => m.latencyMs.p99 };
const SERVER_CPU: MetricDef = { metric: "server CPU/call", unit: "µs", better: "lower", pick: (m) => m.serverCpuUsPerCall };

/** What compare reads of one family whose entries the load engine measured (load, multiplex, stream). */
interface MeasuredFamily<E> {
  section: Extract<CompareSection, "load" | "multiplex" | "stream">;
  /** what the entry measured, without the arm */
  subject(e: E): string;
  /** the entry's stable name, arm included: what a regression is called (a reader greps for it) */
  name(e: E): string;
  arm(e: E): string;
  measurement(e: E): EngineMeasurement | null;
  metrics(e: E): readonly MetricDef[];
  /** why base and head cannot be judged against each other, if they cannot */
  unjudged?(base: E, head: E): string | null;
}


const LOAD_FAMILY: MeasuredFamily<LoadResult> = {
  section: "load",
  // what the scenario id says, from the fields, with the arm kept in its own column
  subject: (e) => `${e.view}/${e.call}/${e.payload}/${e.mode}/${connectionShape(e)}`,
  name: (e) => e.scenario,
  arm: (e) => e.arm,
  measurement: (e) => e,
  // an open loop's throughput is its schedule (derived from the closed-loop results), not a property of the code
  metrics: (e) => (e.mode === "closed" ? [THROUGHPUT, P50, P99, SERVER_CPU] : [P50, P99, SERVER_CPU]),
  unjudged: (b, h) => offeredLoadDiffers(b, h),
};

const MULTIPLEX_FAMILY: MeasuredFamily<MultiplexResult> = {
  section: "multiplex",
  subject: (e) => `${e.configuration} ${e.call} ${e.inFlight} in flight`,
  name: (e) => `multiplex/${e.arm}/${e.configuration}/${e.call}/${e.inFlight}`,
  arm: (e) => e.arm,
  measurement: (e) => e,
  // head-of-line runs are open loops at a fixed rate: their throughput is the schedule
  metrics: (e) => (e.targetRps === null ? [THROUGHPUT, P50, P99, SERVER_CPU] : [P50, P99, SERVER_CPU]),
};

const STREAM_FAMILY: MeasuredFamily<StreamResult> = {
  section: "stream",
  subject: (e) => `${e.kind} ${e.configuration} ${e.items}`,
  name: (e) => `stream/${e.arm}/${e.kind}/${e.configuration}/${e.items}`,
  arm: (e) => e.arm,
  measurement: (e) => (e.verified ? e.measurement : null),
  // one repetition's latency is its time to the last item (a conversation's: each round trip)
  metrics: (e) => (e.kind === "bidi" ? [P50, P99, SERVER_CPU] : [P50, SERVER_CPU]),
};

const EPS = 1e-12;

/**
 * An open loop's rate comes from its own run's closed-loop throughput, so the same scenario id can carry a different
 * offered load in base and head; latency and CPU at different loads are not comparable (a slower head gets a lower
 * rate and better latency). Beyond this relative difference a row is shown but not judged.
 */
export const OFFERED_LOAD_TOLERANCE = 0.05;

function offeredLoadDiffers(b: LoadResult, h: LoadResult): string | null {
  if (b.mode !== "open" && h.mode !== "open") return null;
  const rate = (x: number | null) => (x === null ? "unknown" : num(x, "").trim());
  const differs =
    b.targetRps === null || h.targetRps === null
      ? b.targetRps !== h.targetRps
      : Math.abs(h.targetRps - b.targetRps) > OFFERED_LOAD_TOLERANCE * Math.max(Math.abs(b.targetRps), Math.abs(h.targetRps));
  return differs ? `offered load differs: ${rate(b.targetRps)} vs ${rate(h.targetRps)} rps` : null;
}

function changeOf(base: number | null, head: number | null): number | null {
  if (base === null || head === null || !Number.isFinite(base) || !Number.isFinite(head) || base === 0) return null;
  return ((head - base) / Math.abs(base)) * 100;
}

function isWorse(changePct: number | null, better: Better, thresholdPct: number): boolean {
  if (changePct === null) return false;
  return better === "lower" ? changePct > thresholdPct : changePct < -thresholdPct;
}

/** Repetitions compare reads: completed ones, less those the host's heavy CPU steal made a measure of the host. */
function judgedRepetitions(m: EngineMeasurement | null): { reps: Measurement[]; stolen: number } {
  if (m === null) return { reps: [], stolen: 0 };
  const completed = completedRepetitions(m);
  const reps = completed.filter((r) => r.heavySteal !== true);
  return { reps, stolen: completed.length - reps.length };
}

/** A timing row's test before the table-wide pass: "to-test" with 2 values a side, else why not. */
function draftTest(bv: readonly number[], hv: readonly number[]): DraftRow["test"] {
  if (bv.length === 0 || hv.length === 0) return { kind: "none", why: bv.length === 0 ? "no base values" : "no head values" };
  if (bv.length < 2 || hv.length < 2) return { kind: "none", why: `n=${bv.length}+${hv.length}: too few to test` };
  return { kind: "to-test" };
}

function measuredRows<E>(family: MeasuredFamily<E>, base: readonly E[], head: readonly E[], notes: string[], regressions: Regression[]): DraftRow[] {
  const rows: DraftRow[] = [];
  const key = (e: E) => `${family.arm(e)}\u0000${family.subject(e)}`;
  const name = family.name;
  const headByKey = new Map(head.map((e) => [key(e), e]));
  const baseKeys = new Set(base.map(key));
  for (const b of base) {
    const h = headByKey.get(key(b));
    if (!h) {
      notes.push(`only in base: ${name(b)}`);
      continue;
    }
    const bm = family.measurement(b);
    const hm = family.measurement(h);
    const baseRun = judgedRepetitions(bm);
    const headRun = judgedRepetitions(hm);
    const baseReps = baseRun.reps;
    const headReps = headRun.reps;
    if (baseReps.length > 0 && headReps.length === 0 && headRun.stolen === 0) {
      const why = hm === null ? "not measured or not verified" : `${hm.endReason}${hm.failure ? `: ${hm.failure}` : ""}`;
      regressions.push({ name: name(b), detail: `no completed repetition in head (${why}); base completed ${baseReps.length}` });
      continue;
    }
    if (baseRun.stolen + headRun.stolen > 0) {
      notes.push(`${name(b)}: windows with heavy CPU steal set aside (base ${baseRun.stolen}, head ${headRun.stolen})`);
    }
    const unjudged = family.unjudged?.(b, h) ?? null;
    if (unjudged !== null) notes.push(`${name(b)}: ${unjudged} (base vs head); its latency and CPU are shown, not judged`);
    for (const def of family.metrics(b)) {
      const bv = baseReps.map(def.pick).filter((v): v is number => v !== null && Number.isFinite(v));
      const hv = headReps.map(def.pick).filter((v): v is number => v !== null && Number.isFinite(v));
      if (bv.length === 0 && hv.length === 0) continue;
      const baseMedian = bv.length > 0 ? median(bv) : null;
      const headMedian = hv.length > 0 ? median(hv) : null;
      const test: DraftRow["test"] = unjudged !== null ? { kind: "not-judged", why: unjudged } : draftTest(bv, hv);
      rows.push({ section: family.section, arm: family.arm(b), name: name(b), subject: family.subject(b), metric: def.metric, unit: def.unit, better: def.better, base: bv, head: hv, baseMedian, headMedian, changePct: changeOf(baseMedian, headMedian), test });
    }
  }
  for (const h of head) if (!baseKeys.has(key(h))) notes.push(`only in head: ${name(h)}`);
  return rows;
}

/** Why a micro row without repetitions on both sides is shown but not judged. */
export const MICRO_WITHOUT_REPETITIONS = "no repetitions (older report)";

function microRows(base: readonly MicroResult[], head: readonly MicroResult[], notes: string[]): DraftRow[] {
  const key = (m: MicroResult) => `${m.format} ${m.op} ${m.message} ${m.payload}`;
  const headByKey = new Map(head.map((m) => [key(m), m]));
  const rows: DraftRow[] = [];
  for (const b of base) {
    const h = headByKey.get(key(b));
    if (!h) {
      notes.push(`only in base: micro ${key(b)}`);
      continue;
    }
    if (b.state !== "completed" || h.state !== "completed") {
      notes.push(`micro ${key(b)}: not compared (base ${b.state}, head ${h.state})`);
      continue;
    }
    // ops/s of each repetition (each a fresh worker thread, spread across the family): the run-to-run spread a test
    // needs. A single tinybench run's rme describes the spread inside that run only, and judged A/A pairs as regressions.
    const bv = (b.repetitions ?? []).filter((v) => Number.isFinite(v));
    const hv = (h.repetitions ?? []).filter((v) => Number.isFinite(v));
    const repeated = bv.length > 0 && hv.length > 0;
    const baseMedian = repeated ? median(bv) : b.opsPerSec;
    const headMedian = repeated ? median(hv) : h.opsPerSec;
    const test: DraftRow["test"] = !repeated
      ? { kind: "not-judged", why: MICRO_WITHOUT_REPETITIONS }
      : bv.length < 2 || hv.length < 2
        ? { kind: "not-judged", why: `n=${bv.length}+${hv.length}: fewer than 2 repetitions` }
        : { kind: "to-test" };
    rows.push({
      section: "micro",
      subject: key(b),
      name: key(b),
      metric: "ops/s",
      unit: "ops/s",
      better: "higher",
      base: repeated ? bv : [b.opsPerSec],
      head: repeated ? hv : [h.opsPerSec],
      baseMedian,
      headMedian,
      changePct: changeOf(baseMedian, headMedian),
      test,
    });
  }
  const baseKeys = new Set(base.map(key));
  for (const h of head) if (!baseKeys.has(key(h))) notes.push(`only in head: micro ${key(h)}`);
  return rows;
}

/**
 * The table-wide pass: a variance prior per section and metric from the rows to test, the moderated t-test of each,
 * then Benjamini–Hochberg over all of them. A row is significant when its adjusted q ≤ options.fdr, a regression when
 * it is also worse than the threshold.
 */
function judge(drafts: readonly DraftRow[], options: CompareOptions): { rows: CompareRow[]; priors: SectionPrior[]; tested: number } {
  const groups = new Map<string, number[]>();
  drafts.forEach((r, i) => {
    if (r.test.kind !== "to-test") return;
    const k = `${r.section}\u0000${r.metric}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(i);
  });
  const priors: SectionPrior[] = [];
  const raw = new Map<number, Omit<ModeratedRowTest, "q"> | { kind: "none"; why: string }>();
  for (const indices of groups.values()) {
    const first = drafts[indices[0]!]!;
    const variances = indices.map((i) => pooledLogVariance(drafts[i]!.base, drafts[i]!.head));
    const prior = fitVariancePrior(variances.filter((v) => v !== null));
    if (prior !== null) priors.push({ section: first.section, metric: first.metric, ...prior });
    for (const i of indices) {
      const r = drafts[i]!;
      const t = prior === null ? null : moderatedLogT(r.base, r.head, prior);
      raw.set(
        i,
        t === null
          ? { kind: "none", why: "a value that is not positive: no test on logs" }
          : { kind: "moderated-t", p: t.p, t: t.t, df: t.df, ratio: Math.exp(t.logRatio), prior: { df: prior!.df, variance: prior!.variance, how: prior!.how } },
      );
    }
  }
  const testedIndices = [...raw].filter(([, t]) => t.kind === "moderated-t").map(([i]) => i);
  const q = benjaminiHochberg(testedIndices.map((i) => (raw.get(i) as Omit<ModeratedRowTest, "q">).p));
  const qByIndex = new Map(testedIndices.map((i, k) => [i, q[k]!]));
  const rows = drafts.map((r, i): CompareRow => {
    const t = raw.get(i);
    if (r.test.kind !== "to-test") {
      const test = r.test;
      // exact rows (sizes) decide for themselves; the others are never significant
      const significant = test.kind === "exact" ? r.baseMedian !== r.headMedian : false;
      return { ...r, test, significant, regression: significant && isWorse(r.changePct, r.better, options.thresholdPct) };
    }
    if (t === undefined || t.kind === "none") return { ...r, test: t ?? { kind: "none", why: "not tested" }, significant: false, regression: false };
    const test: ModeratedRowTest = { ...t, q: qByIndex.get(i)! };
    const significant = test.q <= options.fdr + EPS;
    return { ...r, test, significant, regression: significant && isWorse(r.changePct, r.better, options.thresholdPct) };
  });
  return { rows, priors, tested: testedIndices.length };
}

function sizeRows(base: Report["sizes"], head: Report["sizes"], notes: string[]): DraftRow[] {
  const key = (s: Report["sizes"][number]) => `${s.message} ${s.payload}`;
  const headByKey = new Map(head.map((s) => [key(s), s]));
  const rows: DraftRow[] = [];
  for (const b of base) {
    const h = headByKey.get(key(b));
    if (!h) {
      notes.push(`only in base: size ${key(b)}`);
      continue;
    }
    for (const format of ["json", "protobuf"] as const) {
      const bv = b[format].raw;
      const hv = h[format].raw;
      // sizes come from seeded payloads: deterministic, so any difference is real (judge() calls it significant)
      rows.push({
        section: "sizes",
        subject: key(b),
        name: key(b),
        metric: `${format} bytes`,
        unit: "B",
        better: "lower",
        base: [bv],
        head: [hv],
        baseMedian: bv,
        headMedian: hv,
        changePct: changeOf(bv, hv),
        test: { kind: "exact" },
      });
    }
  }
  const baseKeys = new Set(base.map(key));
  for (const h of head) if (!baseKeys.has(key(h))) notes.push(`only in head: size ${key(h)}`);
  return rows;
}

/** The major of a `process.version` string ("v20.20.2" → 20), or null when it is not one. */
export function nodeMajor(version: string): number | null {
  const m = /^v?(\d+)\./.exec(version.trim());
  return m ? Number(m[1]) : null;
}

/**
 * A warning when base and head ran on different Node majors (V8, libuv, llhttp and zlib all change between
 * them), or null. Different patch or minor releases of one major only get the environment note.
 */
export function nodeMajorWarning(base: Report, head: Report): string | null {
  // one line whatever the reports hold: the warning is a Markdown quote
  const b = base.environment.node.replace(/\s+/g, " ");
  const h = head.environment.node.replace(/\s+/g, " ");
  const bm = nodeMajor(b);
  const hm = nodeMajor(h);
  if (b === h || bm === hm) return null;
  return `Base and head ran on different Node major versions; figures depend on the Node version: base ${b}, head ${h}. A change below may be Node's, not the code's: run both on the same Node major to judge it.`;
}

function environmentNotes(base: Report, head: Report): string[] {
  const notes: string[] = [];
  const b = base.environment;
  const h = head.environment;
  if (base.profile !== head.profile) notes.push(`profiles differ: base ${base.profile}, head ${head.profile}`);
  if (b.cpuModel !== h.cpuModel || b.cpus !== h.cpus) notes.push(`machines differ: base ${b.cpus} × ${b.cpuModel}, head ${h.cpus} × ${h.cpuModel}`);
  if (b.node !== h.node) notes.push(`Node differs: base ${b.node}, head ${h.node}`);
  if (b.pinned !== h.pinned) notes.push(`CPU pinning differs: base ${b.pinned ? "pinned" : "not pinned"}, head ${h.pinned ? "pinned" : "not pinned"}`);
  const names = [...new Set([...Object.keys(b.packages), ...Object.keys(h.packages)])].sort();
  for (const name of names) {
    if (b.packages[name] !== h.packages[name]) notes.push(`${name}: ${b.packages[name] ?? "absent"} → ${h.packages[name] ?? "absent"}`);
  }
  // each note is one Markdown list item, whatever the reports hold
  return notes.map((n) => n.replace(/\s+/g, " "));
}

/**
 * When most load rows got significantly worse on several arms at once, the likelier cause is the machine (other
 * load during one of the runs) rather than the code: no test over repetitions can tell those apart, so say it.
 */
function machineDriftNote(rows: readonly CompareRow[]): string | null {
  const load = rows.filter((r) => r.section === "load" && r.test.kind !== "not-judged");
  const worse = load.filter((r) => r.significant && r.changePct !== null && (r.better === "lower" ? r.changePct > 0 : r.changePct < 0));
  const arms = new Set(worse.map((r) => r.arm));
  if (load.length < 4 || worse.length * 2 < load.length || arms.size < 2) return null;
  return (
    `${worse.length} of ${load.length} load rows are significantly worse, on ${arms.size} arms at once: that pattern usually means the machine ` +
    "was busier during one run than the other, not that the code changed. Re-run base and head back to back on a quiet machine before trusting these regressions."
  );
}

/** Beyond this relative change of the reference loop (and significant), the two runs ran on machines of different speed. */
export const MACHINE_SPEED_TOLERANCE = 0.05;

/**
 * Each report times a fixed reference loop at its start and after each family. When that loop itself got
 * significantly slower or faster between the runs, every timing figure moved with the machine, and no test over
 * repetitions can separate that from a change in the code: timing rows are then shown but not judged.
 */
function machineSpeedChange(base: Report, head: Report): string | null {
  const b = base.environment.referenceProbe?.ms ?? [];
  const h = head.environment.referenceProbe?.ms ?? [];
  if (b.length < 3 || h.length < 3) return null;
  const bm = median(b);
  const hm = median(h);
  const change = changeOf(bm, hm);
  if (change === null || Math.abs(change) < MACHINE_SPEED_TOLERANCE * 100) return null;
  const { p } = mannWhitney(b, h);
  if (p > MACHINE_SPEED_ALPHA) return null;
  return `machine speed differed: reference loop ${num(bm, "ms").trim()} → ${num(hm, "ms").trim()} (${change >= 0 ? "+" : ""}${change.toFixed(1)}%, p=${p.toFixed(3)} n=${b.length}+${h.length})`;
}

/**
 * The reference loop is also timed after every family, so each family has two readings around it: reading i
 * before and i + 1 after the i-th family that ran. A slow phase of the host can hit one family of one run only;
 * when the readings around that family in head and in base do not overlap and their means differ by more than
 * MACHINE_SPEED_TOLERANCE, that family's timing rows moved with the machine.
 */
function familySpeedChange(base: Report, head: Report, family: string): string | null {
  const around = (r: Report): number[] | null => {
    const ms = r.environment.referenceProbe?.ms ?? [];
    const index = r.families.filter((f) => f.endReason !== "skipped").findIndex((f) => f.family === family);
    if (index < 0 || ms.length < index + 2) return null;
    return [ms[index] as number, ms[index + 1] as number];
  };
  const b = around(base);
  const h = around(head);
  if (b === null || h === null) return null;
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const change = changeOf(mean(b), mean(h));
  const apart = Math.max(...b) < Math.min(...h) || Math.max(...h) < Math.min(...b);
  if (change === null || !apart || Math.abs(change) < MACHINE_SPEED_TOLERANCE * 100) return null;
  const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  return `machine speed differed around the ${family} family: reference loop ${show(b)} ms → ${show(h)} ms (${change >= 0 ? "+" : ""}${change.toFixed(1)}%)`;
}

function familyRegressions(base: Report, head: Report): Regression[] {
  const out: Regression[] = [];
  for (const b of base.families) {
    if (b.endReason !== "completed") continue;
    const h = head.families.find((f) => f.family === b.family);
    if (h && h.endReason === "failed") out.push({ name: `family ${b.family}`, detail: `failed in head${h.failure ? `: ${h.failure}` : ""} (completed in base)` });
  }
  return out;
}

// ---- Markdown ----

function num(x: number | null, unit: string): string {
  if (x === null || !Number.isFinite(x)) return "–";
  const abs = Math.abs(x);
  const text = abs >= 1000 ? Math.round(x).toLocaleString("en-US") : abs >= 100 ? x.toFixed(0) : abs >= 10 ? x.toFixed(1) : abs >= 1 ? x.toFixed(2) : x.toPrecision(3);
  return `${text} ${unit}`;
}

/** benchstat's "±x%": half the range of the values, relative to their median. */
function spread(values: number[], med: number | null): string {
  if (values.length < 2 || med === null || med === 0) return "";
  return ` ±${(((Math.max(...values) - Math.min(...values)) / 2 / Math.abs(med)) * 100).toFixed(0)}%`;
}

/** A p- or q-value in a cell: three decimals, or two significant digits below 0.001 (BH needs the small ones told apart). */
export function probabilityText(p: number): string {
  if (!Number.isFinite(p)) return "–";
  if (p >= 0.001 || p === 0) return p.toFixed(3);
  return p.toExponential(1);
}

function testText(row: CompareRow): string {
  switch (row.test.kind) {
    case "moderated-t":
      return `p=${probabilityText(row.test.p)} q=${probabilityText(row.test.q)} n=${row.base.length}+${row.head.length}`;
    case "exact":
      return "exact";
    case "none":
    case "not-judged":
      return row.test.why;
  }
}

/** The category a row is counted under in the summary line. */
function verdictOf(row: CompareRow, thresholdPct: number): keyof VerdictCounts {
  if (row.test.kind === "not-judged") return "notJudged";
  if (row.regression) return "regression";
  if (!row.significant || row.changePct === null) return "same";
  const worse = row.better === "lower" ? row.changePct > 0 : row.changePct < 0;
  // a significant change worse beyond the threshold is a regression by definition; what is left is within it
  return worse ? (Math.abs(row.changePct) > thresholdPct ? "regression" : "worseWithinThreshold") : "better";
}

function countVerdicts(rows: readonly CompareRow[], thresholdPct: number): VerdictCounts {
  const counts: VerdictCounts = { same: 0, better: 0, worseWithinThreshold: 0, regression: 0, notJudged: 0 };
  for (const r of rows) counts[verdictOf(r, thresholdPct)]++;
  return counts;
}

/** s0 of a prior as the relative spread of one repetition it stands for (sd of the logs, in %). */
const priorSpread = (variance: number) => `${(Math.sqrt(variance) * 100).toFixed(variance < 1e-4 ? 2 : 1)}%`;

function priorText(p: SectionPrior): string {
  const fitted = p.how === "estimated" ? (p.fittedDf === null || p.fittedDf === p.df ? "" : ` (fitted ${Number.isFinite(p.fittedDf) ? p.fittedDf.toFixed(1) : "∞"})`) : " (fixed: fewer than 10 rows)";
  return `${p.section} ${p.metric}: d0=${p.df.toFixed(1)}${fitted}, s0=${priorSpread(p.variance)} over ${p.rows} rows`;
}

function changeText(row: CompareRow): string {
  if (row.test.kind === "not-judged") return "–";
  if (!row.significant || row.changePct === null) return "~";
  return `${row.changePct >= 0 ? "+" : ""}${row.changePct.toFixed(1)}%`;
}

function verdictText(row: CompareRow, thresholdPct: number): string {
  if (row.test.kind === "not-judged") return "not judged";
  if (row.regression) return "**regression**";
  if (!row.significant || row.changePct === null) return "";
  const worse = row.better === "lower" ? row.changePct > 0 : row.changePct < 0;
  if (!worse) return "better";
  return Math.abs(row.changePct) > thresholdPct ? "worse" : `worse, within ${thresholdPct}%`;
}

const escapeCell = (s: string) => s.replace(/\|/g, "\\|");

function table(rows: CompareRow[], thresholdPct: number): string[] {
  const withArm = rows.some((r) => r.arm !== undefined);
  const lines = [`|${withArm ? " arm |" : ""} scenario | metric | base | head | change | test | |`, `|${withArm ? "---|" : ""}---|---|--:|--:|--:|---|---|`];
  for (const r of rows) {
    lines.push(
      `|${withArm ? ` ${escapeCell(r.arm ?? "")} |` : ""} ${escapeCell(r.subject)} | ${r.metric} ${r.better === "lower" ? "↓" : "↑"} | ${num(r.baseMedian, r.unit)}${spread(r.base, r.baseMedian)} | ${num(r.headMedian, r.unit)}${spread(r.head, r.headMedian)} | ${changeText(r)} | ${testText(r)} | ${verdictText(r, thresholdPct)} |`,
    );
  }
  return lines;
}

const describeRun = (r: Report) => `${r.environment.gitCommit ? r.environment.gitCommit.slice(0, 12) : "unknown commit"}, ${r.profile} profile, ${r.startedAt}, ${r.endReason}`;

export function compareReports(base: Report, head: Report, options: CompareOptions = DEFAULT_COMPARE_OPTIONS): CompareResult {
  const notes: string[] = [];
  const regressions: Regression[] = familyRegressions(base, head);
  const drafts: DraftRow[] = [
    ...measuredRows(LOAD_FAMILY, base.load, head.load, notes, regressions),
    ...measuredRows(MULTIPLEX_FAMILY, base.multiplex, head.multiplex, notes, regressions),
    ...measuredRows(STREAM_FAMILY, base.stream, head.stream, notes, regressions),
    ...microRows(base.micro, head.micro, notes),
    ...sizeRows(base.sizes, head.sizes, notes),
  ];
  // rows the machine's speed makes unjudgeable leave before the table-wide test: they are not in its m either
  const speed = machineSpeedChange(base, head);
  const notJudge = (section: CompareSection, why: string) => {
    for (const r of drafts) {
      if (r.section !== section || r.test.kind === "not-judged") continue;
      r.test = { kind: "not-judged", why };
    }
  };
  const familySpeed: string[] = [];
  const timed: CompareSection[] = ["load", "multiplex", "stream", "micro"];
  if (speed !== null) {
    for (const section of timed) notJudge(section, speed);
    notes.push(`${speed}: timing rows (load, multiplex, stream, encode/decode) are shown, not judged`);
  } else {
    for (const family of timed) {
      const section = family;
      const why = familySpeedChange(base, head, family);
      if (why === null) continue;
      notJudge(section, why);
      familySpeed.push(why);
      notes.push(`${why}: its rows are shown, not judged`);
    }
  }
  const { rows, priors, tested } = judge(drafts, options);
  for (const r of rows) {
    if (r.regression) regressions.push({ name: `${r.name} ${r.metric}`, detail: `${changeText(r)} (${num(r.baseMedian, r.unit)} → ${num(r.headMedian, r.unit)}, ${testText(r)})` });
  }
  const envNotes = environmentNotes(base, head);
  const drift = machineDriftNote(rows);
  const counts = countVerdicts(rows, options.thresholdPct);

  const md: string[] = ["## Benchmark comparison", ""];
  md.push(`- base: ${describeRun(base)}`, `- head: ${describeRun(head)}`);
  md.push(
    `- method: base and head medians over repetitions. Each timing row with 2 or more repetitions a side (load, multiplex, stream; encode/decode ops/s per repetition) ` +
      "gets a two-sided moderated t-test on the logs of its repetitions (limma's empirical-Bayes t, Smyth 2004: the row's variance shrunk toward its section and metric's, " +
      `the prior's weight d0 at most half a row's own degrees of freedom); Benjamini–Hochberg over all ${tested} tested rows at false discovery rate q ≤ ${options.fdr}; ` +
      `"~" = not significant; a regression is a significant change of the median in the bad direction beyond ${options.thresholdPct}%; sizes are exact. ` +
      "Test column: p, the BH-adjusted q, and n = base + head repetitions; ↓ lower is better, ↑ higher is better",
  );
  if (priors.length > 0) md.push(`- variance priors (s0 = spread of one repetition): ${priors.map(priorText).join("; ")}`);
  md.push("");
  if (speed) {
    md.push(
      `> [!WARNING]\n> The ${speed}. Every timing figure moves with the machine, so load, multiplex, stream and encode/decode rows are shown but not judged; ` +
        "sizes and failures still are. Re-run base and head back to back when the machine is steady.",
      "",
    );
  } else if (familySpeed.length > 0) {
    md.push(`> [!WARNING]\n> The ${familySpeed.join("; the ")}. Those rows are shown but not judged. Re-run base and head back to back when the machine is steady.`, "");
  } else if (drift) md.push(`> [!WARNING]\n> ${drift}`, "");
  const nodeWarning = nodeMajorWarning(base, head);
  if (nodeWarning !== null) md.push(`> [!WARNING]\n> ${nodeWarning}`, "");
  const reasons = new Map<string, number>();
  for (const r of rows) {
    if (r.test.kind !== "not-judged") continue;
    const why = r.test.why;
    const reason = why.startsWith("machine speed") ? "machine speed differed" : why.startsWith("offered load differs") ? "open loop at a different offered load" : why;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const tally =
    `${rows.length - counts.notJudged} rows compared: ${counts.same} ~, ${counts.better} better, ${counts.worseWithinThreshold} worse within ${options.thresholdPct}%, ` +
    `${counts.regression} regression${counts.regression === 1 ? "" : "s"}${[...reasons].map(([reason, n]) => `; ${n} shown but not judged: ${reason}`).join("")}`;
  if (regressions.length === 0) md.push(`**No significant regression beyond ${options.thresholdPct}%** (${tally}).`, "");
  else {
    md.push(`**${regressions.length} regression${regressions.length > 1 ? "s" : ""}** beyond ${options.thresholdPct}% (${tally}):`, "");
    for (const r of regressions) md.push(`- \`${r.name}\`: ${r.detail}`);
    md.push("");
  }
  if (envNotes.length > 0) md.push("The two runs differ in environment, which may explain changes:", "", ...envNotes.map((n) => `- ${n}`), "");
  const microNote = [...head.micro, ...base.micro].find((m) => m.repetitionNote)?.repetitionNote;
  for (const [section, title] of [
    ["load", "Load (per arm and scenario, over repetitions)"],
    ["multiplex", "Multiplexing (per arm and configuration, over repetitions)"],
    ["stream", "Streaming (per arm and case, over repetitions; latency = time to the last item)"],
    ["micro", "Encode/decode (ops/s, over repetitions)"],
    ["sizes", "Serialized sizes (deterministic)"],
  ] as const) {
    const sectionRows = rows.filter((r) => r.section === section);
    if (sectionRows.length === 0) continue;
    md.push(`### ${title}`, "");
    if (section === "micro" && microNote) md.push(`_${microNote.replace(/\s+/g, " ")}_`, "");
    md.push(...table(sectionRows, options.thresholdPct), "");
  }
  if (rows.length === 0) md.push("_No scenario is present in both reports._", "");
  if (notes.length > 0) md.push("### Not compared", "", ...notes.map((n) => `- ${n}`), "");
  md.push("_Compression results are not compared._", "");
  return { markdown: md.join("\n"), rows, regressions, notes: [...(drift ? [drift] : []), ...envNotes, ...notes], priors, tested, counts };
}
