// `npm run serve -- --server ID [--arm-module FILE]… [--host 127.0.0.1] [--port N] [--tls …]`: one server arm in the
// foreground. stdout gets exactly one line, `listening <id> <host>:<port>`, once the server accepts calls;
// SIGINT/SIGTERM close it and exit 0. A mistake the user can fix is one line on stderr and exit 2. Under --tls a
// self-signed certificate's path goes to stderr (`serve: certificate: PATH`) before the listening line.
import { logVerbosity, setLogVerbosity } from "@grpc/grpc-js";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { parseUpstream } from "./gateway/upstream-address.js";
import { givenToken, TOKEN_ENV } from "./handlers/bearer-token.js";
import { ListenError, type RunningServer, type ServerArm, type ServerOptions } from "./server-arm.js";
import { asListenError, startProcessGroup } from "./processes/process-group.js";
import { prepareTls, tlsRequest, TlsUsage, type TlsRequest } from "./tls/serve-tls.js";

type Registry = typeof import("./registry.js");

const USAGE = `usage: npm run serve -- --server ID [--arm-module FILE]... [--host 127.0.0.1] [--port N]
         [--seed N] [--max-request-bytes N] [--max-delay-ms N] [--compression] [--upstream grpc[s]://HOST:PORT]
         [--token TOKEN] [--tls [--tls-dir DIR] | --cert FILE --key FILE] [--server-cpus N]

  --arm-module FILE  load a plugin arm first (a module exporting \`arm\`); repeatable
  --upstream URL     gateway only: the gRPC server to forward to (default: the gateway starts its own grpc arm);
                     grpcs://HOST:PORT for TLS, trusting the system roots or GRB_UPSTREAM_CA=FILE
  --token TOKEN      every call must carry "authorization: Bearer TOKEN" (gRPC metadata / HTTP header), else
                     UNAUTHENTICATED / 401. ${TOKEN_ENV}=TOKEN does the same and keeps the token out of \`ps\`;
                     --token wins when both are set
  --tls              serve TLS (HTTPS; HTTP/2 arms negotiate "h2" by ALPN) with a self-signed ECDSA P-256
                     certificate made at start for the host served (loopback: 127.0.0.1, ::1, localhost; 0.0.0.0 or
                     ::: every local address, this host's name and localhost); its certificate (never the key) is
                     written to DIR/cert.pem for clients to trust, and the path printed on stderr
  --tls-dir DIR      where cert.pem goes (implies --tls; default: a temporary directory removed on exit)
  --cert FILE        serve this PEM certificate (chain) instead, with --key FILE its private key (implies --tls)
  --server-cpus N    serve with N processes on the one port (node:cluster, round-robin: this process accepts each
                     connection and hands it to the next; 1 to ${availableParallelism()}, this machine's CPUs; default 1). The
                     monitor reports the sum over all of them, this one included. Pin with taskset -c LIST npm run serve …

  Every arm also serves its own process metrics (CPU time, RSS, calls served) on its port, behind the token if any:
  gRPC arms the /grb.monitor.v1.Monitor/Watch stream, HTTP arms GET /v1/monitor (?intervalMs=N: an NDJSON stream)`;

/** The arm --upstream applies to: the only one that fronts another server. */
const UPSTREAM_ARM = "gateway";

class UsageError extends Error {}

function integer(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} must be an integer in ${min}..${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

interface Parsed {
  help: boolean;
  armModules: string[];
  armId: string | undefined;
  options: ServerOptions;
  tls: TlsRequest;
  /** --server-cpus N */
  processes: number;
}

/** --token, else GRB_TOKEN (which keeps it out of `ps`: argv is visible to every user), else none. */
function token(flag: string | undefined, env: NodeJS.ProcessEnv): string | null {
  const given = givenToken(flag, env);
  if ("problem" in given) throw new UsageError(given.problem);
  return given.token;
}

function parse(argv: string[]): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: "string" },
        "arm-module": { type: "string", multiple: true },
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "0" },
        seed: { type: "string" },
        "max-request-bytes": { type: "string" },
        "max-delay-ms": { type: "string" },
        compression: { type: "boolean" },
        upstream: { type: "string" },
        token: { type: "string" },
        tls: { type: "boolean" },
        "tls-dir": { type: "string" },
        cert: { type: "string" },
        key: { type: "string" },
        "server-cpus": { type: "string" },
        processes: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.split("\n")[0] ?? "bad arguments");
  }
  if (values.host.trim() === "") throw new UsageError("--host must not be empty");
  if (values.upstream !== undefined) {
    if (values.server !== UPSTREAM_ARM) throw new UsageError(`--upstream is for --server ${UPSTREAM_ARM} only`);
    try {
      parseUpstream(values.upstream);
    } catch (err) {
      throw new UsageError(`--upstream ${(err as Error).message}`);
    }
  }
  const bearer = token(values.token, process.env);
  let tls: TlsRequest;
  try {
    tls = tlsRequest(values);
  } catch (err) {
    if (err instanceof TlsUsage) throw new UsageError(err.message);
    throw err;
  }
  if (values["server-cpus"] !== undefined && values.processes !== undefined) throw new UsageError("--server-cpus and --processes are the same option: give one");
  const processes = integer(values.processes !== undefined ? "processes" : "server-cpus", values["server-cpus"] ?? values.processes, 1, availableParallelism()) ?? 1;
  return {
    tls,
    processes,
    help: values.help ?? false,
    armModules: values["arm-module"] ?? [],
    armId: values.server,
    options: {
      host: values.host,
      port: integer("port", values.port, 0, 65535)!,
      seed: integer("seed", values.seed, 0, Number.MAX_SAFE_INTEGER),
      maxRequestBytes: integer("max-request-bytes", values["max-request-bytes"], 1, 2 ** 31 - 1),
      maxDelayMs: integer("max-delay-ms", values["max-delay-ms"], 0, 600_000),
      compression: values.compression ?? false,
      ...(values.upstream !== undefined ? { upstream: values.upstream } : {}),
      ...(bearer !== null ? { token: bearer } : {}),
    },
  };
}

