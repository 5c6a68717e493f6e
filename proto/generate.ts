// `npm run gen` regenerates proto/generated/ from proto/shop.proto with protobufjs-cli:
// static encoders/decoders (shop.js) and their TypeScript declarations (shop.d.ts).
// `npm run gen -- --check` writes nothing and exits 1 when the committed files drift from the proto.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const protoDir = dirname(fileURLToPath(import.meta.url));
const bin = (name: string) => join(protoDir, "..", "node_modules", ".bin", name);
const outputs = ["shop.js", "shop.d.ts"] as const;

export function generate(outDir: string): void {
  const js = join(outDir, "shop.js");
  // -p: imports resolve against proto/, as protoc's -I (google/api/ is vendored there). --sparse: only the types
  // shop.proto uses; the google.api.http options are read by reflection (servers/gateway/), and without it the
  // static code would carry google.api.* and all of descriptor.proto, which no encode or decode ever touches.
  execFileSync(bin("pbjs"), ["-t", "static-module", "-w", "es6", "--no-beautify", "--sparse", "-p", protoDir, "-o", js, join(protoDir, "shop.proto")], {
    stdio: "inherit",
  });
  // Node's ESM resolver needs the file extension, and protobufjs/minimal is CommonJS: take its default export.
  const source = readFileSync(js, "utf8").replace('import * as $protobuf from "protobufjs/minimal";', 'import $protobuf from "protobufjs/minimal.js";');
  writeFileSync(js, source);
  execFileSync(bin("pbts"), ["-o", join(outDir, "shop.d.ts"), js], { stdio: "inherit" });
}

/** Names of the committed files that differ from a fresh generation. */
export function drift(committedDir: string): string[] {
  const scratch = mkdtempSync(join(tmpdir(), "proto-gen-"));
  try {
    generate(scratch);
    return outputs.filter((name) => {
      const committed = join(committedDir, name);
      return !existsSync(committed) || readFileSync(committed, "utf8") !== readFileSync(join(scratch, name), "utf8");
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const generated = join(protoDir, "generated");
  if (process.argv.includes("--check")) {
    const stale = drift(generated);
    if (stale.length > 0) {
      console.error(`proto/generated is stale (${stale.join(", ")}): run npm run gen`);
      process.exit(1);
    }
    console.log("proto/generated matches proto/shop.proto");
  } else {
    generate(generated);
    console.log(`generated ${outputs.map((o) => `proto/generated/${o}`).join(", ")}`);
  }
}
