// CLI: `npm run bench:crosscheck [-- options]` — is our load generator measuring the server, or itself?
// Runs our server-view drivers and the neutral C tools in rounds of adjacent 1 s windows against the same pinned
// server process at the same concurrency, and prints paired ours/theirs ratios (throughput, p50, server CPU per call).
// One case per server-view driver mode: gRPC (h2-frames vs h2load), REST over HTTP/1.1 (autocannon vs wrk) and REST
// over h2c (json-h2: h2-frames' REST mode vs h2load's GET). `--cpu-cv` instead measures N runs per case (interleaved
// windows) and prints server CPU µs/call with its coefficient of variation. Prints to stdout (the result); progress
// and skips go to stderr. This file parses and checks the options (crosscheck/crosscheck-options.ts) and only then
// loads the measurements (crosscheck/crosscheck-runs.ts), so a usage error never waits for servers or tool lookups.
import { setRunToken } from "./run-token.js";
import { parseCrosscheckOptions, USAGE, type CrosscheckOptions } from "./crosscheck/crosscheck-options.js";

async function main(): Promise<void> {
  let options: CrosscheckOptions | "help";
  try {
    options = parseCrosscheckOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench:crosscheck: ${(error as Error).message} (--help for usage)\n`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  setRunToken(options.token);
  // Loaded only now: servers, drivers and tools are not needed to answer a usage error.
  const { crosscheck, cpuCv, soak } = await import("./crosscheck/crosscheck-runs.js");
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  try {
    if (options.soakS !== null) await soak(options, options.soakS, controller.signal);
    else if (options.cpuCv) await cpuCv(options, controller.signal);
    else await crosscheck(options, controller.signal);
    // Interrupted: what was measured is printed above; the exit code says it was cut short, as `npm run bench` does.
    if (controller.signal.aborted) process.exitCode = 130;
  } catch (error) {
    process.stderr.write(`bench:crosscheck: ${(error as Error).message.split("\n")[0]}\n`);
    process.exit(1);
  }
}

await main();
