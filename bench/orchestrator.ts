// Runs the selected families in the fixed order, one after another, into one in-memory Report.
// Every record() lands in the report at once, so whatever ends the run (a family that throws, Ctrl-C, a family
// that ignores the abort) the caller can still write what was measured: snapshot() is valid at any moment.
import { FormatRegistry, type TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { analyzeReport } from "./analysis/analyze-report.js";
import { settlePinning } from "./environment.js";
import type { Family, FamilyContext, Section, SectionEntry } from "./family.js";
import type { Environment } from "./model/environment.js";
import { Report, SCHEMA_VERSION, type FamilyName, type FamilyRun } from "./model/report.js";
import type { RunOptions } from "./run-options.js";
import { findArm } from "../servers/registry.js";
import { describeArm } from "../servers/server-arm.js";
import type { Arm } from "./model/arm.js";
import { setRunToken } from "./run-token.js";
import { withTlsRecords, armTlsRecord } from "./arm-tls-record.js";
import { armUsesTls, setUpRunTls } from "./run-tls-setup.js";
import { exitCause, type ServerExit } from "./model/server-exit.js";
import { userApiConfig } from "./user-api/run-user-api.js";
import { userApiArms } from "./user-api/user-api-arms.js";
import { setRunServerCpus } from "./server-process/run-server-cpus.js";

// TypeBox checks formats only when told how; ajv checks date-time fully when the report is written.
if (!FormatRegistry.Has("date-time")) FormatRegistry.Set("date-time", (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)));

export type FamilyLoaders = Record<FamilyName, () => Promise<Family>>;

export type ProgressEvent =
  | { kind: "family-start"; family: FamilyName; index: number; total: number; elapsedS: number }
  | { kind: "line"; family: FamilyName; index: number; total: number; line: string; elapsedS: number }
  | { kind: "family-end"; family: FamilyName; index: number; total: number; run: FamilyRun; entries: number; elapsedS: number }
  | { kind: "warning"; text: string; elapsedS: number };

export interface RejectedEntry {
  family: FamilyName;
  section: string;
  problem: string;
  entry: unknown;
}

export interface BenchRunDeps {
  loaders: FamilyLoaders;
  environment: Environment;
  tool: { name: string; version: string };
  signal: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** After an abort, how long a family may take to return before the run moves on without it. */
  abortGraceMs?: number;
  /** Extra facts about the run to copy into report.options (output directory, injected test families…). */
  extraOptions?: Record<string, unknown>;
  /** Run-wide flags known before any family runs. */
  caveats?: readonly string[];
  now?: () => Date;
  /** Times the machine's reference loop (ms), at the start and after each family; null when it cannot run. */
  probe?: () => number | null;
  /** The end-of-run analysis; tests inject one that throws. Default analyzeReport. */
  analyze?: (report: Report) => Report;
}

/**
 * The descriptors of the run's arms, with the target each is measured at (null: started by the harness) and whether
 * the run reaches it over TLS (`tls`; its handshakes are filled in as the run goes, see snapshot()).
 */
export function runArms(options: Pick<RunOptions, "arms" | "targets" | "tls" | "insecure">): Arm[] {
  // A --config run measures the user's two servers at the config's targets (bench/user-api/user-api-arms.ts).
  // Without targets (size and micro only) no server is measured and the arms stay the registry's pair.
  const config = userApiConfig();
  if (config !== null && (config.targets.grpc !== undefined || config.targets.rest !== undefined)) return userApiArms(config.targets, options);
  return options.arms.map((id) => {
    const arm = findArm(id);
    if (arm === undefined) throw new Error(`arm ${id} is not registered`);
    const target = options.targets[id] ?? null;
    return { ...describeArm(arm), target, tls: armTlsRecord(armUsesTls({ target }, options), options.insecure !== true) };
  });
}

const SECTIONS: readonly Section[] = ["load", "sizes", "micro", "compression", "multiplex", "stream", "tls"];

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500);

export class BenchRun {
  readonly rejected: RejectedEntry[] = [];
  private readonly report: Report;
  private readonly startedMs: number;
  private readonly now: () => Date;
  private current: { family: FamilyName; startedMs: number } | null = null;

