// An independent protobuf implementation for the size proofs: Python's protobuf runtime (the system
// /usr/bin/python3 with python3-grpc-tools) parses our canonical JSON with json_format.Parse and serializes it.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PYTHON = "/usr/bin/python3";
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "protobuf-sizes.py");

export interface PythonSizes {
  python: string;
  protobuf: string;
  implementation: string;
  sizes: number[];
  /** Per item: do our protobuf bytes parse (in Python) to the message the JSON describes? null when no bytes were sent. */
  sameMessage: (boolean | null)[];
}

/** Why the live check cannot run here, or null when it can. */
export function pythonProtobufUnavailable(): string | null {
  const probe = spawnSync(PYTHON, ["-c", "import google.protobuf, grpc_tools"], { encoding: "utf8" });
  if (probe.error) return `${PYTHON} not found (${probe.error.message})`;
  if (probe.status !== 0) return `${PYTHON} lacks google.protobuf or grpc_tools (apt-get install python3-grpc-tools)`;
  return null;
}

export interface PythonItem {
  message: string;
  /** Canonical JSON text. */
  json: string;
  /** Our protobuf bytes, base64, to check they decode to the same message. */
  protobuf?: string;
}

/** Serialized length of each item per Python's protobuf, in order. */
export function pythonProtobufSizes(items: readonly PythonItem[]): Promise<PythonSizes> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${SCRIPT} exited with ${code}: ${stderr.trim()}`));
      try {
        resolve(JSON.parse(stdout) as PythonSizes);
      } catch (err) {
        reject(new Error(`${SCRIPT} printed no JSON: ${String(err)}; stderr: ${stderr.trim()}`));
      }
    });
    child.stdin.end(JSON.stringify({ items }));
  });
}
