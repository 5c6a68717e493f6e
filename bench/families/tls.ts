// The tls family: what TLS changes, measured. Per arm, the same call (GetUser small) over (a) a new TLS connection
// per call with a full handshake each time, (b) a new TLS connection per call offering the previous connection's
// session (resumed handshakes counted from the client's socket, never assumed), (c) one kept-alive TLS connection
// per lane, and (d) cleartext TCP per call and kept alive, for reference: p50/p90/p99 from the HDR histogram,
// server CPU per call, handshakes full/resumed, what TLS negotiated. The modes of an arm are measured together:
// each warms up its own way before any is measured, then their windows are interleaved round by round (ABBA), so
// ratios between them (resumed / full) pair windows by round. Then (e) the headline load scenarios against a
// cleartext and a TLS server of the same arm, in alternating rounds: throughput and CPU per call, TLS / cleartext.
//
// The family starts its own servers, a cleartext and a TLS one per arm (a self-signed certificate made here and
// trusted by this family's clients only). An arm with a --target is measured as its scheme allows: a TLS target
// (a)–(c), a cleartext one (d); the rest is listed as left out, with the reason.
import { familyArms } from "../family-arms.js";
import { planPinning } from "../cpu/cpu-pinning.js";
import type { Family, FamilyContext } from "../family.js";
import { startFamilyServers, type FamilyServers } from "../family-servers.js";
import { targetEndpoint } from "../drivers/target-address.js";
import { callSpec } from "../load/call-spec.js";
import type { Arm } from "../model/arm.js";
import type { TlsConnectionMode, TlsResult, TlsVersusCleartextResult } from "../model/tls-result.js";
import { TLS_CONNECTION_MODES } from "../model/tls-result.js";
import { remoteMetricsCaveat } from "../server-metrics/remote-caveat.js";
import { isRemoteServer } from "../server-metrics/remote-server.js";
import { ServerExitWatch } from "../server-process/server-exit-watch.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { findArm } from "../../servers/registry.js";
import { runConnectionCases, type ModeEndpoint } from "../tls-cost/connection-cost-cases.js";
import { CLEARTEXT_MODES, TLS_MODES } from "../tls-cost/connection-modes.js";
import { TLS_COST_PLANS, type TlsCostPlan } from "../tls-cost/tls-cost-plan.js";
import { runTlsVersusCleartext } from "../tls-cost/tls-versus-cleartext.js";
import { SIZE_CLASSES } from "../../payloads/size-classes.js";

/** What the family's certificate names: every way its clients dial a local server. */
const CERTIFICATE_HOSTS = ["127.0.0.1", "::1", "localhost"];

const fmt = (v: number | null, digits = 0) => (v === null ? "–" : v.toFixed(digits));
const ci = (c: [number, number] | null) => (c === null ? "" : ` [${c[0].toFixed(2)}, ${c[1].toFixed(2)}]`);

function describeEntry(e: TlsResult): string {
  if (e.kind === "connection") {
    const hs = e.handshakes === null ? "" : `, handshakes ${e.handshakes.full} full / ${e.handshakes.resumed} resumed`;
    return (
      `tls ${e.arm} ${e.mode} ${e.lanes} lane${e.lanes === 1 ? "" : "s"}: ${e.requests} calls, ${fmt(e.throughputRps)} calls/s, p50 ${e.latencyMs.p50} ms, ` +
      `server ${e.serverCpuUsPerCall === null ? "CPU not measured" : `${fmt(e.serverCpuUsPerCall, 1)} µs/call`}${hs}${e.errors.total > 0 ? `, ${e.errors.total} errors` : ""}`
    );
  }
  return (
    `tls ${e.arm} ${e.call} ${e.payload} TLS vs cleartext: ${fmt(e.tls.measurement.throughputRps)} vs ${fmt(e.cleartext.measurement.throughputRps)} calls/s ` +
    `(TLS / cleartext ×${fmt(e.throughput.ratio, 2)}${ci(e.throughput.ci95)} paired by round), server CPU per call ×${fmt(e.serverCpuUsPerCall.ratio, 2)}${ci(e.serverCpuUsPerCall.ci95)}`
  );
}

