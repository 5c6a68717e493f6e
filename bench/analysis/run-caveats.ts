// Run-wide flags read from the measurements themselves, so a reader sees them next to the findings:
// a server process that died, a saturated load generator, unpinned CPUs, repetitions that are windows of one run, lifetime RSS peaks, open-loop
// calls never sent, a compression setting that was not applied, failed or aborted families, errors, unverified
// streams, errored micro benchmarks, TLS without verification, resumed TLS sessions, TLS and cleartext arms side by side,
// measured windows with heavy CPU steal.
import type { Report } from "../model/report.js";
import { serverExitCaveats } from "./server-exit-caveats.js";
import { HEAVY_STEAL, stealByFamily } from "./window-steal.js";

const list = (xs: string[], max = 3) => (xs.length > max ? `${xs.slice(0, max).join(", ")} and ${xs.length - max} more` : xs.join(", "));

/** How the caveat on what repetitions are begins (merge drops the shards' own, whatever version worded them, and derives the merged run's). */
export const REPETITIONS_CAVEAT_START = "repetitions are separate runs";

/** What every repetition of the run had in common: one machine's servers, --target servers, or (merged) N shards' load generators against the same servers. */
function sharedSetup(report: Report): string {
  if (report.merge !== undefined) {
    const hosts = new Set(report.merge.shards.map((s) => s.host)).size;
    return `each is the window-by-window merge of ${report.merge.shards.length} shards' load generators (${hosts} host${hosts === 1 ? "" : "s"}) against the same servers in one session`;
  }
  const arms = report.arms.filter((a) => report.load.some((s) => s.arm === a.id));
  if (arms.length > 0 && arms.every((a) => a.target !== null)) return "they share the same --target servers and one session of this run";
  return "they share the same server processes and one session on this machine";
}

export function runCaveats(report: Report): string[] {
  // First: a server that died changes what every figure of its arm after it means.
  const caveats: string[] = serverExitCaveats(report.serverExits);
  for (const f of report.families) {
    if (f.endReason === "failed") caveats.push(`family ${f.family} failed${f.failure ? `: ${f.failure}` : ""}; its results are missing or partial`);
    if (f.endReason === "aborted") caveats.push(`family ${f.family} was aborted; its results are partial`);
  }
  if (report.load.length > 0 && !report.environment.pinned) {
    const why = report.environment.pinning ? ` (${report.environment.pinning})` : "";
    // A --target server runs wherever the user put it: only servers this run started can share our cores.
    const local = new Set(report.arms.filter((a) => a.target === null).map((a) => a.id));
    // Remote servers are never pinned by this run: only a load generator left unpinned is worth saying then.
    if (report.load.some((s) => local.has(s.arm))) caveats.push(`CPUs not pinned${why}: server and load generator competed for the same cores`);
    else if (report.load.some((s) => s.clientPinnedCpus === null)) caveats.push(`load generator not pinned to a CPU of its own${why}; the servers are --target hosts, outside this machine's pinning`);
  }
  if (report.load.some((s) => s.repetitions.length > 1)) {
    caveats.push(
      `${REPETITIONS_CAVEAT_START} (fresh connections, own warm-up) interleaved across the load scenarios, so they sample this run's time span; ${sharedSetup(report)}, so the confidence intervals cover the variation within this run, not between machines or days`,
    );
  }
  const saturated = report.load.filter((s) => s.driverSaturated || s.repetitions.some((r) => r.driverSaturated)).map((s) => s.scenario);
  if (saturated.length > 0) {
    caveats.push(`load generator saturated in ${saturated.length} of ${report.load.length} load scenarios (${list(saturated)}): their throughput is a lower bound on server capacity`);
  }
  const lifetimeRss = report.load
    .filter((s) => s.repetitions.some((r) => r.serverPeakRssScope === "process-lifetime" || r.clientPeakRssScope === "process-lifetime"))
    .map((s) => s.scenario);
  if (lifetimeRss.length > 0) {
    caveats.push(
      `peak RSS in ${list(lifetimeRss)} is the process's lifetime peak (the per-window reset, /proc/PID/clear_refs, was not permitted): it may include earlier scenarios`,
    );
  }
  const unsent = report.load.filter((s) => (s.openLoop?.backlogAtStop ?? 0) > 0);
  if (unsent.length > 0) {
    const detail = unsent.map((s) => `${s.scenario}: ${s.openLoop?.backlogAtStop}${s.openLoop?.backlogAtStopOldestWaitMs != null ? `, oldest waited ${s.openLoop.backlogAtStopOldestWaitMs.toFixed(1)} ms` : ""}`);
    caveats.push(
      `open loop stopped with due calls still waiting for a free slot, never sent and in no latency figure (${list(detail)}): the last window's tail latency is understated`,
    );
  }
  const failedLoad = report.load.filter((s) => s.endReason !== "completed").map((s) => `${s.scenario} (${s.endReason})`);
  if (failedLoad.length > 0) caveats.push(`load scenarios that did not complete: ${list(failedLoad)}`);
  const withErrors = report.load.filter((s) => s.errors.total > 0).map((s) => `${s.scenario}: ${s.errors.total} errors`);
  if (withErrors.length > 0) caveats.push(`calls failed in ${list(withErrors)}`);
  // one line per arm and reason, listing the configurations it hit (the configurations already say requested→applied)
  const notApplied = new Map<string, string[]>();
  for (const c of report.compression) {
    if (c.appliedAsRequested) continue;
    const why = c.note ? (/^requested \S+; \S+ sent (?:uncompressed|as \S+) \((.*)\)$/.exec(c.note)?.[1] ?? c.note) : null;
    const key = `${c.arm}${why ? `: ${why}` : ""}`;
    notApplied.set(key, [...(notApplied.get(key) ?? []), `${c.call} ${c.payload} ${c.direction} ${c.requested}→${c.applied}`]);
  }
  for (const [key, configs] of notApplied) caveats.push(`compression not applied as requested for ${key} [${list(configs, 6)}]`);
  const unverified = report.stream.filter((s) => !s.verified && s.endReason !== "not-applicable").map((s) => `${s.arm} ${s.configuration}`);
  if (unverified.length > 0) caveats.push(`stream results that failed verification (count or checksum): ${list(unverified)}`);
  const errored = report.micro.filter((m) => m.state === "errored").map((m) => `${m.format} ${m.op} ${m.message} ${m.payload}`);
  if (errored.length > 0) caveats.push(`micro benchmarks that errored: ${list(errored)}`);
  caveats.push(...tlsCaveats(report));
  const steal = stealCaveat(report);
  if (steal !== null) caveats.push(steal);
  return caveats;
}

