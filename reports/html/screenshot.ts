// CLI: render a report.json to HTML and photograph the top of the page (for the README).
//   npm run report:screenshot -- REPORT.json OUT.png [--width PX] [--height PX]
// Uses the same headless Chromium setup as the browser test; the page is opened from a temporary file and
// every request other than that file is refused.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { readReport, ReportError } from "../report-file.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.js";
import { renderHtml } from "./render-html.js";

function usage(message: string): never {
  process.stderr.write(`report:screenshot: ${message} (usage: npm run report:screenshot -- REPORT.json OUT.png [--width PX] [--height PX])\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { width: { type: "string", default: "1180" }, height: { type: "string", default: "1500" } } });
  } catch (error) {
    usage((error as Error).message);
  }
  const [reportPath, outPath] = parsed.positionals;
  if (!reportPath || !outPath || parsed.positionals.length > 2) usage("expected REPORT.json and OUT.png");
  const width = Number(parsed.values.width);
  const height = Number(parsed.values.height);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 320 || height < 200) usage("--width/--height must be whole pixels (≥ 320 × 200)");
  if (!existsSync(CHROMIUM_PATH)) usage(`${CHROMIUM_PATH} not found (apt-get install chromium)`);

  let report;
  try {
    report = readReport(reportPath);
  } catch (error) {
    if (error instanceof ReportError) usage(error.message);
    throw error;
  }
  const dir = mkdtempSync(join(tmpdir(), "report-screenshot-"));
  const file = join(dir, "report.html");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    writeFileSync(file, await renderHtml(report));
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    const documentUrl = pathToFileURL(file).href;
    await page.route("**/*", (route) => (route.request().url() === documentUrl ? route.continue() : route.abort()));
    await page.goto(documentUrl, { waitUntil: "load" });
    await page.screenshot({ path: outPath, clip: { x: 0, y: 0, width, height } });
    process.stderr.write(`wrote ${outPath} (${width}×${height}, top of the report)\n`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
