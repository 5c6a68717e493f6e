// The server processes that died during the run (report.serverExits), as a table at the top of the report and in
// the environment section: a death is what every later figure of that arm must be read against, so it is shown
// where the reader starts, not only as one caveat among many.
import { exitCause } from "../../bench/model/server-exit.js";
import type { Report } from "../../bench/model/report.js";
import { formatNumber } from "../number-format.js";
import { armDirectory } from "../finding-kind.js";
import { armChip } from "./arms.js";
import { dataTable } from "./data-table.js";
import { html, type Html } from "./html-template.js";

/** One sentence for the header: how many server processes died; "" when none did. */
export function serverExitsHeadline(report: Report): string {
  const n = (report.serverExits ?? []).length;
  if (n === 0) return "";
  return `${n === 1 ? "a server process" : `${n} server processes`} died during the run (listed below): what ${n === 1 ? "it was" : "they were"} serving failed, and a server started in ${n === 1 ? "its" : "their"} place is another process`;
}

export function serverExitsTable(report: Report): Html {
  const exits = report.serverExits ?? [];
  if (exits.length === 0) return html``;
  const arms = armDirectory(report);
  return html`<div class="caveat-box" id="server-exits"><h3>Server processes that died during the run</h3>${dataTable(
    [
      { label: "Arm" },
      { label: "pid", numeric: true },
      { label: "Ended by" },
      { label: "At" },
      { label: "s into the run", numeric: true },
      { label: "Family" },
      { label: "Serving", hint: "the scenario that was loading this server when it exited (it failed); idle: between its scenarios" },
      { label: "Then", hint: "whether the family started a new server for the arm's remaining scenarios" },
    ],
    exits.map((e) => [
      armChip(arms, e.arm),
      String(e.pid),
      html`<span class="flag flag-bad">${exitCause(e)}</span>`,
      e.at,
      formatNumber(e.runElapsedS),
      e.family,
      e.during === null ? html`<span class="muted">idle</span>` : `${e.during.scenario}${e.during.repetition !== null ? ` (repetition ${e.during.repetition})` : ""}`,
      e.replacement !== null ? `new server pid ${e.replacement.pid}: figures before and after come from different processes` : "no server started in its place",
    ]),
  )}</div>`;
}