  constructor(
    private readonly options: RunOptions,
    private readonly deps: BenchRunDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    const started = this.now();
    this.startedMs = started.getTime();
    this.report = {
      schemaVersion: SCHEMA_VERSION,
      tool: deps.tool,
      profile: options.profile,
      options: {
        profile: options.profile,
        families: options.families,
        arms: options.arms,
        baseline: options.baseline,
        targets: options.targets,
        ...(options.armModules.length > 0 ? { armModules: options.armModules } : {}),
        // That the calls carried a bearer token (their wire bytes include it); the token itself never goes in a report.
        ...(options.token !== undefined ? { bearerToken: true } : {}),
        // TLS as asked: local servers with the run's own certificate, the CA file trusted for targets, no verification.
        ...(options.tls === true ? { tls: true } : {}),
        ...(options.ca !== undefined ? { ca: options.ca.path } : {}),
        ...(options.insecure === true ? { insecure: true } : {}),
        // --server-cpus N: every server the run started was N processes (environment.serverCpus says so for any N).
        ...(options.serverCpus !== undefined ? { serverCpus: options.serverCpus } : {}),
        ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
        ...deps.extraOptions,
      },
      startedAt: started.toISOString(),
      finishedAt: started.toISOString(),
      endReason: "completed",
      environment: deps.environment,
      families: [],
      arms: runArms(options),
      baseline: options.baseline,
      load: [],
      sizes: [],
      micro: [],
      compression: [],
      multiplex: [],
      stream: [],
      tls: [],
      findings: [],
      attribution: [],
      caveats: [...(deps.caveats ?? [])],
      serverExits: [],
    };
  }

  private elapsedS(): number {
    return (this.now().getTime() - this.startedMs) / 1000;
  }

  private emit(event: ProgressEvent): void {
    try {
      this.deps.onProgress?.(event);
    } catch {
      // a broken progress display must not cost a measurement
    }
  }

  private addCaveat(text: string): void {
    if (!this.report.caveats.includes(text)) this.report.caveats.push(text);
  }

  /** leftOut sentences per family, attached to its FamilyRun when it ends (or to a snapshot while it runs) */
  private readonly leftOutBy = new Map<FamilyName, string[]>();

  private withLeftOut(run: FamilyRun): FamilyRun {
    const leftOut = this.leftOutBy.get(run.family as FamilyName);
    return leftOut !== undefined && leftOut.length > 0 ? { ...run, leftOut: [...leftOut] } : run;
  }

  private context(family: FamilyName, index: number, total: number, isOpen: () => boolean): FamilyContext {
    return {
      profile: this.options.profile,
      signal: this.deps.signal,
      arms: this.report.arms,
      baseline: this.report.baseline,
      ...(this.options.rounds !== undefined ? { rounds: this.options.rounds } : {}),
      record: <S extends Section>(section: S, entry: SectionEntry<S>) => {
        if (!isOpen()) {
          this.emit({ kind: "warning", text: `${family}: record() after the family's slot ended was ignored`, elapsedS: this.elapsedS() });
          return;
        }
        if (!SECTIONS.includes(section)) {
          this.rejected.push({ family, section: String(section), problem: "unknown section", entry });
          this.addCaveat(`family ${family} recorded into an unknown section "${String(section)}": left out (see rejected-entries.json)`);
          return;
        }
        const schema = (Report.properties[section] as unknown as { items: TSchema }).items;
        const first = Value.Errors(schema, entry).First();
        if (first) {
          const problem = `${first.path || "/"} ${first.message}`;
          this.rejected.push({ family, section, problem, entry });
          this.addCaveat(`family ${family} recorded a ${section} entry that does not match the result model (${problem}): left out (see rejected-entries.json)`);
          this.emit({ kind: "warning", text: `${family}: rejected a ${section} entry: ${problem}`, elapsedS: this.elapsedS() });
          return;
        }
        ((this.report[section] ??= []) as SectionEntry<S>[]).push(entry);
      },
      caveat: (text: string) => this.addCaveat(text),
      serverExit: (exit) => {
        // Kept even after the family's slot: a server that died is never dropped, whenever the family says so.
        const record: ServerExit = { ...exit, family, runElapsedS: (Date.parse(exit.at) - this.startedMs) / 1000 };
        const exits = this.report.serverExits ?? [];
        const seen = exits.findIndex((e) => e.pid === record.pid && e.arm === record.arm);
        if (seen >= 0) exits[seen] = record;
        else exits.push(record);
        this.report.serverExits = exits;
        if (seen < 0) this.emit({ kind: "warning", text: `server ${record.arm} (pid ${record.pid}) exited with ${exitCause(record)}${record.during ? ` during ${record.during.scenario}` : ""}`, elapsedS: this.elapsedS() });
      },
      leftOut: (text: string) => {
        const list = this.leftOutBy.get(family) ?? [];
        if (!list.includes(text)) list.push(text);
        this.leftOutBy.set(family, list);
      },
      progress: (line: string) => this.emit({ kind: "line", family, index, total, line, elapsedS: this.elapsedS() }),
    };
  }

  private entryCount(): number {
    return SECTIONS.reduce((n, s) => n + (this.report[s]?.length ?? 0), 0);
  }