/** `work` with every one of `servers` watched for an exit that would break it. */
function measuringAll<T>(exits: ServerExitWatch, servers: readonly (ServerProcess | null)[], scenario: string, work: () => Promise<T>): Promise<T> {
  return servers.reduce<() => Promise<T>>((inner, server) => () => exits.measuring(server, { scenario, repetition: null }, inner), work)();
}

/** Which modes an arm can have, and what is left out and why. */
function armModes(arm: Arm): { modes: TlsConnectionMode[]; leftOut: string | null } {
  if (arm.target === null) return { modes: [...TLS_CONNECTION_MODES], leftOut: null };
  const tls = targetEndpoint(arm.target).tls;
  return tls
    ? { modes: [...TLS_MODES], leftOut: `${arm.id} is a TLS target (${arm.target}): the cleartext reference (tcp-per-call, tcp-keepalive) and TLS vs cleartext need a cleartext server of the arm, which a target does not offer` }
    : { modes: [...CLEARTEXT_MODES], leftOut: `${arm.id} is a cleartext target (${arm.target}): the TLS modes (tls-full, tls-resumed, tls-keepalive) and TLS vs cleartext need a TLS server of the arm` };
}

/** The family with its profile's plan; tests pass a shorter one. */
export async function runTlsFamily(ctx: FamilyContext, plan: TlsCostPlan = TLS_COST_PLANS[ctx.profile]): Promise<void> {
  const started = Date.now();
  const spec = callSpec(plan.payload);
  const arms = familyArms(ctx, {
    family: "tls family",
    fits: (a) => a.transport === "http/1.1" || a.transport === "h2c",
    lacking: "HTTP/1.1 or HTTP/2 client",
    calls: [spec.call],
  });
  if (ctx.profile === "quick") {
    const full = TLS_COST_PLANS.full;
    ctx.leftOut(
      `quick profile: ${plan.lanes.join(", ")} lanes, ${plan.connection.rounds} rounds of ${plan.connection.windowS} s windows per way of connecting; --profile full adds ${full.lanes.filter((n) => !plan.lanes.includes(n)).join(", ")} lane(s) and ${full.connection.rounds} rounds of ${full.connection.windowS} s`,
    );
    const more = full.versus.payloads.filter((p) => !plan.versus.payloads.includes(p)).map((p) => `${SIZE_CLASSES[p].call} ${p}`);
    if (more.length > 0) ctx.leftOut(`quick profile: TLS vs cleartext for ${plan.versus.payloads.map((p) => `${SIZE_CLASSES[p].call} ${p}`).join(", ")} only; --profile full adds ${more.join(", ")}`);
  }
  if (arms.length === 0) return;
  for (const arm of arms) {
    const why = armModes(arm).leftOut;
    if (why !== null) ctx.leftOut(why);
  }

  const local = arms.filter((a) => a.target === null);
  const exits = new ServerExitWatch((exit) => ctx.serverExit(exit));
  const pinning = planPinning();
  // Imported on demand, as bench/run-tls-setup.ts does: the X.509 library is needed only when servers are started.
  const cert = local.length > 0 ? await (await import("../../servers/tls/self-signed-certificate.js")).makeSelfSignedCertificate(CERTIFICATE_HOSTS) : null;
  // One plan for both sets. The first set holds a cleartext server per local arm (cleartext even in a --tls run:
  // tls: undefined wins over the run's certificate) and each target's monitor (its server CPU, when it offers one).
  const starts = await Promise.allSettled([
    startFamilyServers({ arms, serverOptions: { tls: undefined }, pinning, exits }),
    cert !== null ? startFamilyServers({ arms: local, serverOptions: { tls: cert }, pinClient: false, pinning, exits }) : Promise.resolve(null),
  ]);
  const running = starts.flatMap((s) => (s.status === "fulfilled" && s.value !== null ? [s.value] : []));
  const failed = starts.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed !== undefined) {
    await Promise.all(running.map((s) => s.stop()));
    throw failed.reason;
  }
  const cleartext = (starts[0] as PromiseFulfilledResult<FamilyServers>).value;
  const secure = (starts[1] as PromiseFulfilledResult<FamilyServers | null>).value;
  if (local.length > 0 && !cleartext.pinned) ctx.caveat(`tls family: ${cleartext.pinningNote}`);
  const metrics = remoteMetricsCaveat("tls family", cleartext.list.map((s) => s.process).filter(isRemoteServer));
  if (metrics !== null) ctx.caveat(metrics);
  const trust = cert === null ? undefined : { ca: cert.cert, insecure: false };
  const record = (entry: TlsResult) => {
    ctx.record("tls", entry);
    ctx.progress(describeEntry(entry));
  };
  const skipped: string[] = [];
  const warmed = new Set<string>();
  const overBudget = () => (Date.now() - started) / 1000 > plan.budgetS;
  try {
    for (const lanes of plan.lanes) {
      for (const arm of arms) {
        if (ctx.signal.aborted) return;
        const what = `${arm.id} ${lanes} lane${lanes === 1 ? "" : "s"}`;
        if (overBudget()) {
          skipped.push(`${what} (every way of connecting)`);
          continue;
        }
        const modes = armModes(arm).modes;
        let endpoints: { tls: ModeEndpoint | null; cleartext: ModeEndpoint | null };
        if (arm.target !== null) {
          // the target itself, and its monitor (null figures, with the reason, when it offers none)
          const { host, port, tls } = targetEndpoint(arm.target);
          const at: ModeEndpoint = { host, port, server: cleartext.get(arm.id)?.process ?? null };
          endpoints = tls ? { tls: at, cleartext: null } : { tls: null, cleartext: at };
        } else {
          const endpointOf = (server: ServerProcess | null | undefined, withTrust: boolean): ModeEndpoint | null =>
            server === null || server === undefined ? null : { host: server.host, port: server.port, server, ...(withTrust && trust !== undefined ? { trust } : {}) };
          endpoints = { tls: endpointOf(secure?.get(arm.id)?.process, true), cleartext: endpointOf(cleartext.get(arm.id)?.process, false) };
        }
        const servers = [...new Set([endpoints.tls?.server ?? null, endpoints.cleartext?.server ?? null])];
        ctx.progress(`tls ${what}: ${modes.join(", ")}, windows interleaved over ${plan.connection.rounds} rounds`);
        const entries = await measuringAll(exits, servers, `tls ${what}`, () =>
          runConnectionCases({ arm, modes, endpoints, lanes, remote: arm.target !== null, spec, plan: plan.connection, serverWarmUp: plan.serverWarmUp, warmed, signal: ctx.signal }),
        );
        for (const entry of entries) record(entry);
      }
    }
    if (secure !== null && cert !== null) {
      for (const payload of plan.versus.payloads) {
        const call = SIZE_CLASSES[payload].call;
        for (const arm of local) {
          if (ctx.signal.aborted) return;
          const what = `${arm.id} TLS vs cleartext ${call} ${payload}`;
          const served = findArm(arm.id)?.calls;
          if (served !== undefined && !served.includes(call)) {
            ctx.caveat(`tls family: ${arm.id} does not serve ${call}: TLS vs cleartext for ${payload} not measured`);
            continue;
          }
          if (overBudget()) {
            skipped.push(what);
            continue;
          }
          const clear = cleartext.get(arm.id)?.process;
          const tls = secure.get(arm.id)?.process;
          if (!clear || !tls) continue;
          const material = cert;
          const entry: TlsVersusCleartextResult = await measuringAll(exits, [tls, clear], `tls ${what}`, () =>
            runTlsVersusCleartext({ arm: arm.id, payload, plan: plan.versus, cleartext: clear, tls, cert: material.cert, signal: ctx.signal, pinning }),
          );
          record(entry);
        }
      }
    }
  } finally {
    if (skipped.length > 0) ctx.leftOut(`the family's time budget (${plan.budgetS} s) ran out before: ${skipped.join(", ")}`);
    await Promise.all(running.map((s) => s.stop()));
  }
}

export const family: Family = {
  name: "tls",
  describe:
    "what TLS changes per arm: a connection per call with full vs resumed handshakes, keep-alive, cleartext for reference (p50, server CPU per call, handshakes; the modes' windows interleaved), and TLS vs cleartext throughput; quick: the baseline and grpc only, 8 lanes, GetUser small",
  run: (ctx) => runTlsFamily(ctx),
};
