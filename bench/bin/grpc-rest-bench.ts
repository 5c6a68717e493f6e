#!/usr/bin/env node
// The installed command (package.json "bin", compiled to dist/bench/bin/grpc-rest-bench.js): `grpc-rest-bench
// [COMMAND] [ARGS]…` does what `npm run bench|serve|compare|merge|report -- ARGS` does in a checkout, with no tsx.
// Each command's entry runs as it is imported and reads process.argv.slice(2), so argv is rewritten to what
// `npm run` would give it, then the entry is imported: the npm scripts and this command run the same code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../../servers/node-entry.js";

const NAME = "grpc-rest-bench";

interface Command {
  what: string;
  /** the entry, relative to this file (.js here; tsx maps it to the .ts file in a checkout) */
  entry: string;
}

const COMMANDS: Record<string, Command> = {
  bench: { what: "run the benchmark families; write report.json, report.html and summary.md (the default command)", entry: "../cli.js" },
  serve: { what: "one server arm in the foreground; prints `listening <id> <host>:<port>`", entry: "../../servers/serve.js" },
  compare: { what: "compare two reports: Markdown on stdout, exit 1 on a significant regression", entry: "../../reports/compare/cli.js" },
  merge: { what: "merge the shard reports of one sharded run into one report", entry: "../../reports/merge/cli.js" },
  report: { what: "re-render report.html and summary.md from a report.json", entry: "../../reports/cli-report.js" },
};
const DEFAULT_COMMAND = "bench";

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    `usage: ${NAME} [COMMAND] [ARGS]…`,
    "",
    "commands:",
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.what}`),
    "",
    `Without a COMMAND the arguments are bench's: \`${NAME} --only size\` is \`${NAME} ${DEFAULT_COMMAND} --only size\`.`,
    `\`${NAME} COMMAND --help\` prints a command's options, written as a checkout runs them: \`npm run COMMAND -- ARGS\``,
    `is \`${NAME} COMMAND ARGS\` here. Outputs go to ./reports/out/<timestamp>/ unless --out says where (reports/latest`,
    `points at the last). \`${NAME} --version\` prints the version.`,
  ].join("\n");
}

const given = process.argv.slice(2);
// `help COMMAND` is `COMMAND --help`
const argv = given[0] === "help" && given.length > 1 ? [given[1]!, "--help"] : given;
const [first, ...rest] = argv;
if (first === "--help" || first === "-h" || first === "help") {
  process.stdout.write(`${help()}\n`);
} else if (first === "--version" || first === "-v") {
  process.stdout.write(`${version()}\n`);
} else {
  // A first argument that is a flag (or none at all) belongs to the default command.
  const name = first === undefined || first.startsWith("-") ? DEFAULT_COMMAND : first;
  const args = name === first ? rest : argv;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    process.stderr.write(`${NAME}: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(", ")}; ${NAME} --help)\n`);
    process.exitCode = 2;
  } else {
    const entry = new URL(command.entry, import.meta.url);
    process.argv = [process.argv[0]!, fileURLToPath(entry), ...args];
    await import(entry.href);
  }
}