/** One line per arm: id, label, what it is made of, and whether `npm run bench` runs it by default. */
function armTable(arms: readonly ServerArm[]): string {
  const idWidth = Math.max(...arms.map((arm) => arm.id.length));
  const labelWidth = Math.max(...arms.map((arm) => arm.label.length));
  return arms
    .map(
      (arm) =>
        `  ${arm.id.padEnd(idWidth)}  ${arm.label.padEnd(labelWidth)}  ${arm.api}, ${arm.wire}, ${arm.transport}, ${arm.framework}` +
        (arm.default ? "" : " (not in the default bench set)"),
    )
    .join("\n");
}

function fail(message: string): never {
  process.stderr.write(`serve: ${message}\n`);
  process.exit(2);
}

/** The registry, and the plugin arms the command line names; a module that cannot be loaded is a user error. */
async function loadRegistry(armModules: string[]): Promise<Registry> {
  let registry: Registry;
  try {
    // Imported here, not at the top: its top-level load of GRB_ARM_MODULES can fail, and that is one line too.
    registry = await import("./registry.js");
    await registry.loadArmModules(armModules);
  } catch (err) {
    fail((err as Error).message.split("\n")[0] ?? String(err));
  }
  return registry;
}

async function main(): Promise<void> {
  let parsed: Parsed;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) fail(`${err.message} (--help for usage)`);
    throw err;
  }
  const registry = await loadRegistry(parsed.armModules);
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n\narms:\n${armTable(registry.allArms())}\n`);
    process.exit(0);
  }
  const known = registry.armIds().join(", ");
  if (parsed.armId === undefined) fail(`--server is required (${known}) (--help for usage)`);
  const arm = registry.findArm(parsed.armId);
  if (arm === undefined) fail(`unknown server ${JSON.stringify(parsed.armId)} (known: ${known}) (--help for usage)`);

  // This CLI reports its own failures in one line; grpc-js would add its own log line for a failed bind.
  if (process.env["GRPC_VERBOSITY"] === undefined) setLogVerbosity(logVerbosity.NONE);
  if (parsed.tls.kind !== "none") {
    try {
      const prepared = await prepareTls(parsed.tls, parsed.options.host);
      parsed.options.tls = prepared.material;
      if (prepared.certPath !== null) process.stderr.write(`serve: certificate: ${prepared.certPath}\n`);
    } catch (err) {
      if (err instanceof TlsUsage) fail(err.message);
      throw err;
    }
  }
  let server: Pick<RunningServer, "host" | "port" | "caveats" | "close">;
  try {
    if (parsed.processes > 1) {
      const group = await startProcessGroup({ arm: arm.id, options: parsed.options, processes: parsed.processes });
      // A worker that dies leaves fewer processes than asked for: stop, so whatever supervises serve restarts it whole.
      group.onWorkerDeath((pid, code, signal) => {
        process.stderr.write(`serve: worker ${pid} exited (${signal ?? `exit ${code}`}); stopping\n`);
        void group.close().finally(() => process.exit(1));
      });
      server = group;
    } else {
      server = await arm.start(parsed.options);
    }
  } catch (err) {
    const listenError = err instanceof ListenError ? err : asListenError(err);
    if (listenError !== null) fail(listenError.message);
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
  process.stdout.write(`listening ${arm.id} ${host}:${server.port}\n`);
}

await main();
