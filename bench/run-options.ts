// `npm run bench` options, resolved once: parsed, validated and defaulted here, then copied into the report.
// Anything wrong is a UsageError whose message is the one line the CLI prints before exiting 2.
import { parseArgs } from "node:util";
import { FAMILIES, type FamilyName, type ProfileName } from "./model/report.js";
import { isProfileName, PROFILES } from "./profile.js";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface RunOptions {
  profile: ProfileName;
  /** families to run, in the fixed run order */
  families: FamilyName[];
  /** output directory as given (resolved by the CLI), null for reports/out/<timestamp>/ */
  out: string | null;
  targets: { grpc: string | null; rest: string | null };
  help: boolean;
}

export const USAGE = `usage: npm run bench [-- [--profile ${PROFILES.join("|")}] [--out DIR] [--only FAMILY[,FAMILY]]
                          [--target-grpc HOST:PORT] [--target-rest http://HOST:PORT] [--help]]

  --profile       quick (default): every family in about 2 minutes; full: longer, tighter intervals
  --out DIR       where report.json, report.html and summary.md go (default reports/out/<timestamp>/,
                  and reports/latest points at it)
  --only LIST     comma-separated families: ${FAMILIES.join(", ")}
  --target-grpc   measure an already running gRPC server (loopback only) instead of starting one
  --target-rest   measure an already running REST server (loopback only) instead of starting one

Results go to the output directory; progress goes to stderr; stdout gets only the paths written.`;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function port(text: string, flag: string, value: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) throw new UsageError(`${flag} ${value}: port must be 1–65535`);
  return n;
}

/** "127.0.0.1:50051" / "[::1]:50051" / "localhost:50051" → normalized host:port. */
export function parseGrpcTarget(value: string): string {
  const m = /^(\[[^\]]+\]|[^:[\]]+):(\d+)$/.exec(value);
  if (!m) throw new UsageError(`--target-grpc ${value}: expected HOST:PORT, e.g. 127.0.0.1:50051`);
  const host = m[1]!;
  if (!LOOPBACK.has(host)) throw new UsageError(`--target-grpc ${value}: only loopback targets (127.0.0.1, [::1], localhost) are allowed`);
  return `${host}:${port(m[2]!, "--target-grpc", value)}`;
}

/** "http://127.0.0.1:8080" → normalized origin. */
export function parseRestTarget(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--target-rest ${value}: expected http://HOST:PORT, e.g. http://127.0.0.1:8080`);
  }
  if (url.protocol !== "http:") throw new UsageError(`--target-rest ${value}: only http:// is supported`);
  if (!LOOPBACK.has(url.hostname)) throw new UsageError(`--target-rest ${value}: only loopback targets (127.0.0.1, [::1], localhost) are allowed`);
  if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "") throw new UsageError(`--target-rest ${value}: give only the origin, no path or query`);
  return url.origin;
}

export function parseFamilies(list: string): FamilyName[] {
  const wanted = list.split(",").map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) throw new UsageError(`--only needs at least one family: ${FAMILIES.join(", ")}`);
  const unknown = wanted.filter((f) => !(FAMILIES as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`--only: unknown famil${unknown.length > 1 ? "ies" : "y"} ${unknown.join(", ")} (known: ${FAMILIES.join(", ")})`);
  return FAMILIES.filter((f) => wanted.includes(f));
}

/** node:util parseArgs messages carry a long hint after the first sentence; the user needs the first. */
function firstSentence(message: string): string {
  return message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, "");
}

export function resolveRunOptions(argv: readonly string[]): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        profile: { type: "string" },
        out: { type: "string" },
        only: { type: "string" },
        "target-grpc": { type: "string" },
        "target-rest": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(firstSentence((error as Error).message));
  }
  const v = parsed.values;
  const profile = v.profile ?? "quick";
  if (!isProfileName(profile)) throw new UsageError(`--profile ${profile}: unknown profile (known: ${PROFILES.join(", ")})`);
  if (v.out !== undefined && v.out.trim() === "") throw new UsageError("--out needs a directory");
  return {
    profile,
    families: v.only === undefined ? [...FAMILIES] : parseFamilies(v.only),
    out: v.out ?? null,
    targets: {
      grpc: v["target-grpc"] === undefined ? null : parseGrpcTarget(v["target-grpc"]),
      rest: v["target-rest"] === undefined ? null : parseRestTarget(v["target-rest"]),
    },
    help: v.help ?? false,
  };
}
