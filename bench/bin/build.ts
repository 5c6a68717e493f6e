// `npm run build` (and prepack): dist/ from a clean slate — tsc emits the JavaScript (tsconfig.build.json), then the
// files the code reads beside itself at run time (import.meta.url-relative, which tsc does not emit) are copied in,
// so dist/ mirrors the checkout and every relative path holds in both.
import { cpSync, readdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../../servers/node-entry.js";

const OUT = "dist";

/** The folders tsc compiles (tsconfig.build.json), whose data files ship beside the JavaScript. */
const SOURCE_DIRS = ["proto", "payloads", "servers", "bench", "reports"];
/** Outputs of runs, never part of the package. */
const SKIP = ["reports/out", "reports/latest"];
/** Data the code reads at run time: .proto schemas, JSON (schemas), JavaScript that is already JavaScript (proto/generated). */
const DATA_FILE = /(\.proto|\.json|(?<!\.d)\.js)$/;

/**
 * Runtime files besides the emitted JavaScript, relative to the package root: proto/*.proto, proto/google/api/*.proto
 * (vendored, imported by shop.proto), proto/generated/shop.js (the static codecs), reports/report.schema.json, and
 * whatever schema or .proto a folder adds later.
 */
export function runtimeAssets(root = PACKAGE_ROOT): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && DATA_FILE.test(entry.name))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .filter((path) => !SKIP.some((skip) => path === skip || path.startsWith(`${skip}/`))),
  ).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Stale modules of renamed or deleted sources would otherwise ship.
  rmSync(join(PACKAGE_ROOT, OUT), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    // GRB_BUILD_NO_TYPECHECK=1: emit only, for the package test — `npm test` has type-checked the same sources already.
    const noCheck = process.env.GRB_BUILD_NO_TYPECHECK === "1" ? ["--noCheck"] : [];
    execFileSync(process.execPath, [tsc, "-p", join(PACKAGE_ROOT, "tsconfig.build.json"), ...noCheck], { stdio: "inherit" });
  } catch {
    process.stderr.write("build: tsc failed (its errors are above)\n");
    process.exit(1);
  }
  for (const asset of runtimeAssets()) cpSync(join(PACKAGE_ROOT, asset), join(PACKAGE_ROOT, OUT, asset), { recursive: true });
  process.stdout.write(`build: ${OUT}/ written\n`);
}
