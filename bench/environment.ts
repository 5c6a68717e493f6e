// Where the figures came from: machine, runtime, commit, the exact installed versions of the libraries that shape
// them (read from node_modules, not from package.json ranges; and Node's OpenSSL, which does the TLS) and whether CPUs
// were pinned.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, platform, arch, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { planPinning } from "./cpu/cpu-pinning.js";
import type { Environment } from "./model/environment.js";
import type { LoadResult } from "./model/load-result.js";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

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

/** Exact installed versions; a package that is not installed is left out. */
export function installedVersions(root = REPO_ROOT, names: readonly string[] = TRACKED_PACKAGES): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of names) {
    try {
      const manifest = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version?: unknown };
      if (typeof manifest.version === "string") versions[name] = manifest.version;
    } catch {
      // not installed: absent from the report rather than guessed
    }
  }
  return versions;
}

/** HEAD's commit, suffixed "-dirty" when tracked files differ from it; null outside a git checkout. */
export function gitCommit(root = REPO_ROOT): string | null {
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
