// `npm run compare -- BASE.json HEAD.json [--threshold PCT] [--fdr Q]`: Markdown on stdout; exit 0 when nothing
// regressed significantly beyond the threshold, 1 when something did (named on stderr), 2 for usage errors and
// invalid or incompatible reports (one line on stderr). `--alpha P` is the flag's older name (it was the level of a
// test per row); it now sets the table-wide false discovery rate, which is at least as strict.
import { parseArgs } from "node:util";
import { readReport, ReportError } from "../report-file.js";
import { compareReports, DEFAULT_COMPARE_OPTIONS } from "./compare-reports.js";

const USAGE = "usage: npm run compare -- BASE.json HEAD.json [--threshold PCT] [--fdr Q]";

class UsageError extends Error {}

function percent(text: string): number {
  const n = Number(text.replace(/%$/, ""));
  if (!Number.isFinite(n) || n <= 0 || n >= 1000) throw new UsageError(`--threshold ${text}: expected a percentage above 0, e.g. 10`);
  return n;
}

function probability(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n >= 1) throw new UsageError(`--${flag} ${text}: expected a false discovery rate between 0 and 1, e.g. 0.05`);
  return n;
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { threshold: { type: "string" }, fdr: { type: "string" }, alpha: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, ""));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length !== 2) throw new UsageError(`expected two reports, got ${parsed.positionals.length}; ${USAGE}`);
  const [basePath, headPath] = parsed.positionals as [string, string];
  const { fdr, alpha } = parsed.values;
  if (fdr !== undefined && alpha !== undefined) throw new UsageError("--fdr and --alpha are one setting (--alpha is its older name): give one");
  const options = {
    thresholdPct: parsed.values.threshold === undefined ? DEFAULT_COMPARE_OPTIONS.thresholdPct : percent(parsed.values.threshold),
    fdr: fdr !== undefined ? probability("fdr", fdr) : alpha !== undefined ? probability("alpha", alpha) : DEFAULT_COMPARE_OPTIONS.fdr,
  };
  const base = readReport(basePath);
  const head = readReport(headPath);
  const result = compareReports(base, head, options);
  process.stdout.write(result.markdown);
  if (result.regressions.length > 0) {
    process.stderr.write(`compare: ${result.regressions.length} significant regression(s) beyond ${options.thresholdPct}%: ${result.regressions.map((r) => r.name).join("; ")}\n`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof ReportError) {
    process.stderr.write(`compare: ${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
