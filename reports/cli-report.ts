// `npm run report -- REPORT.json [--out FILE.html] [--summary FILE.md]`: rebuilds report.html (and summary.md) from
// report.json alone. Defaults: report.html beside the JSON, summary.md beside the HTML. Exit 2 with one line for
// usage errors and unusable reports.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readReport, ReportError } from "./report-file.js";
import { renderHumanOutputs } from "./render-outputs.js";

const USAGE = "usage: npm run report -- REPORT.json [--out FILE.html] [--summary FILE.md]";

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: "string" }, summary: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    throw new UsageError((error as Error).message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, ""));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one report.json, got ${parsed.positionals.length}; ${USAGE}`);
  const input = resolve(parsed.positionals[0]!);
  const report = readReport(input);
  const htmlPath = resolve(parsed.values.out ?? join(dirname(input), "report.html"));
  const summaryPath = resolve(parsed.values.summary ?? join(dirname(htmlPath), "summary.md"));
  const warnings = new Set<string>();
  const { html, summary } = await renderHumanOutputs(report, { onWarning: (message) => warnings.add(message) });
  for (const warning of warnings) process.stderr.write(`report: chart warning: ${warning}\n`);
  try {
    writeFileSync(htmlPath, html);
    writeFileSync(summaryPath, summary);
  } catch (error) {
    throw new UsageError(`cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ${htmlPath}`);
  }
  process.stdout.write(`${htmlPath}\n${summaryPath}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ReportError) {
      process.stderr.write(`report: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`report: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
      process.exitCode = 1;
    }
  },
);
