// `npm run merge -- R1.json … RN.json [--out DIR] [--allow-missing]`: the reports of one sharded run (`npm run bench
// -- --shard i/N --start-at ISO` on N hosts) → one report, merged exactly (histograms added), written as report.json,
// report.html and summary.md like a normal run's. The only module of the merge that touches files, stdout and exit
// codes. Exit 0 written; 1 the merged report could not be written or rendered; 2 usage errors, unusable reports
// and reports that do not belong together (one line on stderr, naming the file and what differs).
import { isAbsolute, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultOutputRoot } from "../../bench/environment.js";
import { readReport, ReportError } from "../report-file.js";
import { mergeShardReports } from "./merge-reports.js";
import { checkShardSet, MergeError } from "./shard-set.js";

const USAGE = `usage: npm run merge -- R1.json … RN.json [--out DIR] [--allow-missing]

  Merges the reports of one sharded run (npm run bench -- --shard i/N --start-at ISO on N hosts, against the same
  --target servers): histograms added, calls and errors summed, findings recomputed; writes report.json,
  report.html and summary.md.
  --out DIR        where the merged outputs go (default reports/out/<timestamp>/, and reports/latest points at it)
  --allow-missing  merge even when a shard, a scenario or a repetition is missing (the report flags each);
                   without it a missing one is refused`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { out: { type: "string" }, "allow-missing": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, ""));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError(`no report given; ${USAGE.split("\n")[0]}`);
  const twice = files.find((f, i) => files.findIndex((g) => resolve(g) === resolve(f)) !== i);
  if (twice !== undefined) throw new UsageError(`${twice} is given twice`);
  if (parsed.values.out !== undefined && parsed.values.out.trim() === "") throw new UsageError("--out needs a directory");
  const allowMissing = parsed.values["allow-missing"] === true;

  const set = checkShardSet(
    files.map((file) => ({ file, report: readReport(file) })),
    allowMissing,
  );
  // Loaded once the reports are known good: the writers (vega, vega-lite) are most of this command's start-up.
  const { timestampedDir, updateLatest, writeRunOutputs } = await import("../run-output.js");
  const defaultOut = parsed.values.out === undefined;
  const dir = defaultOut ? timestampedDir(join(defaultOutputRoot(), "reports", "out"), new Date()) : isAbsolute(parsed.values.out!) ? parsed.values.out! : resolve(parsed.values.out!);
  const report = mergeShardReports(set, { allowMissing, out: dir });

  let outputs;
  try {
    outputs = await writeRunOutputs(dir, report);
  } catch (error) {
    throw new UsageError(`cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message.split("\n")[0]})`);
  }
  for (const problem of outputs.problems) process.stderr.write(`merge: ${problem}\n`);
  for (const warning of new Set(outputs.warnings)) process.stderr.write(`merge: chart warning: ${warning}\n`);
  if (defaultOut && outputs.json) {
    try {
      updateLatest(join(defaultOutputRoot(), "reports", "latest"), dir);
    } catch (error) {
      process.stderr.write(`merge: could not update reports/latest (${(error as Error).message.split("\n")[0]})\n`);
    }
  }
  for (const path of [outputs.json, outputs.html, outputs.summary]) if (path) process.stdout.write(`${path}\n`);
  const flags = report.merge?.flags.length ?? 0;
  const calls = report.load.reduce((n, r) => n + r.requests, 0);
  process.stderr.write(
    `merge: ${set.shards.length} of ${set.count} shards, ${report.load.length} load scenarios, ${calls} calls; ${report.findings.length} findings, ${flags} merge flag${flags === 1 ? "" : "s"}\n`,
  );
  return outputs.problems.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ReportError || error instanceof MergeError) {
      process.stderr.write(`merge: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`merge: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
      process.exitCode = 1;
    }
  },
);
