// report.html in a real browser (headless Chromium, the Debian package): every chart rendered with a size
// and marks, not one request beyond the file itself, no console error or warning, no page error, no table or
// chart wider than the page (eight arms included), and it prints.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../reports/html/chromium.js";
import type { Report } from "../bench/model/report.js";
import { renderHtml } from "../reports/html/render-html.js";
import { readReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { sampleReportForHtml } from "./fixtures/sample-report-for-html.js";
import { needsTool, TOOLS } from "./fixtures/requires-tool.js";

interface PageCheck {
  requests: string[];
  blocked: string[];
  console: string[];
  pageErrors: string[];
  charts: { id: string; width: number; height: number; marks: number; svgs: number }[];
  /** tables and charts wider than the page's text column, and how much wider the document is than the window */
  tooWide: string[];
  pageOverflow: number;
  scripts: number;
  pdfBytes: number;
  /** the decision summary as drawn: above everything else, its sentences, and links whose target is missing */
  decision: { top: number; firstSectionTop: number; height: number; sentences: number; links: number; broken: string[] } | null;
  /** the attribution waterfall as drawn: bars, and the y-axis labels of its steps */
  waterfall: { bars: number; labels: string[] } | null;
}

async function openReport(browser: Browser, html: string, dir: string, name: string): Promise<PageCheck> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const documentUrl = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
  const check: PageCheck = { requests: [], blocked: [], console: [], pageErrors: [], charts: [], tooWide: [], pageOverflow: 0, scripts: 0, pdfBytes: 0, decision: null, waterfall: null };
  try {
    // everything but the document itself is refused and recorded, whatever the scheme
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === documentUrl) await route.continue();
      else {
        check.blocked.push(url);
        await route.abort("blockedbyclient");
      }
    });
    const page = await context.newPage();
    page.on("request", (r) => check.requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") check.console.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => check.pageErrors.push(e.message));
    await page.goto(documentUrl, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    check.charts = await page.$$eval("figure.chart", (figures) =>
      figures.map((f) => {
        const svg = f.querySelector(".chart-svg svg");
        const box = svg?.getBoundingClientRect();
        return {
          id: f.getAttribute("data-chart") ?? "?",
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg ? svg.querySelectorAll("g.role-mark > path, g.role-mark > line, g.role-mark > rect, g.role-mark > g > path").length : 0,
          svgs: f.querySelectorAll("svg").length,
        };
      }),
    );
    check.tooWide = await page.$$eval("main, table, figure.chart .chart-svg svg", ([main, ...elements]) => {
      const view = main?.ownerDocument.defaultView;
      if (!main || !view) return ["no <main>"];
      const style = view.getComputedStyle(main);
      const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return elements
        .filter((e) => e.getBoundingClientRect().width > column + 1)
        .map((e) => `${e.tagName.toLowerCase()} in #${e.closest("section, div[id]")?.id ?? "?"}: ${Math.round(e.getBoundingClientRect().width)} px > ${Math.round(column)} px (${(e.querySelector("thead")?.textContent ?? e.closest("figure")?.getAttribute("data-chart") ?? "").slice(0, 80)})`);
    });
    check.pageOverflow = await page.$eval("html", (root) => root.scrollWidth - (root.ownerDocument.defaultView?.innerWidth ?? 0));
    check.scripts = await page.$$eval("script", (scripts) => scripts.length);
    check.decision = await page.$eval("html", (root) => {
      const doc = root.ownerDocument;
      const box = doc.getElementById("decision");
      if (box === null) return null;
      const links = [...box.querySelectorAll("a.figure-link")];
      return {
        top: box.getBoundingClientRect().top,
        firstSectionTop: doc.querySelector("main section")?.getBoundingClientRect().top ?? Infinity,
        height: box.getBoundingClientRect().height,
        sentences: box.querySelectorAll("li").length,
        links: links.length,
        broken: links.map((a) => a.getAttribute("href") ?? "").filter((href) => doc.getElementById(href.slice(1)) === null),
      };
    });
    check.waterfall = await page.$eval("html", (root) => {
      const svg = root.ownerDocument.querySelector('figure.chart[data-chart="attribution"] .chart-svg svg');
      if (svg === null) return null;
      return {
        bars: svg.querySelectorAll("g.role-mark > path").length,
        labels: [...svg.querySelectorAll("g.role-axis-label text")].map((t) => t.textContent ?? ""),
      };
    });
    await page.emulateMedia({ media: "print" });
    check.pdfBytes = (await page.pdf({ format: "A4", printBackground: false })).length;
  } finally {
    await context.close();
  }
  return check;
}

