// Where the figures came from: machine, runtime, commit, the exact installed versions of the libraries that shape
// them (read from node_modules, not from package.json ranges; and Node's OpenSSL, which does the TLS) and whether CPUs
// were pinned.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, platform, arch, totalmem } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { COMPILED, PACKAGE_ROOT } from "../servers/node-entry.js";
import { planPinning } from "./cpu/cpu-pinning.js";
import { runServerCpus } from "./server-process/run-server-cpus.js";
import type { Environment } from "./model/environment.js";
import type { LoadResult } from "./model/load-result.js";

/** Where package.json is: the checkout, or the installed package when running compiled (dist/'s parent). */
export const REPO_ROOT = PACKAGE_ROOT;

/**
 * Where reports/out/<timestamp>/ and reports/latest go by default: the checkout under `npm run`, the user's working
 * directory for the compiled, installed command (never inside node_modules).
 */
export function defaultOutputRoot(): string {
  return COMPILED ? process.cwd() : REPO_ROOT;
}

/** The libraries whose versions change what is measured. */
export const TRACKED_PACKAGES = [
  "@grpc/grpc-js",
  "@grpc/proto-loader",
  "express",
  "fastify",
  "compression",
  "protobufjs",
  "autocannon",
  "undici",
  "hdr-histogram-js",
  "tinybench",
  "ws",
  "vega",
  "vega-lite",
] as const;

/** The package.json node's resolution would find for `name` from `root`: ./node_modules, then each parent's. */
function installedManifest(root: string, name: string): string | null {
  // An installed tool's dependencies may be hoisted into the user's node_modules, above the package itself.
  for (let dir = root; ; dir = dirname(dir)) {
    const path = join(dir, "node_modules", name, "package.json");
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return null;
  }
}

/** Exact installed versions; a package that is not installed is left out. */
export function installedVersions(root = REPO_ROOT, names: readonly string[] = TRACKED_PACKAGES): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of names) {
    try {
      const path = installedManifest(root, name);
      if (path === null) continue;
      const manifest = JSON.parse(readFileSync(path, "utf8")) as { version?: unknown };
      if (typeof manifest.version === "string") versions[name] = manifest.version;
    } catch {
      // not installed: absent from the report rather than guessed
    }
  }
  return versions;
}

/** HEAD's commit, suffixed "-dirty" when tracked files differ from it; null outside a git checkout. */
export function gitCommit(root = REPO_ROOT): string | null {
  // An installed package (in some node_modules) is no checkout, though it may sit inside the user's: theirs is not ours.
  if (resolve(root).split(sep).includes("node_modules")) return null;
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    let dirty = false;
    try {
      execFileSync("git", ["diff", "--quiet", "HEAD", "--"], { cwd: root, stdio: "ignore" });
    } catch {
      dirty = true;
    }
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}

export function toolVersion(root = REPO_ROOT): { name: string; version: string } {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
  return { name: manifest.name, version: manifest.version };
}

/** The environment at the start of a run; `pinned` is the pinning plan the load family will follow. */
export function captureEnvironment(): Environment {
  const cpuList = cpus();
  const plan = planPinning();
  return {
    node: process.version,
    platform: platform(),
    arch: arch(),
    cpuModel: cpuList[0]?.model.trim() ?? "unknown",
    cpus: cpuList.length,
    totalMemMb: Math.round(totalmem() / 2 ** 20),
    gitCommit: gitCommit(),
    // The OpenSSL this Node is built with does every TLS handshake and record of a --tls or https:// / grpcs:// run.
    packages: { ...installedVersions(), ...(process.versions.openssl !== undefined ? { openssl: process.versions.openssl } : {}) },
    pinned: plan.server !== null && plan.client !== null,
    pinning: plan.note,
    serverCpus: runServerCpus(),
  };
}

/** After the run, what the load scenarios really did overrides the plan. */
export function settlePinning(environment: Environment, load: readonly LoadResult[]): Environment {
  if (load.length === 0) return environment;
  const unpinned = load.filter((s) => s.serverPinnedCpus === null || s.clientPinnedCpus === null);
  if (unpinned.length === 0) return { ...environment, pinned: true };
  return {
    ...environment,
    pinned: false,
    pinning: `${unpinned.length} of ${load.length} load scenarios ran unpinned${environment.pinning ? ` (${environment.pinning})` : ""}`,
  };
}
