// Where and how the figures were made: machine, versions, pinning, every resolved option, how each family ended.
import { exitCause } from "../../../bench/model/server-exit.js";
import { formatNumber } from "../../number-format.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { sectionFrame, type SectionContext } from "../section.js";

function optionValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
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
