// The page's only stylesheet, inlined. System fonts, print-friendly (charts and tables keep together,
// no background fills that waste ink except the caveat highlights). Arm colours are not here: swatches and
// verdict badges carry their arm's colour inline (palette.ts), so an arm this file never heard of is coloured too.
import { FONT_STACK } from "./chart.js";
import { UI_COLOURS } from "./palette.js";

export const STYLES = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font-family:${FONT_STACK};color:${UI_COLOURS.ink};background:#fff;line-height:1.5;font-size:15px}
main{max-width:1080px;margin:0 auto;padding:24px 28px 64px}
header.report-header{border-bottom:2px solid ${UI_COLOURS.ink};padding-bottom:12px;margin-bottom:8px}
h1{font-size:26px;margin:0 0 4px;letter-spacing:-.01em}
h2{font-size:21px;margin:40px 0 8px;padding-top:8px;border-top:1px solid ${UI_COLOURS.rule}}
.report-header + .report-section > h2{border-top:none;margin-top:20px;padding-top:0}
h3{font-size:16px;margin:20px 0 8px}
p{margin:6px 0 10px}
.meta{color:${UI_COLOURS.muted};font-size:13px;margin:0}
.meta span+span::before{content:" · "}
nav.toc{font-size:13px;margin:10px 0 0}
.decision{border:1px solid ${UI_COLOURS.rule};border-left:5px solid ${UI_COLOURS.ink};padding:8px 16px;margin:14px 0 6px}
.decision h2{font-size:18px;margin:4px 0 2px;padding:0;border:none}
.decision ul{margin:6px 0;padding-left:20px}
.decision li{margin:4px 0}
a.figure-link{font-weight:600;color:inherit;text-decoration:underline dotted}
nav.toc a{color:${UI_COLOURS.ink};margin-right:14px;text-decoration:none;border-bottom:1px dotted ${UI_COLOURS.muted}}
.intro{color:${UI_COLOURS.muted};max-width:78ch}
.muted{color:${UI_COLOURS.muted}}
.small{font-size:12px}
.statement{font-weight:600}
figure.chart{margin:18px 0 28px;break-inside:avoid;page-break-inside:avoid}
.chart-svg{overflow-x:auto}
.chart-svg svg{max-width:100%;height:auto;display:block}
figcaption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.table-wrap{overflow-x:auto;margin:8px 0 4px}
table{border-collapse:collapse;font-size:13px;width:auto;min-width:50%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{padding:4px 8px;border-bottom:1px solid ${UI_COLOURS.rule};vertical-align:top;text-align:left}
th{font-weight:600;border-bottom:1.5px solid ${UI_COLOURS.ink};vertical-align:bottom}
.nowrap{white-space:nowrap}
.wide-cell{min-width:15em}
td.num{text-align:right;white-space:nowrap}
th.num{text-align:right}
tbody tr:nth-child(even){background:#f7f8fa}
ul.caveats{margin:0;padding-left:16px}
.caveat-box{background:${UI_COLOURS.caveatBackground};border-left:5px solid ${UI_COLOURS.caveatBorder};padding:8px 14px;margin:14px 0}
.caveat-box h3{margin:4px 0}
.caveat-box ul{margin:4px 0 6px;padding-left:20px}
.caveat-none{background:#f3f6f4;border-left-color:${UI_COLOURS.good}}
.claims-box{border:2px solid ${UI_COLOURS.ink};border-radius:6px;padding:4px 14px 10px;margin:14px 0}
.claims-box h3{margin-top:10px}
.verdict{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;border:1px solid currentColor}
.verdict-neutral{color:${UI_COLOURS.neutral}}
.verdict-supported{color:${UI_COLOURS.good}}
.verdict-not-supported{color:${UI_COLOURS.bad}}
.verdict-depends{color:#8a6100}
.verdict-neutral,.verdict-supported,.verdict-not-supported{white-space:nowrap}
.flag{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;margin:1px 4px 1px 0;white-space:nowrap}
.flag-warn{background:${UI_COLOURS.caveatBackground};border:1px solid ${UI_COLOURS.caveatBorder}}
.flag-bad{background:#fdecea;border:1px solid ${UI_COLOURS.bad};color:${UI_COLOURS.bad}}
.flag-ok{background:#edf7f0;border:1px solid ${UI_COLOURS.good};color:${UI_COLOURS.good}}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:baseline;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.verdict-arm{print-color-adjust:exact;-webkit-print-color-adjust:exact}
.arm{white-space:nowrap;font-weight:500}
.arms-box{margin:18px 0 4px}
.arms-box h2{border-top:none;margin:6px 0 4px;padding-top:0;font-size:18px}
.arms-table td{vertical-align:top}
a.plain{color:inherit;text-decoration:none}
.tally{display:inline-block;white-space:nowrap;margin-right:8px;font-size:12px}
table.finding-matrix td.scenario{font-size:12px;min-width:12em}
table.finding-matrix th.pair-cell{background:#fff;border-right:1px solid ${UI_COLOURS.rule};font-weight:400;vertical-align:top;min-width:9em}
table.finding-matrix tbody.pair{border-top:2px solid ${UI_COLOURS.ink}}
table.finding-matrix td.cell-better .small{font-size:11px}
table.finding-matrix .verdict-note{display:inline-block;white-space:normal;max-width:10em;text-align:right;line-height:1.3}
details.all-findings{margin:10px 0}
details.all-findings > summary{cursor:pointer;font-weight:600}
.not-measured{background:#f3f4f6;border:1px dashed ${UI_COLOURS.muted};padding:10px 14px;border-radius:4px}
.caveat-inline{color:#8a6100}
/* details under an arm name carry option names like grpc.default_compression_algorithm=identity: break them anywhere rather than widen the table */
.arm-detail{overflow-wrap:anywhere}
.left-out{color:${UI_COLOURS.muted};font-size:.9em;margin:4px 0 10px;padding-left:18px}
details.spec{font-size:12px;color:${UI_COLOURS.muted};margin-top:4px}
details.spec pre{max-height:320px;overflow:auto;background:#f7f8fa;padding:8px;font-size:11px}
dl.env{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;font-size:14px}
dl.env dt{font-weight:600}
dl.env dd{margin:0}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
footer{margin-top:48px;font-size:12px;color:${UI_COLOURS.muted}}
@media print{
  body{font-size:11pt}
  main{max-width:none;padding:0}
  nav.toc,details.spec{display:none}
  h2{break-before:auto;break-after:avoid}
  .table-wrap,.chart-svg{overflow:visible}
  tbody tr:nth-child(even){background:none}
  table{font-size:8pt;min-width:0}
  th,td{padding:2px 4px}
  .wide-cell{min-width:0}
  .nowrap,.flag,td.num,.arm{white-space:normal}
  a{color:inherit;text-decoration:none}
}
`;
