// The decision summary at the top of report.html and summary.md: a few sentences that answer "what would switching
// from REST to gRPC buy, and where does it come from", computed from the findings and the attribution, never
// written by hand. Every number is a part that names the finding (or attribution step) it comes from, so each
// writer can link it.
import type { Attribution } from "../bench/model/attribution.js";
import type { Finding } from "../bench/model/finding.js";
import type { Report } from "../bench/model/report.js";
import { roundsForHalfWidth } from "../bench/analysis/statistics.js";
import { MAX_ROUNDS } from "../bench/load/paired-rounds.js";
import { armDirectory } from "./finding-kind.js";

/** Plain text, or a figure with the id of what it comes from (a finding id, or `attribution:<call>:<payload>:<metric>`). */
export type SummaryPart = string | { text: string; ref: string };
export type SummarySentence = SummaryPart[];

const fmt = (x: number) => (x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));
const times = (x: number) => `${fmt(x)}×`;

export function attributionRef(a: Pick<Attribution, "call" | "payload" | "metric">): string {
  return `attribution:${a.call}:${a.payload}:${a.metric}`;
}

/** Server-view closed-loop findings of one arm against the baseline, by metric, in scenario order. */
function serverFindings(findings: readonly Finding[], candidate: string, baseline: string, metric: string): Finding[] {
  return findings.filter(
    (f) => f.kind === "arm-comparison" && f.candidate === candidate && f.baseline === baseline && f.metric === metric && f.ratio !== null && f.subject?.view === "server" && f.subject.mode === "closed",
  );
}

/** "GetUser small": the call and size class the finding measured ("get-feature": a --config call has no size class). */
function callOf(f: Finding): string {
  if (f.subject === null) return "";
  return f.subject.payload === "config" ? f.subject.call : `${f.subject.call} ${f.subject.payload}`;
}

/** Parts joined with ", " and `last` before the final one ("and", or "; " to keep every separator the same). */
function join(parts: SummaryPart[][], last = "and"): SummaryPart[] {
  const out: SummaryPart[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(last === "; " ? last : i === parts.length - 1 ? ` ${last} ` : ", ");
    out.push(...p);
  });
  return out;
}

const ratio = (f: Finding): SummaryPart => ({ text: times(f.ratio as number), ref: f.id });

const significant = (f: Finding) => f.verdict === "candidate-better" || f.verdict === "baseline-better";

