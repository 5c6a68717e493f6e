// What TLS changes (report.tls): per arm, a connection per call with a full handshake, with the previous session
// offered, one kept-alive TLS connection, and cleartext for reference — p50, server CPU per call, handshakes full /
// resumed and what TLS negotiated, the modes' windows interleaved and paired by round (said where it was so); then
// TLS vs cleartext under the headline load. Where a handshake resumed a session the row says so, in every table
// (fairness rule 8): a resumed handshake is cheaper and must never pass for a full one. A server figure that was not
// measured says so (server-figure.ts), never a bare dash.
import type { TlsConnectionResult, TlsSeen, TlsVersusCleartextResult } from "../../../bench/model/tls-result.js";
import { TLS_CONNECTION_MODES } from "../../../bench/model/tls-result.js";
import { armDirectory, type ArmDirectory } from "../../finding-kind.js";
import { formatCi, formatInteger, formatNumber, formatRatio } from "../../number-format.js";
import { serverFigureText, serverFigureWhy, type ServerFigureSource } from "../../server-figure.js";
import { ARM_COLUMN, armChip, armColourChannel } from "../arms.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { notMeasured, partialNote, sectionFrame, type SectionContext } from "../section.js";

const MODE_TITLE: Record<string, string> = {
  "tls-full": "TLS, connection per call, full handshake",
  "tls-resumed": "TLS, connection per call, session offered",
  "tls-keepalive": "TLS, kept alive",
  "tcp-per-call": "cleartext, connection per call",
  "tcp-keepalive": "cleartext, kept alive",
};

const modeRank = (mode: string) => (TLS_CONNECTION_MODES as readonly string[]).indexOf(mode);

/** "TLSv1.3 · TLS_AES_128_GCM_SHA256 · ALPN h2"; a value seen on only some handshakes carries its count. */
export function tlsSeenText(seen: TlsSeen | null): string {
  if (seen === null) return "cleartext";
  const part = (counts: Record<string, number>) => {
    const keys = Object.keys(counts);
    return keys.length === 1 ? keys[0]! : keys.map((k) => `${k} ×${counts[k]}`).join(", ");
  };
  const total = Object.values(seen.protocols).reduce((n, v) => n + v, 0);
  if (total === 0) return "no handshake seen";
  return `${part(seen.protocols)} · ${part(seen.ciphers)} · ALPN ${part(seen.alpn)}`;
}

/** The handshakes cell: full / resumed, and a flag wherever a session was resumed or a resumption was refused. */
function handshakesCell(e: TlsConnectionResult): Html {
  const h = e.handshakes;
  if (h === null) return html`<span class="muted">cleartext</span>`;
  const warm = e.warmupHandshakes;
  const before = warm !== null && warm.full + warm.resumed > 0 ? html`<br><span class="muted small">outside the windows (warm-ups): ${formatInteger(warm.full)} full / ${formatInteger(warm.resumed)} resumed</span>` : "";
  const total = h.full + h.resumed;
  let flag: Html | string = "";
  if (h.resumed > 0) flag = html`<br><span class="flag flag-warn" data-resumed="${h.resumed}">session resumed on ${formatInteger(h.resumed)} of ${formatInteger(total)}</span>`;
  if (e.sessionResumption && h.full > 0) flag = html`${flag}<br><span class="flag flag-warn">${formatInteger(h.full)} offered sessions not resumed</span>`;
  return html`${formatInteger(h.full)} / ${formatInteger(h.resumed)}${flag}${before}`;
}

function flagsCell(m: Pick<TlsConnectionResult, "endReason" | "failure" | "errors" | "driverSaturated">, note?: string): Html {
  const parts: Html[] = [];
  if (m.endReason !== "completed") parts.push(html`<span class="flag flag-bad" title="${m.failure ?? ""}">${m.endReason}</span> `);
  if (m.driverSaturated) parts.push(html`<span class="flag flag-warn">load generator saturated</span> `);
  if (m.errors.total > 0) {
    const codes = Object.entries(m.errors.byCode)
      .map(([c, n]) => `${c}×${n}`)
      .join(", ");
    parts.push(html`<span class="flag flag-bad">${formatInteger(m.errors.total)} errors (${codes})</span> `);
  }
  if (m.failure && m.endReason === "completed") parts.push(html`<span class="small">${m.failure}</span> `);
  if (note) parts.push(html`<br><span class="muted small">${note}</span>`);
  return html`${parts}`;
}

/** Server CPU per call: the number, or "not measured" with why in its tooltip. */
function serverCpuCell(value: number | null, entry: ServerFigureSource, remote: boolean): Html {
  const text = serverFigureText(value, entry, remote);
  const why = serverFigureWhy(entry, remote);
  return why === null ? html`${text}` : html`<span title="${why}">${text}</span>`;
}

