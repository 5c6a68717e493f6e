// The output stage of a run: report.json first (validated; the one file that must never be lost), then the
// human-facing files rendered from it, then the reports/latest link. Each step that fails is reported as one
// line in `problems` and does not stop the steps after it.
import { cpSync, existsSync, lstatSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Report } from "../bench/model/report.js";
import { renderHumanOutputs } from "./render-outputs.js";
import { ReportError, writeReport } from "./report-file.js";

export interface RunOutputs {
  json: string | null;
  html: string | null;
  summary: string | null;
  /** entries a family recorded that did not match the model, kept for debugging */
  rejected: string | null;
  problems: string[];
  /** chart renderer warnings: the file was written, but a chart may be off */
  warnings: string[];
}

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;

/** reports/out/2025-01-31T12-00-00Z, with a suffix if a run already used that second. */
export function timestampedDir(root: string, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
  let dir = join(root, stamp);
  for (let n = 2; existsSync(dir); n++) dir = join(root, `${stamp}-${n}`);
  return dir;
}

export async function writeRunOutputs(dir: string, report: Report, rejected: readonly unknown[] = []): Promise<RunOutputs> {
  const out: RunOutputs = { json: null, html: null, summary: null, rejected: null, problems: [], warnings: [] };
  mkdirSync(dir, { recursive: true });
  const json = join(dir, "report.json");
  try {
    writeReport(json, report);
    out.json = json;
  } catch (error) {
    // never lose a measurement to a schema problem: keep the raw JSON beside a clear message
    const raw = join(dir, "report.invalid.json");
    writeFileSync(raw, `${JSON.stringify(report, null, 2)}\n`);
    out.problems.push(`${error instanceof ReportError ? error.message : oneLine(error)}; the unvalidated report is in ${raw}`);
  }
  if (rejected.length > 0) {
    const path = join(dir, "rejected-entries.json");
    writeFileSync(path, `${JSON.stringify(rejected, null, 2)}\n`);
    out.rejected = path;
  }
  if (out.json === null) return out;
  try {
    const { html, summary } = await renderHumanOutputs(report, { onWarning: (message) => out.warnings.push(message) });
    writeFileSync(join(dir, "report.html"), html);
    out.html = join(dir, "report.html");
    writeFileSync(join(dir, "summary.md"), summary);
    out.summary = join(dir, "summary.md");
  } catch (error) {
    out.problems.push(`could not render report.html / summary.md (${oneLine(error)}); rebuild them with npm run report -- ${json}`);
  }
  return out;
}

/** Points reports/latest at `dir` (a relative symlink; a copy where symlinks are not allowed). */
export function updateLatest(latest: string, dir: string): void {
  const scratch = `${latest}.new`;
  rmSync(scratch, { recursive: true, force: true });
  try {
    symlinkSync(relative(dirname(latest), dir), scratch, "dir");
  } catch {
    cpSync(dir, scratch, { recursive: true });
  }
  // rename cannot replace a real directory: clear one left by an earlier copy
  if (existsSync(latest) && !lstatSync(latest).isSymbolicLink()) rmSync(latest, { recursive: true, force: true });
  renameSync(scratch, latest);
}