  /** Runs every selected family; resolves with the finished report (never rejects for a family's failure). */
  async run(): Promise<Report> {
    const { signal } = this.deps;
    const names = this.options.families;
    const graceMs = this.deps.abortGraceMs ?? 15_000;
    // Every client a family builds sends it, and every server it starts requires it (bench/run-token.ts).
    setRunToken(this.options.token ?? null);
    // Every server a family starts is this many processes (bench/server-process/run-server-cpus.ts).
    setRunServerCpus(this.options.serverCpus ?? 1);
    // The local servers' certificate (--tls), the clients' trust, an empty handshake tally (bench/run-tls-setup.ts).
    await setUpRunTls(this.options, this.report.arms);
    this.probeMachine();
    for (const [i, name] of names.entries()) {
      const index = i + 1;
      if (signal.aborted) {
        this.report.families.push({ family: name, endReason: "skipped", durationS: 0, failure: "the run was aborted before this family started" });
        continue;
      }
      const startedMs = this.now().getTime();
      this.current = { family: name, startedMs };
      this.emit({ kind: "family-start", family: name, index, total: names.length, elapsedS: this.elapsedS() });
      let open = true;
      const before = this.entryCount();
      let run: FamilyRun;
      try {
        const family = await this.deps.loaders[name]();
        const outcome = await untilAbortGrace(family.run(this.context(name, index, names.length, () => open)), signal, graceMs);
        run =
          outcome === "overran"
            ? { family: name, endReason: "aborted", durationS: 0, failure: `did not stop within ${graceMs / 1000} s of the abort; later records are ignored` }
            : { family: name, endReason: signal.aborted ? "aborted" : "completed", durationS: 0 };
      } catch (error) {
        run = signal.aborted ? { family: name, endReason: "aborted", durationS: 0, failure: oneLine(error) } : { family: name, endReason: "failed", durationS: 0, failure: oneLine(error) };
      }
      open = false;
      this.current = null;
      run.durationS = (this.now().getTime() - startedMs) / 1000;
      run = this.withLeftOut(run);
      this.report.families.push(run);
      this.emit({ kind: "family-end", family: name, index, total: names.length, run, entries: this.entryCount() - before, elapsedS: this.elapsedS() });
      if (!signal.aborted) this.probeMachine();
    }
    return this.snapshot();
  }

  /** One reading of the reference loop, so compare can tell a slower machine from slower code. */
  private probeMachine(): void {
    const ms = this.deps.probe?.() ?? null;
    const probe = this.report.environment.referenceProbe;
    if (ms !== null && probe !== undefined) probe.ms.push(ms);
  }

  /**
   * The report as it stands, finished: findings and caveats computed, a family still running listed as aborted.
   * Safe to call at any time (a second Ctrl-C, a fatal error) and more than once.
   */
  snapshot(override?: Report["endReason"]): Report {
    const families = [...this.report.families];
    if (this.current) {
      families.push(
        this.withLeftOut({
          family: this.current.family,
          endReason: override === "failed" ? "failed" : "aborted",
          durationS: (this.now().getTime() - this.current.startedMs) / 1000,
          failure: override === "failed" ? "the run hit a fatal error while this family was running" : "still running when the report was written",
        }),
      );
    }
    const ran = new Set(families.map((f) => f.family));
    for (const name of this.options.families) if (!ran.has(name)) families.push({ family: name, endReason: "skipped", durationS: 0, failure: "the run ended before this family started" });
    // A server that died makes the run failed even when every family ran to its end: what it served failed, and
    // a server started in its place made the figures before and after come from different processes.
    const serverDied = (this.report.serverExits ?? []).length > 0;
    const endReason: Report["endReason"] =
      override ?? (this.deps.signal.aborted || this.current ? "aborted" : families.some((f) => f.endReason === "failed") || serverDied ? "failed" : "completed");
    const base: Report = structuredClone({
      ...this.report,
      finishedAt: this.now().toISOString(),
      endReason,
      families,
      environment: settlePinning(this.report.environment, this.report.load),
      // Each TLS arm's handshakes so far: version, cipher, ALPN, full vs resumed (fairness rule 8: a resumed session is said).
      arms: withTlsRecords(this.report.arms),
    });
    // Findings are derived from what the report holds (analyzeReport can be run on report.json later); the
    // measurements cannot be had again: a bug in the analysis must never cost the run its report.
    try {
      return (this.deps.analyze ?? analyzeReport)(base);
    } catch (error) {
      const text = `analysis failed (${oneLine(error)}): no findings, attribution or derived caveats were computed; the measurements are as recorded`;
      this.emit({ kind: "warning", text, elapsedS: this.elapsedS() });
      return { ...base, findings: [], attribution: [], caveats: base.caveats.includes(text) ? base.caveats : [...base.caveats, text] };
    }
  }
}

/** Waits for a family; once the run is aborted, waits at most graceMs more. */
async function untilAbortGrace(work: Promise<void>, signal: AbortSignal, graceMs: number): Promise<"returned" | "overran"> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const overran = new Promise<"overran">((resolve) => {
    const arm = () => {
      timer = setTimeout(() => resolve("overran"), graceMs);
    };
    if (signal.aborted) arm();
    else {
      onAbort = arm;
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([work.then(() => "returned" as const), overran]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