/** How the case's windows ran: interleaved with the other modes round by round, or one mode after another (older reports). */
function windowsText(e: TlsConnectionResult): string {
  const n = e.repetitions.length;
  const windows = `${n} window${n === 1 ? "" : "s"}`;
  const others = e.interleaving?.modes.filter((m) => m !== e.mode) ?? [];
  return e.interleaving === undefined ? `${windows} in a row` : others.length === 0 ? windows : `${windows}, one per round, interleaved with ${others.length} other mode${others.length === 1 ? "" : "s"}`;
}

function connectionRows(entries: readonly TlsConnectionResult[], arms: ArmDirectory): Html {
  return dataTable(
    [
      ARM_COLUMN,
      { label: "Connection", hint: "how each call reached the server; per call: connect, one call, close" },
      { label: "calls (calls/s)", numeric: true },
      { label: "p50 / p90 / p99 ms", numeric: true, hint: "per call, connect and handshake included when the call opened its connection; HDR histogram over the windows" },
      { label: "CPU µs/call server / client", numeric: true, hint: "each process's user+system CPU over each window / calls in it; median of the windows; ratios between modes are in the findings, paired by round" },
      { label: "bytes/call out / in", numeric: true, hint: "counted at the client's TCP socket: TLS records and handshakes included" },
      { label: "handshakes full / resumed", hint: "inside the measured windows, as the client's TLS socket reported each (isSessionReused); then what TLS negotiated" },
      { label: "Flags" },
    ],
    entries.map((e) => [
      armChip(arms, e.arm, `${e.http}, ${e.request}`),
      html`${MODE_TITLE[e.mode] ?? e.mode}<br><span class="muted small">${e.mode} · ${e.lanes} lane${e.lanes === 1 ? "" : "s"} · ${windowsText(e)} · ${formatInteger(e.connectionsOpened)} conns opened${e.remote ? " · remote target" : ""}</span>`,
      html`${formatInteger(e.requests)}<br><span class="muted small">${formatNumber(e.throughputRps)}/s</span>`,
      `${formatNumber(e.latencyMs.p50)} / ${formatNumber(e.latencyMs.p90)} / ${formatNumber(e.latencyMs.p99)}`,
      html`${serverCpuCell(e.serverCpuUsPerCall, e, e.remote)} / ${formatNumber(e.clientCpuUsPerCall)}`,
      e.wireBytesPerCall === null ? "—" : `${formatInteger(e.wireBytesPerCall.request)} / ${formatInteger(e.wireBytesPerCall.response)}`,
      html`${handshakesCell(e)}${e.tlsSeen === null ? "" : html`<br><span class="muted small">${tlsSeenText(e.tlsSeen)}</span>`}`,
      flagsCell(e),
    ]),
  );
}

async function connectionFigure(entries: readonly TlsConnectionResult[], lanes: number, index: number, ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const sorted = [...entries].sort((a, b) => arms.compare(a.arm, b.arm) || modeRank(a.mode) - modeRank(b.mode));
  const modes = TLS_CONNECTION_MODES.filter((m) => sorted.some((e) => e.mode === m));
  const ids = sorted.map((e) => e.arm);
  const values = sorted.map((e) => ({ mode: e.mode, arm: arms.name(e.arm), cpu: e.serverCpuUsPerCall, p50: e.latencyMs.p50 }));
  const panel = (field: "cpu" | "p50", title: string, first: boolean) => ({
    data: { values: values.filter((v) => v[field] !== null) },
    width: 230,
    height: { step: 12 },
    mark: { type: "bar" },
    encoding: {
      y: { field: "mode", type: "nominal", sort: modes, title: first ? "connection" : null, axis: first ? { labelLimit: 200 } : { labels: false, ticks: false } },
      yOffset: { field: "arm", type: "nominal", sort: arms.order(ids).map((id) => arms.name(id)) },
      x: { field, type: "quantitative", title },
      color: armColourChannel(arms, ids),
    },
  });
  const interleaved = sorted.some((e) => e.interleaving !== undefined && e.interleaving.modes.length > 1);
  const spec = { hconcat: [panel("cpu", "server CPU per call (µs)", true), panel("p50", "p50 latency per call (ms)", false)], resolve: { scale: { x: "independent" } } } as unknown as ChartSpec;
  return chartFigure(
    {
      id: `tls-connections-${index}`,
      title: `What a connection costs: ${lanes} lane${lanes === 1 ? "" : "s"} (calls in flight)`,
      subtitle:
        "server CPU and p50 per call for each way of connecting, a bar per arm in its colour; lower is better. tls-resumed offers the previous connection's session: the handshakes column says how many resumed. " +
        (interleaved
          ? "An arm's ways of connecting were measured together: each warmed up its own way before any window, then their windows were interleaved round by round (ABBA order), so the ratios between them (findings) pair window i with window i"
          : "Each way of connecting was measured after the one before (a report from before interleaving): differences between them include the host's drift"),
      spec,
      table: connectionRows(sorted, arms),
    },
    ctx.charts,
  );
}