describe("report.html in headless Chromium", needsTool(TOOLS.chromium), () => {
  let browser: Browser;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "report-html-browser-"));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const reports = [
    ["the helpers' synthetic report", () => sampleReport({ pinned: false })],
    ["the writers' edge-case report", () => sampleReportForHtml()],
    ["a report with most families missing", () => sampleReport({ families: ["size"] })],
  ] as const;

  // `GRB_REPORT_HTML=reports/latest/report.html npm test` runs the same checks on a real run's report.html
  // (with its report.json beside it): the Done-when of issue 6 is about what `npm run bench` wrote.
  const realHtml = process.env["GRB_REPORT_HTML"];
  const cases: { name: string; report: () => Report; html: (report: Report) => Promise<string> }[] = reports.map(([name, make]) => ({ name, report: make, html: (r: Report) => renderHtml(r) }));
  if (realHtml) {
    cases.push({ name: `the run at ${realHtml}`, report: () => readReport(join(dirname(realHtml), "report.json")), html: async () => readFileSync(realHtml, "utf8") });
  }

  for (const { name, report: make, html } of cases) {
    it(`renders ${name}: every chart drawn, no request, no console error`, { timeout: 60_000 }, async () => {
      const report = make();
      const check = await openReport(browser, await html(report), dir, name.replace(/\W+/g, "-"));
      assert.deepEqual(check.blocked, [], "the page tried to load something");
      assert.equal(check.requests.length, 1, `requests: ${check.requests.join(", ")}`);
      assert.match(check.requests[0] ?? "", /^file:\/\//);
      assert.deepEqual(check.console, []);
      assert.deepEqual(check.pageErrors, []);
      assert.equal(check.scripts, 0);
      assert.deepEqual(check.tooWide, [], "tables and charts must fit the page");
      assert.ok(check.pageOverflow <= 0, `the page is ${check.pageOverflow} px wider than the window`);
      assert.ok(report.sizes.length === 0 || check.charts.length > 0, "no chart at all");
      for (const c of check.charts) {
        assert.equal(c.svgs, 1, `chart ${c.id}: ${c.svgs} SVGs`);
        assert.ok(c.width > 100 && c.height > 50, `chart ${c.id} is ${c.width}×${c.height}`);
        assert.ok(c.marks > 0, `chart ${c.id} has no marks`);
      }
      assert.ok(check.pdfBytes > 10_000, "printing produced no PDF");
    });
  }

  it("the eight-arm sample as drawn: the decision summary first, every figure linked; the waterfall with its steps and side paths", { timeout: 60_000 }, async () => {
    const report = sampleReportForHtml();
    const check = await openReport(browser, await renderHtml(report), dir, "decision-and-waterfall");
    const decision = check.decision;
    assert.ok(decision, "no decision summary on the page");
    assert.ok(decision.top < decision.firstSectionTop, `the summary (top ${decision.top}) is not above the first section (${decision.firstSectionTop})`);
    assert.ok(decision.height > 50, `the summary is ${decision.height} px high`);
    assert.ok(decision.sentences >= 3 && decision.sentences <= 6, `${decision.sentences} sentences`);
    assert.ok(decision.links > 0);
    assert.deepEqual(decision.broken, [], "figure links without a target");
    const waterfall = check.waterfall;
    assert.ok(waterfall, "no waterfall chart");
    const charted = report.attribution.filter((a) => a.metric === "throughputRps" || a.metric === "serverCpuUsPerCall");
    // a bar per step, one for the end-to-end ratio and one per side path, in every panel
    const expected = charted.reduce((n, a) => n + a.steps.length + 1 + (a.sides ?? []).length, 0);
    assert.equal(waterfall.bars, expected, `bars drawn: ${waterfall.bars}`);
    for (const factor of ["framework", "transport", "encoding", "library"]) assert.ok(waterfall.labels.some((l) => l.includes(factor)), `${factor}: ${waterfall.labels.join(" | ")}`);
    assert.deepEqual(waterfall.labels.filter((l) => l.endsWith("…")), [], "step labels cut short");
    assert.ok(waterfall.labels.some((l) => l.startsWith("↳ ") && l.includes("gateway")), waterfall.labels.join(" | "));
    assert.ok(waterfall.labels.some((l) => l === "↳ express → fastify"));
  });

  // the checks above must be able to fail: a page that reaches out is caught by the route and by the CSP
  it("catches a page that would load something (control)", { timeout: 60_000 }, async () => {
    const html = await renderHtml(sampleReport({ families: ["size"] }));
    const reachOut = `<img src="https://example.invalid/pixel.png" alt=""><link rel="stylesheet" href="http://127.0.0.1:9/x.css">`;
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "").replace("</main>", `${reachOut}</main>`);
    const routed = await openReport(browser, withoutCsp, dir, "control-no-csp");
    assert.ok(routed.blocked.includes("https://example.invalid/pixel.png"), `route saw: ${routed.blocked.join(", ")}`);
    assert.ok(routed.blocked.includes("http://127.0.0.1:9/x.css"));
    const withCsp = html.replace("</main>", `${reachOut}</main>`);
    const refused = await openReport(browser, withCsp, dir, "control-csp");
    assert.ok(refused.console.some((m) => /Content Security Policy/i.test(m)), `console: ${refused.console.join(" | ")}`);
  });
});
