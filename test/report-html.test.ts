// The HTML writer as a pure function: every section in order, self-contained markup, escaping, plain
// statements for empty sections, one colour per arm across all charts and tables, an Arm column wherever rows
// are per arm, units on quantitative axes, findings read from their fields (never from ids).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Report } from "../bench/model/report.js";
import { armDirectory } from "../reports/finding-kind.js";
import { ARM_COLOURS, armColour, FALLBACK_COLOURS, formatColour, textColourOn } from "../reports/html/palette.js";
import { renderHtml, SECTIONS } from "../reports/html/render-html.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { sampleReportForHtml } from "./fixtures/sample-report-for-html.js";

async function render(report: Report): Promise<{ html: string; warnings: string[] }> {
  const warnings: string[] = [];
  const html = await renderHtml(report, { onWarning: (m) => warnings.push(m) });
  return { html, warnings };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The vega-lite specs embedded under the charts (the data the charts show, as the reader can inspect it). */
function embeddedSpecs(html: string): unknown[] {
  return [...html.matchAll(/<details class="spec"><summary>[^<]*<\/summary><pre>([\s\S]*?)<\/pre><\/details>/g)].map((m) => JSON.parse(decodeEntities(m[1] ?? "")));
}

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

const both = [
  ["the helpers' synthetic report", () => sampleReport({ pinned: false })],
  ["the writers' edge-case report", () => sampleReportForHtml()],
] as const;

for (const [name, make] of both) {
  describe(`renderHtml on ${name}`, () => {
    let html = "";
    let warnings: string[] = [];
    it("renders without a vega or vega-lite warning", async () => {
      ({ html, warnings } = await render(make()));
      assert.deepEqual(warnings, []);
    });

    it("has every section, in reading order, findings first", () => {
      let last = -1;
      for (const s of SECTIONS) {
        const at = html.indexOf(`<section id="${s.id}"`);
        assert.ok(at > last, `section ${s.id} missing or out of order`);
        last = at;
      }
      assert.deepEqual(
        SECTIONS.map((s) => s.id),
        ["findings", "attribution", "latency", "throughput-cpu", "sizes-compression", "encode-decode", "multiplexing", "streaming", "tls", "environment"],
      );
      assert.match(html, /id="run-caveats"/);
      assert.match(html, /id="common-claims"/);
    });

    it("is self-contained: no script, stylesheet link, image, frame, remote URL or import, and a CSP that forbids fetching", () => {
      assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed|audio|video|source|base)\b/i);
      assert.doesNotMatch(html, /\s(src|srcset|action|poster|background|xlink:href)\s*=/i);
      const hrefs = [...html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
      assert.ok(hrefs.every((h) => h?.startsWith("#")), `non-anchor hrefs: ${hrefs.filter((h) => !h?.startsWith("#")).join(", ")}`);
      assert.doesNotMatch(html, /url\(\s*['"]?(?!#)/i);
      assert.doesNotMatch(html, /@import|@font-face/i);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">/);
      // URLs may appear as text (a target from the report); as an attribute value or CSS url() only the SVG namespace names, which are never fetched
      const inAttributes = [...html.matchAll(/(=\s*"|\(\s*['"]?)(https?:\/\/[^\s"'<>)]*)/g)].map((m) => m[2]);
      assert.deepEqual([...new Set(inAttributes)].sort(), ["http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg"]);
    });

    it("gives every chart an SVG, a title drawn in it, and a table of the exact numbers under it", () => {
      const figures = [...html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
      assert.ok(figures.length >= 8, `only ${figures.length} charts`);
      for (const f of figures) {
        const id = /data-chart="([^"]+)"/.exec(f)?.[1];
        assert.match(f, /<svg [^>]*width="\d+"/, `chart ${id} has no SVG`);
        assert.match(f, /role-title-text/, `chart ${id} has no title in its SVG`);
        assert.match(f, /role-mark/, `chart ${id} has no marks`);
        assert.ok(f.indexOf("<table") > f.indexOf("</svg>"), `chart ${id} has no table under it`);
      }
    });

    it("names a unit on every quantitative axis", () => {
      for (const spec of embeddedSpecs(html)) {
        walk(spec, (obj) => {
          for (const channel of ["x", "y"]) {
            const enc = obj[channel] as Record<string, unknown> | undefined;
            if (enc && enc.type === "quantitative" && typeof enc.title === "string") {
              assert.match(enc.title, /\(.+\)/, `axis title without a unit: ${enc.title}`);
            }
          }
        });
      }
    });

    it("uses one colour per arm (and per format) across every chart, the arm's palette colour", () => {
      const report = make();
      const arms = armDirectory(report);
      const idOfName = new Map(arms.list().map((a) => [a.name, a.id]));
      const colourOf = new Map<string, string>();
      let scales = 0;
      const charted = new Set<string>();
      for (const spec of embeddedSpecs(html)) {
        walk(spec, (obj) => {
          const colour = obj.color as { scale?: { domain?: unknown[]; range?: unknown[] } } | undefined;
          const scale = colour?.scale;
          if (!scale?.domain || !scale.range) return;
          scales++;
          scale.domain.forEach((label, i) => {
            const value = String(scale.range?.[i]);
            const seen = colourOf.get(String(label));
            assert.ok(seen === undefined || seen === value, `${String(label)} is ${seen} in one chart and ${value} in another`);
            colourOf.set(String(label), value);
            const id = idOfName.get(String(label));
            if (id !== undefined) {
              charted.add(id);
              assert.equal(value, armColour(id), `arm ${id} drawn in ${value}, not its palette colour`);
            }
          });
        });
      }
      assert.ok(scales >= 6);
      // every arm with load results is in a chart, and the SVGs really paint with its colour
      for (const id of new Set(report.load.map((r) => r.arm))) {
        assert.ok(charted.has(id), `arm ${id} is in no chart's colour scale`);
        assert.ok(html.includes(`fill="${armColour(id)}"`), `no SVG mark painted in ${id}'s colour`);
      }
      // formats keep their own, fixed colours
      for (const [label, colour] of colourOf) if (/^(json|protobuf)/i.test(label) && !idOfName.has(label)) assert.equal(colour, formatColour(label));
    });

    it("lists every arm near the top with its label, colour and descriptor, before the findings", () => {
      const report = make();
      const top = html.slice(0, html.indexOf('<section id="findings"'));
      assert.match(top, /<div class="arms-box" id="arms">/);
      const table = /<table class="arms-table">[\s\S]*?<\/table>/.exec(top)?.[0] ?? "";
      for (const arm of report.arms) {
        const row = new RegExp(`<tr data-arm="${arm.id}">[\\s\\S]*?</tr>`).exec(table)?.[0] ?? "";
        assert.ok(row.includes(escapeForTest(arm.label)), `arms table: no label for ${arm.id}`);
        assert.ok(row.includes(`background:${armColour(arm.id)}`), `arms table: ${arm.id} not in its colour`);
        for (const field of [arm.api, arm.wire, arm.transport, arm.framework, arm.description]) assert.ok(row.includes(escapeForTest(field)), `arms table: ${arm.id} lacks ${field}`);
      }
      assert.match(table, /baseline/);
    });

    it("shows every arm in its colour with its label wherever its results are", () => {
      const report = make();
      const arms = armDirectory(report);
      for (const a of arms.list()) {
        const chips = html.split(`<span class="arm" data-arm="${a.id}">`).length - 1;
        const hasResults = report.load.some((r) => r.arm === a.id);
        if (hasResults) assert.ok(chips >= 4, `arm ${a.id} has only ${chips} chips`);
        assert.ok(html.includes(`<span class="arm" data-arm="${a.id}"><span class="swatch" style="background:${armColour(a.id)}"></span>${escapeForTest(a.name)}</span>`), `no chip for ${a.id}`);
      }
    });

    it("has an Arm column in every table whose rows are per arm", () => {
      const tablesIn = (fragment: string) => [...fragment.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
      const section = (id: string) => /<section id="[^"]+"[\s\S]*?<\/section>/g.exec(html.slice(html.indexOf(`<section id="${id}"`)))?.[0] ?? "";
      const perArm = [
        ...["findings", "latency", "throughput-cpu", "multiplexing", "streaming"].flatMap((id) => tablesIn(section(id))),
        ...tablesIn(/<figure class="chart" id="chart-compression"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? ""),
      ];
      assert.ok(perArm.length >= 6, `only ${perArm.length} tables checked`);
      for (const table of perArm) {
        const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? "";
        assert.match(head, /<th scope="col"[^>]*>Arms?<\/th>/, `table without an Arm column: ${head.replace(/<[^>]+>/g, " ").slice(0, 160)}`);
      }
    });

    it("shows the run-wide caveats and every finding with its ratio, interval and verdict", () => {
      const report = make();
      for (const c of report.caveats) assert.ok(html.includes(escapeForTest(c)), `caveat missing: ${c}`);
      for (const f of report.findings) {
        assert.ok(html.includes(escapeForTest(f.statement)), `finding missing: ${f.id}`);
        for (const c of f.caveats) assert.ok(html.includes(escapeForTest(c)), `finding caveat missing: ${c}`);
      }
    });

    it("is a pure function of the report (same input, same bytes)", async () => {
      assert.equal((await render(make())).html, html);
    });
  });
}

function escapeForTest(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

describe("renderHtml escaping", () => {
  it("escapes every string from the report, in tables, headings, chart labels and embedded specs", async () => {
    const evil = `<script>alert("x")</script>`;
    const report = sampleReportForHtml();
    const first = report.load[0];
    assert.ok(first);
    first.call = evil;
    first.driver = `<img src=x onerror=alert(1)>`;
    report.caveats.push(`caveat ${evil} & "quotes" 'single'`);
    report.findings.push({
      id: `claim:${evil}`,
      kind: "claim",
      statement: evil,
      baseline: null,
      candidate: null,
      scenario: null,
      subject: null,
      family: null,
      metric: "<b>m</b>",
      metricLabel: "<b>m</b>",
      better: null,
      ratio: 2,
      ci95: [1.5, 2.5],
      verdict: "depends",
      verdictDetail: "<i>x</i>",
      caveats: [evil],
    });
    report.findings.push({ ...report.findings.find((f) => f.kind === "arm-comparison")!, scenario: evil, metricLabel: "<b>m</b>", verdictDetail: "<i>x</i>", caveats: [evil] });
    report.arms[2]!.label = `<b>arm</b> ${evil}`;
    report.arms[2]!.description = evil;
    report.arms[3]!.target = evil;
    report.options[`<b>opt</b>`] = evil;
    report.environment.cpuModel = evil;
    report.environment.packages[evil] = "1.0.0";
    report.sizes[0]!.message = evil;
    report.micro[0]!.format = evil;
    report.multiplex[0]!.configuration = evil;
    report.stream[0]!.configuration = evil;
    report.compression[0]!.note = evil;
    report.families[0]!.failure = evil;
    const { html } = await render(report);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<b>opt|<i>x|<b>m|<b>arm/);
    assert.ok(html.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert.ok(html.includes("&amp; &quot;quotes&quot; &#39;single&#39;"));
  });
});

describe("renderHtml empty sections", () => {
  it("says plainly what was not measured and why, from report.families", async () => {
    const report = sampleReportForHtml();
    report.load = [];
    report.stream = [];
    report.multiplex = [];
    report.micro = [];
    report.compression = [];
    report.findings = [];
    report.families = [
      { family: "size", endReason: "completed", durationS: 0.4 },
      { family: "stream", endReason: "failed", durationS: 3.2, failure: "rest server exited with code 1" },
      { family: "multiplex", endReason: "skipped", durationS: 0, failure: "--only size,stream" },
      { family: "compression", endReason: "completed", durationS: 1 },
    ];
    const { html, warnings } = await render(report);
    assert.deepEqual(warnings, []);
    const notMeasured = (family: string) => new RegExp(`class="not-measured" data-family="${family}"><strong>Not measured in this run:</strong>[^<]*`).exec(html)?.[0] ?? "";
    assert.match(notMeasured("load"), /the load family did not run \(not selected for this run\)/);
    assert.match(notMeasured("stream"), /the stream family failed after 3\.2 s: rest server exited with code 1/);
    assert.match(notMeasured("multiplex"), /the multiplex family was skipped: --only size,stream/);
    assert.match(notMeasured("micro"), /the micro family did not run/);
    assert.match(notMeasured("compression"), /the compression family completed but recorded no results/);
    assert.match(html, /No arm findings:/);
    assert.match(html, /data-chart="sizes-bytes"/);
    assert.doesNotMatch(html, /data-chart="(latency|throughput|stream|micro|multiplex)/);
  });

  it("renders a report with nothing in it", async () => {
    const report = sampleReportForHtml();
    Object.assign(report, { load: [], sizes: [], micro: [], compression: [], multiplex: [], stream: [], tls: [], findings: [], attribution: [], caveats: [], families: [], endReason: "aborted" });
    const { html, warnings } = await render(report);
    assert.deepEqual(warnings, []);
    assert.equal((html.match(/<figure class="chart"/g) ?? []).length, 0);
    assert.equal((html.match(/class="not-measured" data-family=/g) ?? []).length, 8);
    assert.match(html, /This run aborted/);
    assert.match(html, /None were flagged/);
  });

  it("draws no empty chart for degenerate results (a failed scenario, only errored tasks, a 0-byte message), keeping the tables", async () => {
    const report = sampleReportForHtml();
    report.load = report.load.filter((r) => r.call === "GetUser" && r.payload === "small");
    for (const r of report.load) {
      Object.assign(r, { endReason: "failed", failure: "server exited", requests: 0, throughputRps: 0, latencyMs: { p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 } });
      r.histogram = { ...r.histogram, data: "" };
      r.repetitions = [];
    }
    report.micro = report.micro.filter((m) => m.message === "ListOrdersResponse").map((m) => ({ ...m, state: "errored" as const, opsPerSec: 0, error: "boom" }));
    report.sizes = [{ message: "Empty", payload: "small", json: { raw: 2, gzip: 22, deflate: 10, br: 6 }, protobuf: { raw: 0, gzip: 20, deflate: 8, br: 1 }, ratio: { raw: 0, gzip: 1.1, deflate: 1.25, br: 6 } }];
    report.sizes[0]!.ratio.raw = Number.POSITIVE_INFINITY;
    const { html, warnings } = await render(report);
    assert.deepEqual(warnings, []);
    assert.match(html, /<strong>No chart:<\/strong> no latency was recorded for GetUser/);
    assert.match(html, /<strong>No chart:<\/strong> no encode\/decode task for ListOrdersResponse completed/);
    assert.match(html, /server exited/);
    assert.match(html, /data-chart="sizes-ratio"/);
  });

  it("falls back to the stored percentiles when a histogram cannot be decoded, and says so", async () => {
    const report = sampleReportForHtml();
    report.load[0]!.histogram.data = "not-a-histogram";
    const { html, warnings } = await render(report);
    assert.deepEqual(warnings, []);
    assert.match(html, /histogram unreadable: summary points only/);
  });
});

describe("renderHtml findings come from fields", () => {
  it("never reads a finding's id: renaming every id changes nothing", async () => {
    const report = sampleReportForHtml();
    const renamed = structuredClone(report);
    renamed.findings.forEach((f, i) => (f.id = `finding-${i}`));
    assert.equal((await render(renamed)).html, (await render(report)).html);
  });

  it("says which arm is better by its label, shows verdictDetail, and groups the matrix per candidate vs baseline", async () => {
    const report = sampleReportForHtml();
    const arms = armDirectory(report);
    const { html } = await render(report);
    const pairs = new Set(report.findings.filter((f) => f.kind === "arm-comparison").map((f) => `${f.candidate} ${f.baseline}`));
    const groups = [...html.matchAll(/<tbody class="pair" data-candidate="([^"]+)" data-baseline="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(groups.sort(), [...pairs].sort(), "one row group per candidate-vs-baseline pair");
    const better = report.findings.find((f) => f.verdict === "candidate-better" && f.candidate === "rest-node")!;
    assert.ok(better, "the fixture has a finding where rest-node is better");
    assert.ok(html.includes(`data-verdict="candidate-better" data-arm="rest-node" style="background:${armColour("rest-node")};`), "verdict badge not in rest-node's colour");
    assert.ok(html.includes(`>${escapeForTest(arms.name("rest-node"))} better</span>`));
    const worse = report.findings.find((f) => f.verdict === "baseline-better")!;
    assert.ok(html.includes(`>${escapeForTest(arms.name(worse.baseline!))} better</span>`));
    const detailed = report.findings.filter((f) => f.verdictDetail);
    assert.ok(detailed.length >= 2, "the fixture has findings with verdictDetail");
    for (const f of detailed) assert.ok(html.includes(`<span class="muted small verdict-detail">${escapeForTest(f.verdictDetail!)}</span>`), `verdictDetail of ${f.id} not shown`);
  });
});

describe("renderHtml with arms it has never seen", () => {
  it("colours an unknown arm id with a stable fallback colour and labels it by its id", async () => {
    const report = sampleReport({ arms: ["grpc", "rest", "rest-zig"], families: ["load", "compression", "multiplex", "stream"] });
    // and an entry naming an arm report.arms does not describe
    report.load[0] = { ...report.load[0]!, arm: "mystery-arm" };
    const { html, warnings } = await render(report);
    assert.deepEqual(warnings, []);
    for (const id of ["rest-zig", "mystery-arm"]) {
      assert.ok(FALLBACK_COLOURS.includes(armColour(id)), `${id} has no fallback colour`);
      assert.ok(html.includes(`<span class="arm" data-arm="${id}"><span class="swatch" style="background:${armColour(id)}"></span>${id}</span>`), `${id} not shown`);
    }
    assert.match(html, /not described in this report/);
    assert.equal((await render(report)).html, html, "same report, same bytes");
  });
});

describe("palette", () => {
  it("gives the eight known arms eight distinct fixed colours, and any other id a stable fallback one", () => {
    const known = ["grpc", "rest", "rest-node", "rest-fastify", "json-h2", "protobuf-h1", "grpc-raw", "gateway"];
    assert.deepEqual(Object.keys(ARM_COLOURS), known);
    assert.equal(new Set(known.map(armColour)).size, 8);
    for (const c of FALLBACK_COLOURS) assert.ok(!Object.values(ARM_COLOURS).includes(c), `fallback ${c} repeats a fixed colour`);
    for (const id of ["x", "rest-zig", "a-very-long-arm-id-0"]) {
      assert.equal(armColour(id), armColour(id));
      assert.ok(FALLBACK_COLOURS.includes(armColour(id)));
    }
    assert.equal(textColourOn(ARM_COLOURS["grpc-raw"]!), "#ffffff");
    assert.equal(textColourOn(ARM_COLOURS["rest-node"]!), "#1d2330");
  });
});

describe("renderHtml header: the Node version", () => {
  it("is among the run facts on the first line of the header, in bold, and in the environment section", async () => {
    const report = sampleReport();
    report.environment.node = "v24.11.1";
    const { html } = await render(report);
    const header = /<header class="report-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? "";
    const firstLine = /<p class="meta">[\s\S]*?<\/p>/.exec(header)?.[0] ?? "";
    assert.match(firstLine, /profile quick/);
    assert.match(firstLine, /<span class="node-version"[^>]*><strong>Node v24\.11\.1<\/strong><\/span>/);
    assert.equal(header.match(/Node v24\.11\.1/g)?.length, 1, "the version once in the header, not repeated");
    assert.ok(header.indexOf("Node v24.11.1") < header.indexOf('<nav class="toc">'), "above the table of contents");
    const environment = html.slice(html.indexOf('<section id="environment"'));
    assert.match(environment, /<dt>Node\.js<\/dt><dd>v24\.11\.1 \(the figures depend on the Node version/);
  });

  it("escapes the version string", async () => {
    const report = sampleReport();
    report.environment.node = "v20.<b>x</b>";
    const { html } = await render(report);
    assert.match(html, /<strong>Node v20\.&lt;b&gt;x&lt;\/b&gt;<\/strong>/);
    assert.doesNotMatch(html, /<b>x<\/b>/);
  });
});

describe("renderHtml environment: CPU steal", () => {
  const environmentOf = (html: string) => html.slice(html.indexOf('<section id="environment"'));
  const stealTable = (html: string) => /<h3 id="cpu-steal">[\s\S]*?<\/table>/.exec(environmentOf(html))?.[0] ?? "";

  it("per family with windows: measured windows, median and max steal, heavy windows, with what steal is and what was done", async () => {
    const report = sampleReport();
    const steals = [0.001, 0.004, 0.08];
    let i = 0;
    for (const r of report.load) {
      r.repetitions = r.repetitions.map((w) => {
        const server = steals[i++ % steals.length]!;
        return { ...w, cpuSteal: { server, client: 0 }, heavySteal: server > 0.05 };
      });
    }
    const windows = report.load.reduce((n, r) => n + r.repetitions.length, 0);
    const heavy = report.load.flatMap((r) => r.repetitions).filter((w) => w.heavySteal).length;
    const { html } = await render(report);
    const block = stealTable(html);
    assert.match(block, /Steal is the share of a CPU&#39;s time the hypervisor gave to other guests/);
    assert.match(block, /flagged heavy, and the paired arm ratios leave it out/);
    assert.match(block, /Heavy \(&gt; 5%\)/);
    const loadRow = /<tr><td class="">load<\/td>([\s\S]*?)<\/tr>/.exec(block)?.[1] ?? "";
    const cells = [...loadRow.matchAll(/<td class="[^"]*">([\s\S]*?)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cells.slice(0, 4), [String(windows), "0.40%", "8.0%", `<span class="flag flag-warn">${heavy}</span>`]);
    // the sample's multiplex and stream entries carry no steal: said, not shown as zero
    assert.match(block, /<td class="">multiplex<\/td><td class="num">\d+<\/td><td class="num">—<\/td><td class="num">—<\/td><td class="num">—<\/td><td class="">not recorded for this family<\/td>/);
  });

  it("a report from before steal was recorded says so; one without measured windows shows nothing", async () => {
    const { html } = await render(sampleReport());
    assert.match(environmentOf(html), /CPU steal was not recorded in this report/);
    const { html: sizesOnly } = await render(sampleReport({ families: ["size"] }));
    assert.doesNotMatch(environmentOf(sizesOnly), /CPU steal/);
  });
});