function ratioCell(r: TlsVersusCleartextResult["throughput"]): Html {
  return html`<strong>${formatRatio(r.ratio)}</strong><br><span class="muted small">${r.ci95 === null ? "no CI" : `95% CI ${formatCi(r.ci95)}`}</span>`;
}

function versusTable(entries: readonly TlsVersusCleartextResult[], arms: ArmDirectory): Html {
  return dataTable(
    [
      ARM_COLUMN,
      { label: "Scenario" },
      { label: "calls/s cleartext / TLS", numeric: true, hint: "then TLS / cleartext with the 95% CI, paired over the rounds (the sides alternate ABBA)" },
      { label: "server CPU µs/call cleartext / TLS", numeric: true, hint: "then TLS / cleartext with the 95% CI, paired over the rounds (the sides alternate ABBA)" },
      { label: "p50 ms cleartext / TLS", numeric: true },
      { label: "driver's handshakes full / resumed", hint: "the TLS side's connections, opened before the warm-up; then what TLS negotiated" },
      { label: "Flags and notes" },
    ],
    entries.map((e) => {
      const c = e.cleartext.measurement;
      const t = e.tls.measurement;
      const h = e.tlsHandshakes;
      const resumed = h !== null && h.resumed > 0 ? html`<br><span class="flag flag-warn" data-resumed="${h.resumed}">session resumed on ${formatInteger(h.resumed)} of ${formatInteger(h.full + h.resumed)}</span>` : "";
      const flags = [c, t].some((m) => m.endReason !== "completed" || m.errors.total > 0 || m.driverSaturated) ? html`cleartext: ${flagsCell(c)}<br>TLS: ${flagsCell(t)}<br>` : html``;
      return [
        armChip(arms, e.arm),
        html`${e.call} ${e.payload}<br><span class="muted small">server view, closed loop, ${e.concurrency} in flight over ${e.connections} connection${e.connections === 1 ? "" : "s"} · ${e.driver} · ${t.repetitions.length} repetitions</span>`,
        html`${formatNumber(c.throughputRps)} / ${formatNumber(t.throughputRps)}<br>${ratioCell(e.throughput)}`,
        html`${serverCpuCell(c.serverCpuUsPerCall, c, false)} / ${serverCpuCell(t.serverCpuUsPerCall, t, false)}<br>${ratioCell(e.serverCpuUsPerCall)}`,
        `${formatNumber(c.latencyMs.p50)} / ${formatNumber(t.latencyMs.p50)}`,
        h === null ? html`<span class="muted">not counted</span>` : html`${formatInteger(h.full)} / ${formatInteger(h.resumed)}${resumed}<br><span class="muted small">${tlsSeenText(e.tlsSeen)}</span>`,
        html`${flags}<span class="muted small">${e.note}</span>`,
      ];
    }),
  );
}

export async function tlsSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const tls = report.tls ?? [];
  const body: Html[] = [];
  if (tls.length === 0) {
    body.push(notMeasured(report, "tls", "what TLS changes"));
  } else {
    body.push(partialNote(report, "tls"));
    const arms = armDirectory(report);
    const connections = tls.filter((e): e is TlsConnectionResult => e.kind === "connection");
    const lanes = [...new Set(connections.map((e) => e.lanes))].sort((a, b) => b - a);
    let i = 0;
    for (const n of lanes) body.push(await connectionFigure(connections.filter((e) => e.lanes === n), n, i++, ctx, arms));
    const versus = tls.filter((e): e is TlsVersusCleartextResult => e.kind === "tls-vs-cleartext");
    if (versus.length > 0) {
      body.push(html`<h3>TLS vs cleartext, connections kept alive</h3>`);
      body.push(versusTable([...versus].sort((a, b) => arms.compare(a.arm, b.arm) || a.call.localeCompare(b.call)), arms));
    }
  }
  return sectionFrame({
    id: "tls",
    title: "TLS",
    intro:
      "What TLS changes, per arm: the same call over a new TLS connection per call with a full handshake, with the previous connection's session offered (resumed or not as the client's TLS socket reported it), over one kept-alive TLS connection, and over cleartext for reference (how their windows were scheduled is said under each chart); then the headline load scenario against a cleartext and a TLS server of the same arm, in alternating rounds.",
    body,
  });
}
