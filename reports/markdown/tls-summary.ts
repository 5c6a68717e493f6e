// The tls family in summary.md: per arm and way of connecting (at the most lanes measured), p50 and server CPU per
// call with the handshakes full / resumed, and TLS vs cleartext throughput under the headline load; how the windows
// were scheduled (interleaved and paired by round). A resumed session is said in bold where it happened (fairness
// rule 8); a server figure that was not measured says so. The rest (every lane count, bytes, TLS details) is in
// report.html.
import type { Report } from "../../bench/model/report.js";
import { TLS_CONNECTION_MODES, type TlsConnectionResult, type TlsVersusCleartextResult } from "../../bench/model/tls-result.js";
import type { ArmDirectory } from "../finding-kind.js";
import { formatCi, formatInteger, formatNumber, formatRatio } from "../number-format.js";
import { serverFigureText } from "../server-figure.js";
import { escapeMarkdown, markdownTable, trusted, type MarkdownCell } from "./markdown-table.js";

function handshakes(e: TlsConnectionResult): MarkdownCell {
  const h = e.handshakes;
  if (h === null) return "cleartext";
  const text = `${formatInteger(h.full)} / ${formatInteger(h.resumed)}`;
  return h.resumed > 0 ? trusted(`${escapeMarkdown(text)} **(session resumed on ${formatInteger(h.resumed)} of ${formatInteger(h.full + h.resumed)})**`) : text;
}

function flags(e: Pick<TlsConnectionResult, "endReason" | "errors" | "driverSaturated">): string {
  return [e.endReason !== "completed" ? e.endReason : "", e.errors.total > 0 ? `${formatInteger(e.errors.total)} errors` : "", e.driverSaturated ? "load generator saturated" : ""].filter((f) => f !== "").join("; ");
}

const ratioText = (r: TlsVersusCleartextResult["throughput"]) => `${formatRatio(r.ratio)} ${r.ci95 === null ? "(no CI)" : formatCi(r.ci95)}`;

export function tlsMarkdown(report: Report, arms: ArmDirectory): string {
  const tls = report.tls ?? [];
  if (tls.length === 0) return "";
  const blocks = ["### TLS: what a connection costs"];
  const connections = tls.filter((e): e is TlsConnectionResult => e.kind === "connection");
  if (connections.length > 0) {
    const lanes = Math.max(...connections.map((e) => e.lanes));
    const rows = connections
      .filter((e) => e.lanes === lanes)
      .sort((a, b) => arms.compare(a.arm, b.arm) || TLS_CONNECTION_MODES.indexOf(a.mode) - TLS_CONNECTION_MODES.indexOf(b.mode));
    const interleaved = rows.some((e) => e.interleaving !== undefined && e.interleaving.modes.length > 1);
    const rounds = [...new Set(rows.flatMap((e) => (e.interleaving === undefined ? [] : [e.interleaving.rounds])))].join(", ");
    const schedule = interleaved
      ? `an arm's ways of connecting were measured together: each warmed up its own way first, then their windows were interleaved over ${rounds} rounds (ABBA order), and ratios between them (findings) are paired by round`
      : "each way of connecting was measured after the one before: differences between them include the host's drift";
    blocks.push(
      `${lanes} lane${lanes === 1 ? "" : "s"} (calls in flight), ${escapeMarkdown(`${rows[0]?.call ?? ""} ${rows[0]?.payload ?? ""}`)}; per call: connect, handshake, one call, close; tls-resumed offers the lane's previous session, and the handshakes say how many resumed; ${schedule}:`,
      markdownTable(
        [{ label: "Arm" }, { label: "Connection" }, { label: "p50 ms", numeric: true }, { label: "server CPU µs/call", numeric: true }, { label: "calls/s", numeric: true }, { label: "handshakes full / resumed" }, { label: "Flags" }],
        rows.map((e) => [arms.name(e.arm), e.mode, formatNumber(e.latencyMs.p50), serverFigureText(e.serverCpuUsPerCall, e, e.remote), formatNumber(e.throughputRps), handshakes(e), flags(e)]),
      ),
    );
  }
  const versus = tls.filter((e): e is TlsVersusCleartextResult => e.kind === "tls-vs-cleartext").sort((a, b) => arms.compare(a.arm, b.arm));
  if (versus.length > 0) {
    blocks.push(
      "TLS vs cleartext, connections kept alive (server view, closed loop; the sides in alternating rounds, ABBA; ratios TLS / cleartext with the 95% CI paired by round):",
      markdownTable(
        [{ label: "Arm" }, { label: "Scenario" }, { label: "calls/s cleartext / TLS", numeric: true }, { label: "throughput", numeric: true }, { label: "server CPU per call", numeric: true }, { label: "Flags" }],
        versus.map((e) => [
          arms.name(e.arm),
          `${e.call} ${e.payload}, ${e.concurrency} in flight`,
          `${formatNumber(e.cleartext.measurement.throughputRps)} / ${formatNumber(e.tls.measurement.throughputRps)}`,
          ratioText(e.throughput),
          ratioText(e.serverCpuUsPerCall),
          [flags(e.cleartext.measurement), flags(e.tls.measurement), e.tlsHandshakes !== null && e.tlsHandshakes.resumed > 0 ? `TLS side: session resumed on ${e.tlsHandshakes.resumed} handshakes` : ""].filter((f) => f !== "").join("; "),
        ]),
      ),
    );
  }
  return blocks.join("\n\n");
}
