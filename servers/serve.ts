// `npm run serve -- --server grpc|rest [--host 127.0.0.1] [--port N]`: one server arm in the foreground.
// stdout gets exactly one line, `listening <arm> <host>:<port>`, once the server accepts calls; SIGINT/SIGTERM
// close it and exit 0. A mistake the user can fix is one line on stderr and exit 2.
import { logVerbosity, setLogVerbosity } from "@grpc/grpc-js";
import { parseArgs } from "node:util";
import { SERVER_ARMS } from "./registry.js";
import { ListenError, type RunningServer, type ServerOptions } from "./server-arm.js";

const USAGE = `usage: npm run serve -- --server ${Object.keys(SERVER_ARMS).join("|")} [--host 127.0.0.1] [--port N]
         [--seed N] [--max-request-bytes N] [--max-delay-ms N] [--compression]`;

class UsageError extends Error {}

function integer(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} must be an integer in ${min}..${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

function parse(argv: string[]): { arm: string; options: ServerOptions } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: "string" },
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "0" },
        seed: { type: "string" },
        "max-request-bytes": { type: "string" },
        "max-delay-ms": { type: "string" },
        compression: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.split("\n")[0] ?? "bad arguments");
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const arm = values.server;
  if (arm === undefined) throw new UsageError(`--server is required (${Object.keys(SERVER_ARMS).join(", ")})`);
  if (!Object.hasOwn(SERVER_ARMS, arm)) throw new UsageError(`unknown server ${JSON.stringify(arm)} (known: ${Object.keys(SERVER_ARMS).join(", ")})`);
  if (values.host.trim() === "") throw new UsageError("--host must not be empty");
  return {
    arm,
    options: {
      host: values.host,
      port: integer("port", values.port, 0, 65535)!,
      seed: integer("seed", values.seed, 0, Number.MAX_SAFE_INTEGER),
      maxRequestBytes: integer("max-request-bytes", values["max-request-bytes"], 1, 2 ** 31 - 1),
      maxDelayMs: integer("max-delay-ms", values["max-delay-ms"], 0, 600_000),
      compression: values.compression ?? false,
    },
  };
}

function fail(message: string): never {
  process.stderr.write(`serve: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) fail(`${err.message} (--help for usage)`);
    throw err;
  }
  // This CLI reports its own failures in one line; grpc-js would add its own log line for a failed bind.
  if (process.env["GRPC_VERBOSITY"] === undefined) setLogVerbosity(logVerbosity.NONE);
  const arm = SERVER_ARMS[parsed.arm]!;
  let server: RunningServer;
  try {
    server = await arm.start(parsed.options);
  } catch (err) {
    if (err instanceof ListenError) fail(err.message);
    throw err;
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(0); // a second Ctrl-C: leave now
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  for (const caveat of server.caveats) process.stderr.write(`serve: note: ${caveat}\n`);
  const host = server.host.includes(":") ? `[${server.host}]` : server.host;
  process.stdout.write(`listening ${arm.name} ${host}:${server.port}\n`);
}

await main();
