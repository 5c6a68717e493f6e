// Two claims about TLS, set next to what the tls family measured (report.tls). Per arm, each rests on a ratio with a
// 95% CI paired over rounds (the connection modes' interleaved windows; TLS vs cleartext's alternating rounds): the
// CI lies on the claim's side of its threshold, on the other side, or across it. The claim is supported when it holds
// for every arm measured, not supported when it fails for every one, depends on the arm when both happen, and is
// otherwise inconclusive (resumption: no significant difference when every CI straddles 1). An arm with fewer than 2
// rounds has no CI and decides nothing (said in the statement).
import type { Finding, Verdict } from "../model/finding.js";
import type { Measurement } from "../model/measurement.js";
import type { TlsConnectionResult, TlsResult, TlsVersusCleartextResult } from "../model/tls-result.js";
import { completedRepetitions, fmtRatio } from "./arm-comparison.js";
import { median, pairedRatioCi, ratioCi, type RatioEstimate } from "./statistics.js";

/** "Costs little" read as: kept-alive TLS keeps at least this share of cleartext throughput. */
export const TLS_COSTS_LITTLE_MIN_THROUGHPUT = 0.9;

/** Per arm: the CI is on the claim's side of the threshold, on the other side, across it, or there is no CI. */
type Outcome = "holds" | "fails" | "across" | "no-ci";

interface ArmFigure {
  arm: string;
  estimate: RatioEstimate;
  outcome: Outcome;
  extra: string;
}

const ciText = (e: RatioEstimate) => (e.ci95 === null ? "no CI" : `95% CI ${fmtRatio(e.ci95[0])}–${fmtRatio(e.ci95[1])}`);

function windowValues(entry: { repetitions: readonly Measurement[]; endReason: Measurement["endReason"] } & Measurement, pick: (m: Measurement) => number | null): number[] {
  return completedRepetitions(entry)
    .map(pick)
    .filter((v): v is number => v !== null && Number.isFinite(v));
}

/**
 * a / b of windows measured in rounds, paired by index: the tls family runs TLS vs cleartext in rounds that alternate
 * the sides, and the connection modes in interleaved rounds, so window i of one ran next to window i of the other.
 * Pairs where either window is incomplete or the figure is missing are left out.
 */
export function pairedWindowRatio(a: readonly Measurement[], b: readonly Measurement[], pick: (m: Measurement) => number | null): RatioEstimate | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.endReason !== "completed" || y.endReason !== "completed") continue;
    const vx = pick(x);
    const vy = pick(y);
    if (vx === null || vy === null || !Number.isFinite(vx) || !Number.isFinite(vy)) continue;
    xs.push(vx);
    ys.push(vy);
  }
  return pairedRatioCi(xs, ys);
}

/** Both cases' windows ran in the same interleaved rounds. */
const interleaved = (a: TlsConnectionResult, b: TlsConnectionResult) => a.interleaving?.modes.includes(b.mode) === true && b.interleaving?.modes.includes(a.mode) === true;

/**
 * Server CPU per call of one connection case over another's: paired by round when their windows were interleaved;
 * otherwise (a report from before interleaving) over the windows unpaired, the drift between the cases included.
 */
function caseRatio(a: TlsConnectionResult, b: TlsConnectionResult): RatioEstimate | null {
  const cpu = (m: Measurement) => m.serverCpuUsPerCall;
  return interleaved(a, b) ? pairedWindowRatio(a.repetitions, b.repetitions, cpu) : ratioCi(windowValues(a, cpu), windowValues(b, cpu));
}

function verdictOver(figures: readonly ArmFigure[], dependsOn: string, allAcross: Verdict): { verdict: Verdict; verdictDetail?: string } {
  const count = (o: Outcome) => figures.filter((f) => f.outcome === o).length;
  const arms = (o: Outcome) => figures.filter((f) => f.outcome === o).map((f) => f.arm);
  if (count("no-ci") === figures.length) return { verdict: "insufficient-repetitions" };
  if (count("holds") === figures.length) return { verdict: "supported" };
  if (count("fails") === figures.length) return { verdict: "not-supported" };
  if (count("holds") > 0 && count("fails") > 0) return { verdict: "depends", verdictDetail: `on ${dependsOn}` };
  if (count("across") === figures.length) return allAcross === "inconclusive" ? { verdict: allAcross, verdictDetail: "every 95% CI spans the threshold" } : { verdict: allAcross };
  const open = [...arms("across").map((a) => `${a} (CI across the threshold)`), ...arms("no-ci").map((a) => `${a} (no CI)`)];
  return { verdict: "inconclusive", verdictDetail: `undecided for ${open.join(", ")}` };
}