/** Windows in which the hypervisor took more than HEAVY_STEAL of the server's or the load generator's CPUs. */
function stealCaveat(report: Report): string | null {
  const heavy = stealByFamily(report).filter((f) => f.heavy > 0);
  if (heavy.length === 0) return null;
  const total = heavy.reduce((n, f) => n + f.heavy, 0);
  const where = heavy.map((f) => `${f.family}: ${f.heavy} of ${f.windows}`).join(", ");
  return (
    `heavy CPU steal in ${total} measured window${total === 1 ? "" : "s"} (${where}): the hypervisor took more than ${Number((HEAVY_STEAL * 100).toFixed(2))}% of the ` +
    "server's or the load generator's CPU time, so those windows measured the host as much as the server; they are flagged (heavySteal) and the paired arm ratios leave them out"
  );
}

/** What report.arms[].tls says a reader must know before comparing figures (fairness rules 7 and 8). */
function tlsCaveats(report: Report): string[] {
  const caveats: string[] = [];
  const tlsArms = report.arms.flatMap((a) => (a.tls?.enabled === true ? [{ id: a.id, tls: a.tls }] : []));
  const unverified = tlsArms.filter((a) => !a.tls.verified).map((a) => a.id);
  if (unverified.length > 0) {
    caveats.push(`TLS without certificate verification (--insecure) for ${list(unverified, 8)}: the figures were measured without checking the servers' certificates or host names`);
  }
  for (const { id, tls } of tlsArms) {
    if (tls.handshakes.resumed === 0) continue;
    caveats.push(
      `TLS sessions resumed for ${id}: ${tls.handshakes.resumed} of ${tls.handshakes.full + tls.handshakes.resumed} handshakes; a resumed handshake skips the certificate and its signature, so connections cost it less CPU and time than full handshakes would`,
    );
  }
  const cleartext = report.arms.filter((a) => a.tls?.enabled === false).map((a) => a.id);
  if (tlsArms.length > 0 && cleartext.length > 0) {
    const over = tlsArms.map((a) => a.id);
    caveats.push(`${list(over, 8)} ${over.length === 1 ? "was" : "were"} measured over TLS and ${list(cleartext, 8)} in cleartext: comparisons between them include the cost of TLS`);
  }
  return caveats;
}
