// Where and how the figures were made: machine, versions, pinning, CPU steal per family, every resolved option,
// how each family ended.
import { stealByFamily } from "../../../bench/analysis/window-steal.js";
import { exitCause } from "../../../bench/model/server-exit.js";
import { HEAVY_STEAL_TEXT, STEAL_EXPLANATION, stealMissingText, stealPercent, stealRecorded } from "../../cpu-steal-text.js";
import { formatInteger, formatNumber } from "../../number-format.js";
import type { Report } from "../../../bench/model/report.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { sectionFrame, type SectionContext } from "../section.js";

function optionValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
}

/** Per family with measured windows: how many, the median and max steal, how many heavy; nothing without windows. */
function stealBlock(report: Report): Html[] {
  const families = stealByFamily(report);
  if (families.length === 0) return [];
  if (!stealRecorded(families)) {
    return [html`<h3 id="cpu-steal">CPU steal</h3>`, html`<p class="not-measured">CPU steal was not recorded in this report (made before the harness recorded it per window).</p>`];
  }
  const heavy = families.reduce((n, f) => n + f.heavy, 0);
  return [
    html`<h3 id="cpu-steal">CPU steal</h3>`,
    html`<p>${STEAL_EXPLANATION}${heavy > 0 ? html` <span class="flag flag-warn">${formatInteger(heavy)} heavy window${heavy === 1 ? "" : "s"}</span>` : ""}</p>`,
    dataTable(
      [
        { label: "Family" },
        { label: "Measured windows", numeric: true },
        { label: "Median steal", numeric: true, hint: "over the windows read, of each window's larger steal (server's or load generator's CPUs)" },
        { label: "Max steal", numeric: true },
        { label: `Heavy (> ${HEAVY_STEAL_TEXT})`, numeric: true, hint: "windows flagged heavySteal; the paired arm ratios leave them out" },
        { label: "Note" },
      ],
      families.map((f) => {
        const missing = stealMissingText(f);
        return [
          f.family,
          formatInteger(f.windows),
          stealPercent(f.median),
          stealPercent(f.max),
          f.heavy > 0 ? html`<span class="flag flag-warn">${formatInteger(f.heavy)}</span>` : missing === null ? "0" : "—",
          missing ?? (f.read < f.windows ? `read in ${formatInteger(f.read)} of ${formatInteger(f.windows)} windows` : ""),
        ];
      }),
    ),
  ];
}

export async function environmentSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const env = report.environment;
  const facts: [string, string][] = [
    ["Node.js", `${env.node} (the figures depend on the Node version: compare runs made on the same major)`],
    ["Platform", `${env.platform} ${env.arch}`],
    ["CPU", `${env.cpus} × ${env.cpuModel}`],
    ["Memory", `${formatNumber(env.totalMemMb / 1024)} GiB`],
    ["CPU pinning", `${env.pinned ? "pinned" : "not pinned"}${env.pinning ? ` — ${env.pinning}` : ""}`],
    ...((env.serverCpus ?? 1) > 1
      ? ([["Server processes", `${env.serverCpus} per arm started (--server-cpus; node:cluster round-robin): server CPU and memory summed over them and their primary`]] as [string, string][])
      : []),
    ["Git commit", env.gitCommit ?? "unknown"],
    ["Profile", report.profile],
    ["Started / finished", `${report.startedAt} / ${report.finishedAt}`],
    ["Run ended", report.endReason],
    [
      "Server processes that died",
      (report.serverExits ?? []).length === 0 ? "none" : `${(report.serverExits ?? []).map((e) => `${e.arm} (pid ${e.pid}, ${exitCause(e)}, ${e.family})`).join("; ")} — see the table at the top`,
    ],
    ["Tool", `${report.tool.name} ${report.tool.version}`],
  ];
  const body: Html[] = [
    html`<dl class="env">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`,
    ...stealBlock(report),
    html`<h3>Families</h3>`,
    report.families.length > 0
      ? dataTable(
          [{ label: "Family" }, { label: "Ended" }, { label: "seconds", numeric: true }, { label: "Failure" }, { label: "Left out by this profile" }],
          report.families.map((f) => [
            f.family,
            f.endReason === "completed" ? f.endReason : html`<span class="flag ${f.endReason === "skipped" ? "flag-warn" : "flag-bad"}">${f.endReason}</span>`,
            formatNumber(f.durationS),
            f.failure ?? "",
            html`${(f.leftOut ?? []).map((line) => html`<div class="small">${line}</div>`)}`,
          ]),
        )
      : html`<p class="not-measured">No family ran.</p>`,
    html`<h3>Library versions</h3>`,
    dataTable(
      [{ label: "Package" }, { label: "Version" }],
      Object.entries(env.packages)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, version]) => [html`<code>${name}</code>`, version]),
    ),
    html`<h3>Options</h3>`,
    dataTable(
      [{ label: "Option" }, { label: "Value" }],
      Object.entries(report.options)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => [html`<code>${name}</code>`, html`<code>${optionValue(value)}</code>`]),
    ),
  ];
  return sectionFrame({ id: "environment", title: "Environment and options", intro: "Everything needed to reproduce or question the figures above.", body });
}
