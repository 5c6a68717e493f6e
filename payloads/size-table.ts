// CLI: `npm run sizes [-- --seed N]` prints a Markdown table of the real JSON and protobuf size of each class.
import { parseArgs } from "node:util";
import { DEFAULT_SEED } from "./generator.js";
import { encodeSizeClass, PAYLOAD_CLASSES, SIZE_CLASSES } from "./size-classes.js";

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ","); // locale-independent thousands separators
}

function human(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

function seedFromArgs(): number {
  const { values } = parseArgs({ options: { seed: { type: "string" } } });
  if (values.seed === undefined) return DEFAULT_SEED;
  const seed = Number(values.seed);
  if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  return seed;
}

function main(seed: number): void {
  const lines = [
    `Seed ${seed}. JSON = proto3 canonical JSON (UTF-8, no whitespace); protobuf = binary encoding of the same message.`,
    "",
    "| class | call | gRPC request | REST request | JSON bytes | protobuf bytes | JSON / protobuf |",
    "|---|---|---|---|---:|---:|---:|",
  ];
  for (const cls of PAYLOAD_CLASSES) {
    const c = SIZE_CLASSES[cls];
    const { json, protobuf } = encodeSizeClass(seed, cls);
    const grpc = c.call === "GetUser" ? `GetUser{user_id: "${c.userId}"}` : `ListOrders{user_id: "${c.userId}", limit: ${c.limit}}`;
    const rest = c.call === "GetUser" ? `GET /v1/users/${c.userId}` : `GET /v1/users/${c.userId}/orders?limit=${c.limit}`;
    lines.push(
      `| ${cls} | ${c.call} → ${c.message} | \`${grpc}\` | \`${rest}\` | ${grouped(json.length)} (${human(json.length)}) | ` +
        `${grouped(protobuf.length)} (${human(protobuf.length)}) | ${(json.length / protobuf.length).toFixed(2)} |`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

let seed: number;
try {
  seed = seedFromArgs();
} catch (err) {
  process.stderr.write(`sizes: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
main(seed);