const claim = (fields: Pick<Finding, "id" | "statement" | "metric" | "metricLabel" | "ratio" | "ci95" | "verdict" | "caveats"> & Partial<Pick<Finding, "verdictDetail" | "candidate">>): Finding => ({
  kind: "claim",
  scenario: null,
  subject: null,
  family: "tls",
  better: null,
  baseline: null,
  candidate: null,
  ...fields,
});

/** The connection cases of one arm at the largest lane count measured in both modes. */
function resumptionPairs(tls: readonly TlsResult[]): { full: TlsConnectionResult; resumed: TlsConnectionResult; keepAlive: TlsConnectionResult | null }[] {
  const cases = tls.filter((e): e is TlsConnectionResult => e.kind === "connection");
  const pairs: { full: TlsConnectionResult; resumed: TlsConnectionResult; keepAlive: TlsConnectionResult | null }[] = [];
  for (const arm of [...new Set(cases.map((e) => e.arm))]) {
    const mine = cases.filter((e) => e.arm === arm);
    const lanes = [...new Set(mine.map((e) => e.lanes))].sort((a, b) => b - a);
    for (const n of lanes) {
      const full = mine.find((e) => e.mode === "tls-full" && e.lanes === n);
      const resumed = mine.find((e) => e.mode === "tls-resumed" && e.lanes === n);
      if (full === undefined || resumed === undefined) continue;
      pairs.push({ full, resumed, keepAlive: mine.find((e) => e.mode === "tls-keepalive" && e.lanes === n) ?? null });
      break;
    }
  }
  return pairs;
}

function resumptionClaim(tls: readonly TlsResult[], pinned: boolean): Finding | null {
  const figures: ArmFigure[] = [];
  const caveats: string[] = [];
  let paired = 0;
  let unpaired = 0;
  for (const { full, resumed, keepAlive } of resumptionPairs(tls)) {
    const estimate = caseRatio(resumed, full);
    if (estimate === null) continue;
    if (interleaved(resumed, full)) paired++;
    else unpaired++;
    const outcome: Outcome = estimate.ci95 === null ? "no-ci" : estimate.ci95[1] < 1 ? "holds" : estimate.ci95[0] >= 1 ? "fails" : "across";
    const kept = keepAlive === null ? null : caseRatio(keepAlive, full);
    figures.push({ arm: full.arm, estimate, outcome, extra: kept === null ? "" : `, kept alive ${fmtRatio(kept.ratio)}×` });
    const handshakes = resumed.handshakes;
    if (handshakes !== null && handshakes.full > 0) caveats.push(`${full.arm}: ${handshakes.full} of ${handshakes.full + handshakes.resumed} handshakes in the resumed case's windows were full (the server did not resume the session offered)`);
    if (full.driverSaturated || resumed.driverSaturated) caveats.push(`${full.arm}: load generator saturated (the client does its half of every handshake): CPU per call is still the server's own`);
  }
  if (figures.length === 0) return null;
  const lanes = [...new Set(resumptionPairs(tls).map((p) => p.full.lanes))].join(", ");
  const rounds = [...new Set(resumptionPairs(tls).flatMap((p) => (interleaved(p.resumed, p.full) ? [p.full.interleaving?.rounds ?? 0] : [])))].join(", ");
  if (paired > 0)
    caveats.push(
      `connection per call, ${lanes} lane(s); every way of connecting warmed up before any window, then their windows interleaved in ${rounds} rounds (ABBA order); ratio: server CPU per call with the previous session offered / with a full handshake, geometric mean of the per-round ratios, 95% CI paired by round (t on the log-ratios)`,
    );
  if (unpaired > 0)
    caveats.push(
      `${unpaired === figures.length ? "" : "some arms: "}the modes were measured one after another (a report from before interleaving): geometric means of the windows, 95% CI unpaired (Welch t on logs); drift and warm-up between the cases are in the ratio`,
    );
  caveats.push(
    "TLS 1.3 resumption (PSK with a fresh ECDHE) skips the certificate and its signature, not the key exchange: with an ECDSA P-256 certificate the saving is smaller than with RSA",
  );
  if (!pinned) caveats.push("CPUs not pinned: server and load generator shared cores");
  const single = figures.length === 1 ? figures[0]! : null;
  return claim({
    id: "claim:tls-resumption-saves-server-cpu",
    statement:
      `"Resuming a TLS session makes a new connection cheaper for the server": server CPU per call, resumed / full handshake, ` +
      figures.map((f) => `${f.arm} ${fmtRatio(f.estimate.ratio)}× (${ciText(f.estimate)})${f.extra}`).join("; "),
    metric: "tls[].serverCpuUsPerCall (tls-resumed / tls-full)",
    metricLabel: "server CPU per call, resumed / full handshake",
    ratio: median(figures.map((f) => f.estimate.ratio)),
    ci95: single?.estimate.ci95 ?? null,
    ...(single !== null ? { candidate: single.arm } : {}),
    // every CI across 1: resumed and full handshakes cost the server the same, as far as this run can tell
    ...verdictOver(figures, "arm", "no-significant-difference"),
    caveats,
  });
}