/** The precision a decision asks of these ratios: their 95% CIs within ±5%. */
export const DECISION_HALF_WIDTH = 0.05;

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0).replace(/\.0$/, "")}%`;

/**
 * How tight the headline ratios are, and what a narrower interval would cost: the narrowest and widest 95% CI
 * (± around the ratio), the paired rounds they came from, and (roundsForHalfWidth, from each one's own per-round
 * spread) about how many rounds would bring every one of them within ±5% on this machine, linked to the finding
 * that needs the most. Paired findings only: an unpaired interval does not narrow by rounds the same way.
 */
function precisionSentence(findings: readonly Finding[]): SummarySentence | null {
  const paired = findings.filter((f) => f.pairing !== undefined && f.ci95 !== null && f.ratio !== null && f.ratio > 0);
  if (paired.length === 0) return null;
  const half = (f: Finding) => Math.sqrt((f.ci95 as [number, number])[1] / (f.ci95 as [number, number])[0]) - 1;
  const widest = paired.reduce((a, b) => (half(b) > half(a) ? b : a));
  const narrowest = paired.reduce((a, b) => (half(b) < half(a) ? b : a));
  const fewest = paired.reduce((a, b) => ((b.pairing?.rounds ?? 0) < (a.pairing?.rounds ?? 0) ? b : a));
  const most = paired.reduce((a, b) => ((b.pairing?.rounds ?? 0) > (a.pairing?.rounds ?? 0) ? b : a));
  const roundsOf = (f: Finding): SummaryPart => ({ text: String(f.pairing?.rounds), ref: f.id });
  const sentence: SummarySentence = [
    "These ratios (throughput, server CPU per call, median latency) are measured to within ±",
    ...(pct(half(widest)) === pct(half(narrowest)) ? [] : [{ text: pct(half(narrowest)), ref: narrowest.id }, " to ±"]),
    { text: pct(half(widest)), ref: widest.id },
    " (their confidence intervals) from ",
    ...(fewest.pairing?.rounds === most.pairing?.rounds ? [roundsOf(fewest)] : [roundsOf(fewest), " to ", roundsOf(most)]),
    " paired rounds",
  ];
  if (half(widest) <= DECISION_HALF_WIDTH) return [...sentence, "."];
  const needs = paired.map((f) => ({ f, n: roundsForHalfWidth(f.ci95, f.pairing?.rounds ?? 0, DECISION_HALF_WIDTH) ?? 0 }));
  const binding = needs.reduce((a, b) => (b.n > a.n ? b : a));
  const rounds = { text: binding.n.toLocaleString("en-US"), ref: binding.f.id };
  return [
    ...sentence,
    "; at the spread this machine showed from round to round, all of them within ±",
    { text: pct(DECISION_HALF_WIDTH), ref: binding.f.id },
    " would take about ",
    rounds,
    " rounds",
    ...(binding.n <= MAX_ROUNDS ? [" (npm run bench -- --rounds ", { text: String(binding.n), ref: binding.f.id }, ")."] : [", more than --rounds allows: that takes a quieter machine."]),
  ];
}

export function decisionSummary(report: Report): SummarySentence[] {
  const arms = armDirectory(report);
  const base = report.baseline;
  const grpc = report.arms.find((a) => a.id === "grpc") ?? report.arms.find((a) => a.api === "grpc");
  const sentences: SummarySentence[] = [];
  if (grpc === undefined || grpc.id === base) return sentences;
  const name = (id: string) => arms.name(id);
  const throughput = serverFindings(report.findings, grpc.id, base, "throughputRps");
  const cpu = serverFindings(report.findings, grpc.id, base, "serverCpuUsPerCall");
  if (throughput.length > 0) {
    const perCall = throughput.map((t) => {
      const c = cpu.find((x) => x.scenario === t.scenario);
      return [`${callOf(t)} at `, ratio(t), " the throughput", ...(c ? [" for ", ratio(c), " the server CPU per call"] : [])];
    });
    const notSig = throughput.filter((t) => !significant(t)).map(callOf);
    sentences.push([
      `Measured on this machine (server view, closed loop, equal calls in flight), ${name(grpc.id)} served `,
      ...join(perCall),
      ` of ${name(base)}.`,
      ...(notSig.length > 0 ? [` For ${notSig.join(", ")} the throughput difference is not significant (its 95% CI includes 1).`] : []),
    ]);
  }
  const precision = precisionSentence([...throughput, ...cpu, ...serverFindings(report.findings, grpc.id, base, "latencyMs.p50")]);
  if (precision !== null) sentences.push(precision);
  // Where it comes from: each step of the attribution chain for throughput, per call, and the largest one.
  const chains = report.attribution.filter((a) => a.metric === "throughputRps");
  if (chains.length > 0) {
    const perCall = chains.map((a) => [
      `${a.call} ${a.payload}: `,
      ...join(
        a.steps.map((s) => [`${s.factor} `, { text: times(s.ratio), ref: attributionRef(a) }]),
        "then",
      ),
    ]);
    const largest = new Map<string, string[]>();
    for (const a of chains) {
      const step = a.steps.reduce((x, y) => (Math.abs(Math.log(y.ratio)) > Math.abs(Math.log(x.ratio)) ? y : x));
      largest.set(step.factor, [...(largest.get(step.factor) ?? []), `${a.call} ${a.payload}`]);
    }
    const missing = [...new Set(chains.flatMap((a) => a.missing))];
    sentences.push([
      "Where it comes from, one factor per step (throughput): ",
      ...join(perCall, "; "),
      `. The largest step is ${[...largest].map(([factor, calls]) => `${factor} (${calls.join(", ")})`).join("; ")}.`,
      ...(missing.length > 0 ? [` This run did not measure ${missing.join(", ")}: the factors between them are one step.`] : []),
    ]);
  } else if (throughput.length > 0) {
    sentences.push([
      `This run cannot say where the difference comes from: add the arms between ${name(base)} and ${name(grpc.id)} (e.g. --arms grpc,rest,rest-node) to separate the framework from the protocol.`,
    ]);
  }
  // Other arms against the baseline, in one sentence: what a different stack alone would buy (the gateway has its own).
  const others = report.arms
    .filter((arm) => arm.id !== base && arm.id !== grpc.id && arm.id !== "gateway")
    .map((arm) => ({ arm, t: serverFindings(report.findings, arm.id, base, "throughputRps") }))
    .filter(({ t }) => t.length > 0);
  if (others.length > 0) {
    sentences.push([
      `The other stacks against ${name(base)}, throughput on the same calls: `,
      ...join(others.map(({ arm, t }) => [`${name(arm.id)} `, ...join(t.map((f) => [ratio(f), ` (${callOf(f)})`]))]), "; "),
      ".",
    ]);
  }
  // What a REST gateway in front of gRPC costs: the attribution's gateway sides (vs rest, vs grpc), throughput.
  const gateway = chains
    .map((a) => ({ a, vsBase: (a.sides ?? []).find((s) => s.to === "gateway" && s.from === base), vsGrpc: (a.sides ?? []).find((s) => s.to === "gateway" && s.from === grpc.id) }))
    .filter((g) => g.vsBase !== undefined || g.vsGrpc !== undefined);
  if (gateway.length > 0) {
    sentences.push([
      `A REST gateway in front of ${name(grpc.id)} (REST clients kept, gRPC behind) served `,
      ...join(
        gateway.map(({ a, vsBase, vsGrpc }) => [
          `${a.call} ${a.payload} at `,
          ...join([
            ...(vsBase ? [[{ text: times(vsBase.ratio), ref: attributionRef(a) }, ` the throughput of ${name(base)}`]] : []),
            ...(vsGrpc ? [[{ text: times(vsGrpc.ratio), ref: attributionRef(a) }, ` that of ${name(grpc.id)} alone`]] : []),
          ]),
        ]),
        "; ",
      ),
      "; its server CPU counts the gateway and the gRPC server behind it.",
    ]);
  }
  const bytes = serverFindings(report.findings, grpc.id, base, "wireBytesPerCall");
  if (bytes.length > 0) {
    sentences.push([`On the wire, ${name(grpc.id)} sent `, ...join(bytes.map((f) => [ratio(f), ` (${callOf(f)})`])), ` of ${name(base)}'s bytes per call, headers and framing included.`]);
  }
  const clientCpu = report.findings.filter((f) => f.kind === "arm-comparison" && f.candidate === grpc.id && f.baseline === base && f.metric === "clientCpuUsPerCall" && f.ratio !== null);
  if (clientCpu.length > 0) {
    sentences.push([`With the idiomatic client libraries (end-to-end view) the client side spent `, ...join(clientCpu.map((f) => [ratio(f), ` (${callOf(f)})`])), ` the client CPU per call of ${name(base)}'s client, the client libraries' own cost included.`]);
  }
  return sentences.slice(0, 7);
}
