// The neutral C load generators the crosscheck compares our drivers with: h2load (nghttp2) for gRPC frames and
// REST GETs over HTTP/2, wrk for HTTP/1.1 keep-alive. Runs them and parses what they print into the few figures we
// compare.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AUTHORIZATION, bearerValue } from "../../servers/handlers/bearer-token.js";
import { tokenOf } from "../run-token.js";
import { createHistogram, recordUs } from "../histogram.js";

export interface NeutralRun {
  tool: "h2load" | "wrk";
  command: string;
  completed: number;
  succeeded: number;
  failed: number;
  durationS: number;
  throughputRps: number;
  /** p50 latency in ms; null when the tool output does not give it */
  p50Ms: number | null;
}

export function hasTool(name: string): boolean {
  const result = spawnSync(name, ["--version"], { encoding: "utf8" });
  return result.error === undefined;
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const withTaskset = (cpus: string | null, command: string, args: string[]): [string, string[]] =>
  cpus === null ? [command, args] : ["taskset", ["-c", cpus, command, ...args]];

/**
 * The bearer token header as both tools take it (`-H "name: value"`), or none. Neither reads headers from a file,
 * so the token is in their argv while they run (visible in `ps`); the command line a NeutralRun reports has it
 * masked.
 */
export function bearerHeaderArgs(flag: string, token: string | null): string[] {
  return token === null ? [] : [flag, `${AUTHORIZATION}: ${bearerValue(token)}`];
}

/** argv as one line for people, the token masked. */
function commandLine(command: string, argv: readonly string[], token: string | null): string {
  const line = `${command} ${argv.join(" ")}`;
  return token === null ? line : line.split(token).join("***");
}

/** "finished in 4.00s, 8498.67 req/s, 1.50MB/s" and "requests: N total, N started, N done, N succeeded, N failed…" */
export function parseH2loadOutput(text: string): Omit<NeutralRun, "tool" | "command" | "p50Ms"> {
  const finished = /finished in ([\d.]+)(m?s), ([\d.]+) req\/s/.exec(text);
  const requests = /requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout/.exec(text);
  if (finished === null || requests === null) throw new Error(`unrecognized h2load output:\n${text.slice(0, 500)}`);
  const done = Number(requests[3]);
  const succeeded = Number(requests[4]);
  const rps = Number(finished[3]);
  return { completed: done, succeeded, failed: done - succeeded, durationS: rps > 0 ? done / rps : 0, throughputRps: rps };
}

/** median of the duration column (µs) of an h2load --log-file */
export function p50FromH2loadLog(log: string): number | null {
  const histogram = createHistogram();
  for (const line of log.split("\n")) {
    const fields = line.split("\t");
    if (fields.length < 3) continue;
    const us = Number(fields[2]);
    if (Number.isFinite(us)) recordUs(histogram, us);
  }
  return histogram.totalCount === 0 ? null : histogram.getValueAtPercentile(50) / 1000;
}

const WRK_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** "Requests/sec:  1234.56", "  50%  1.23ms", "  12345 requests in 5.00s", "Non-2xx or 3xx responses: N", "Socket errors: …" */
export function parseWrkOutput(text: string): Omit<NeutralRun, "tool" | "command"> {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const total = /(\d+) requests in ([\d.]+)(\w+)/.exec(text);
  if (rps === null || total === null) throw new Error(`unrecognized wrk output:\n${text.slice(0, 500)}`);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(text);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const socketErrors = socket === null ? 0 : socket.slice(1).reduce((n, v) => n + Number(v), 0);
  const completed = Number(total[1]);
  const durationS = Number(total[2]) * ((WRK_UNITS[total[3] ?? "s"] ?? 1000) / 1000);
  return {
    completed,
    succeeded: completed - non2xx,
    failed: non2xx + socketErrors,
    durationS,
    throughputRps: Number(rps[1]),
    p50Ms: p50 === null ? null : Number(p50[1]) * (WRK_UNITS[p50[2] as string] ?? 1),
  };
}

export interface H2loadOptions {
  /** host:port (or http://host:port) */
  target: string;
  path: string;
  /** the length-prefixed gRPC request, sent as the body of every request (-d); null: a GET with no body (REST over h2c) */
  frame: Buffer | null;
  connections: number;
  streamsPerConnection: number;
  durationS: number;
  warmupS: number;
  cpus: string | null;
  /** The bearer token every request carries (`--header`): undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

export async function runH2load(options: H2loadOptions): Promise<NeutralRun> {
  const dir = mkdtempSync(join(tmpdir(), "grb-h2load-"));
  try {
    const log = join(dir, "requests.log");
    // gRPC: a POST of the frame with gRPC's headers; REST: h2load's own GET (no body, no extra header). Either way the
    // bearer token, if any, as our drivers send it (nghttp2 never indexes authorization: a literal on every request).
    const token = tokenOf(options.token);
    const request: string[] = bearerHeaderArgs("--header", token);
    if (options.frame !== null) {
      const body = join(dir, "request.bin");
      writeFileSync(body, options.frame);
      request.push(`--data=${body}`, "--header=content-type: application/grpc", "--header=te: trailers");
    }
    const args = [
      `--clients=${options.connections}`,
      `--max-concurrent-streams=${options.streamsPerConnection}`,
      "--threads=1",
      `--duration=${options.durationS}`,
      `--warm-up-time=${options.warmupS}`,
      ...request,
      `--log-file=${log}`,
      `http://${options.target.replace(/^http:\/\//, "")}${options.path}`,
    ];
    const [command, argv] = withTaskset(options.cpus, "h2load", args);
    const out = await run(command, argv);
    if (out.code !== 0) throw new Error(`h2load exited with ${out.code}: ${out.stderr.trim() || out.stdout.trim()}`);
    return { tool: "h2load", command: commandLine(command, argv, token), ...parseH2loadOutput(out.stdout), p50Ms: p50FromH2loadLog(readFileSync(log, "utf8")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface WrkOptions {
  /** full URL, http://host:port/path */
  url: string;
  connections: number;
  durationS: number;
  cpus: string | null;
  /** The bearer token every request carries (`-H`): undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

export async function runWrk(options: WrkOptions): Promise<NeutralRun> {
  // wrk rounds the duration to whole seconds and keeps connections alive (HTTP/1.1, no pipelining).
  const token = tokenOf(options.token);
  const args = ["-t1", `-c${options.connections}`, `-d${Math.max(1, Math.round(options.durationS))}s`, "--latency", ...bearerHeaderArgs("-H", token), options.url];
  const [command, argv] = withTaskset(options.cpus, "wrk", args);
  const out = await run(command, argv);
  if (out.code !== 0) throw new Error(`wrk exited with ${out.code}: ${out.stderr.trim() || out.stdout.trim()}`);
  return { tool: "wrk", command: commandLine(command, argv, token), ...parseWrkOutput(out.stdout) };
}