function keepAliveClaim(tls: readonly TlsResult[], pinned: boolean): Finding | null {
  const versus = tls.filter((e): e is TlsVersusCleartextResult => e.kind === "tls-vs-cleartext");
  const figures: ArmFigure[] = [];
  const caveats: string[] = [];
  for (const e of versus) {
    const estimate = pairedWindowRatio(e.tls.measurement.repetitions, e.cleartext.measurement.repetitions, (m) => m.throughputRps);
    if (estimate === null) continue;
    const outcome: Outcome =
      estimate.ci95 === null ? "no-ci" : estimate.ci95[0] >= TLS_COSTS_LITTLE_MIN_THROUGHPUT ? "holds" : estimate.ci95[1] < TLS_COSTS_LITTLE_MIN_THROUGHPUT ? "fails" : "across";
    const cpu = e.serverCpuUsPerCall.ratio;
    figures.push({ arm: `${e.arm} ${e.call} ${e.payload}`, estimate, outcome, extra: cpu === null ? "" : `, server CPU per call ${fmtRatio(cpu)}×` });
    if (e.cleartext.measurement.driverSaturated || e.tls.measurement.driverSaturated) caveats.push(`${e.arm} ${e.call} ${e.payload}: load generator saturated: throughput is a lower bound`);
    if (e.tls.measurement.errors.total > 0 || e.cleartext.measurement.errors.total > 0) caveats.push(`${e.arm} ${e.call} ${e.payload}: calls failed (see the tls section)`);
  }
  if (figures.length === 0) return null;
  caveats.push(
    `"costs little" read as TLS keeping at least ${TLS_COSTS_LITTLE_MIN_THROUGHPUT}× the cleartext throughput (95% CI above it: holds; below it: fails; across it: undecided)`,
    "server view, closed loop, connections opened before the warm-up and kept alive; cleartext and TLS servers are separate processes of the same arm, measured in alternating rounds, the ratio paired by round (paired t on logs)",
  );
  if (!pinned) caveats.push("CPUs not pinned: server and load generator shared cores");
  const single = figures.length === 1 ? figures[0]! : null;
  return claim({
    id: "claim:tls-keepalive-costs-little",
    statement:
      `"TLS costs little once connections are kept alive": throughput TLS / cleartext ` +
      figures.map((f) => `${f.arm} ${fmtRatio(f.estimate.ratio)}× (${ciText(f.estimate)})${f.extra}`).join("; "),
    metric: "tls[].throughput (TLS / cleartext)",
    metricLabel: "throughput, TLS / cleartext",
    ratio: median(figures.map((f) => f.estimate.ratio)),
    ci95: single?.estimate.ci95 ?? null,
    ...verdictOver(figures, "arm and scenario", "inconclusive"),
    caveats,
  });
}

export function tlsFindings(tls: readonly TlsResult[] | undefined, pinned: boolean): Finding[] {
  if (tls === undefined || tls.length === 0) return [];
  return [resumptionClaim(tls, pinned), keepAliveClaim(tls, pinned)].filter((f): f is Finding => f !== null);
}
