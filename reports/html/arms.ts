// Arms as the HTML shows them: a chip (colour swatch + label) in every table that has entries of several arms,
// the colour channel of every chart keyed by arm, and the table of arms near the top of the page.
import type { Arm } from "../../bench/model/arm.js";
import type { Finding } from "../../bench/model/finding.js";
import type { Report } from "../../bench/model/report.js";
import { armTlsText } from "../arm-tls-text.js";
import { armDirectory, betterArm, verdictHead, verdictTone, type ArmDirectory } from "../finding-kind.js";
import type { Column } from "./data-table.js";
import { html, type Html } from "./html-template.js";
import { armColour, armScale, textColourOn } from "./palette.js";

/** The header of the arm column every table with per-arm rows has. */
export const ARM_COLUMN: Column = { label: "Arm", hint: "the server stack: api, wire format, transport, framework (see Arms at the top)" };

/** Colour swatch and label of one arm; `data-arm` carries the id. */
export function armChip(arms: ArmDirectory, id: string, detail?: string | Html): Html {
  return html`<span class="arm" data-arm="${id}"><span class="swatch" style="background:${armColour(id)}"></span>${arms.name(id)}</span>${
    detail ? html`<br><span class="muted small arm-detail">${detail}</span>` : ""
  }`;
}

/** A vega-lite colour channel on the field `arm` (holding arm names) for the arms among `ids`, in run order. */
export function armColourChannel(arms: ArmDirectory, ids: Iterable<string>, field = "arm", title: string | null = "arm"): Record<string, unknown> {
  const ordered = arms.order(ids).map((id) => ({ id, name: arms.name(id) }));
  return { field, type: "nominal", scale: armScale(ordered), sort: ordered.map((a) => a.name), title, legend: { columns: Math.min(4, ordered.length), symbolType: "square" } };
}

/** The verdict as a badge: filled with the better arm's colour, or toned by what it says about a claim. */
export function verdictBadge(finding: Pick<Finding, "verdict" | "candidate" | "baseline" | "verdictDetail">, arms: ArmDirectory): Html {
  const tone = verdictTone(finding);
  const better = betterArm(finding);
  const head = verdictHead(finding, arms);
  const detail = finding.verdictDetail ? html`<br><span class="muted small verdict-detail">${finding.verdictDetail}</span>` : "";
  if (tone === "arm" && better !== null) {
    const colour = armColour(better);
    return html`<span class="verdict verdict-arm" data-verdict="${finding.verdict}" data-arm="${better}" style="background:${colour};border-color:${colour};color:${textColourOn(colour)}">${head}</span>${detail}`;
  }
  return html`<span class="verdict verdict-${tone}" data-verdict="${finding.verdict}">${head}</span>${detail}`;
}

/** An arm's TLS cell: "TLS 1.3, cipher, h2, n full / m resumed" or "cleartext"; flagged when unverified or resumed. */
function tlsCell(tls: Arm["tls"]): Html {
  const line = armTlsText(tls);
  if (line === null) return html`<span class="muted">not recorded</span>`;
  // A flag that wraps: the line is long, and the arms table must stay readable on a narrow screen.
  return line.warn ? html`<span class="flag flag-warn" style="white-space:normal" data-tls>${line.text}</span>` : html`<span data-tls>${line.text}</span>`;
}

/** What the run compared: every arm with its descriptor, the baseline marked. */
export function armsOverview(report: Report): Html {
  const arms = armDirectory(report);
  const list = arms.list();
  if (list.length === 0) return html``;
  const rows = list.map((a) => {
    const d = a.arm;
    return html`<tr data-arm="${a.id}">
<td>${armChip(arms, a.id)}${a.baseline ? html` <span class="flag flag-ok" title="findings compare every other arm with this one">baseline</span>` : ""}<br><code class="small">${a.id}</code></td>
<td>${d?.api ?? "—"}</td><td>${d?.wire ?? "—"}</td><td>${d?.transport ?? "—"}</td><td>${d?.framework ?? "—"}</td>
<td class="wide-cell small">${d ? d.description : html`<span class="muted">not described in this report (entries name it, report.arms does not)</span>`}</td>
<td class="small">${d === null ? "—" : d.target === null ? html`<span class="muted">started by the harness</span>` : html`<code>${d.target}</code>`}</td>
<td class="small">${d === null ? "—" : tlsCell(d.tls)}</td>
</tr>`;
  });
  return html`<div class="arms-box" id="arms"><h2>Arms: the server stacks compared</h2>
<p class="muted small">Each arm is one server stack serving the same API and data. Every table below has an Arm column and every chart colours by arm, in the colours shown here. Findings compare each arm with the baseline, ${arms.name(arms.baseline)}.</p>
<div class="table-wrap"><table class="arms-table"><thead><tr><th scope="col">Arm</th><th scope="col">API</th><th scope="col">Wire</th><th scope="col">Transport</th><th scope="col">Framework</th><th scope="col">Description</th><th scope="col">Target</th><th scope="col" title="what the run's clients negotiated with this arm's servers: TLS version, cipher, ALPN, and how many handshakes were full vs resumed">TLS</th></tr></thead><tbody>${rows}</tbody></table></div></div>`;
}

/** An id fit for an HTML id attribute and a chart id. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
}
