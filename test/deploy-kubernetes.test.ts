// deploy/kubernetes/ without a cluster: no cluster or Docker engine runs here, so the manifests are read and checked
// (valid YAML; every object named; the Indexed Job's shard wiring; every flag they pass to `npm run bench|serve|merge`
// in that CLI's usage, the bench command line accepted whole by its option parser; every --target a Service of the
// arm it names, on the port that arm serves; the collector's wiring; Guaranteed QoS and anti-affinity), the Dockerfile
// and .dockerignore are read, and the shard and collector scripts run against a stand-in for the collector's receiver
// on loopback (an HTTP server with the PUT/GET semantics its nginx configuration gives; nginx itself is not run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { resolveRunOptions, usage as benchUsage } from "../bench/run-options.js";
import { defaultArmIds, findArm } from "../servers/registry.js";
import { onPath, requireTool } from "./fixtures/requires-tool.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEPLOY = join(ROOT, "deploy", "kubernetes");
const SCRIPTS = join(DEPLOY, "scripts");
const NAMESPACE = "grpc-rest-bench";
const CLI_TIMEOUT_MS = 30_000;

// ---- the manifests, loosely typed: the assertions below are the schema ----

interface Labels {
  [key: string]: string;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Resources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  ports?: { name?: string; containerPort: number }[];
  resources?: Resources;
}
interface AffinityTerm {
  labelSelector?: { matchLabels?: Labels };
  topologyKey: string;
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  enableServiceLinks?: boolean;
  affinity?: {
    podAntiAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[];
      preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; podAffinityTerm: AffinityTerm }[];
    };
  };
}
interface PodTemplate {
  metadata?: { labels?: Labels };
  spec: PodSpec;
}
interface Manifest {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; labels?: Labels };
  spec?: {
    // Deployment, Job
    selector?: { matchLabels?: Labels } | Labels;
    template?: PodTemplate;
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    // Service
    ports?: { name?: string; port: number; targetPort?: string | number }[];
    // Pod
    containers?: Container[];
  } & Partial<PodSpec>;
}
interface Loaded {
  file: string;
  manifest: Manifest;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Every document of every YAML file under deploy/kubernetes/, parsed; a YAML error fails here. */
function loadAll(): Loaded[] {
  const loaded: Loaded[] = [];
  for (const file of yamlFiles(DEPLOY)) {
    for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
      assert.deepEqual(doc.errors.map((e) => e.message), [], `${relative(ROOT, file)}: YAML errors`);
      const manifest = doc.toJS() as Manifest | null;
      if (manifest !== null) loaded.push({ file: relative(ROOT, file), manifest });
    }
  }
  return loaded;
}

const ALL = loadAll();
const isKustomization = (m: Manifest): boolean => m.kind === "Kustomization";
/** The base's objects (overlays only patch them). */
const OBJECTS = ALL.filter((l) => !isKustomization(l.manifest) && !l.file.includes("/overlays/")).map((l) => l.manifest);

function only(kind: string, name: string): Manifest {
  const found = OBJECTS.filter((m) => m.kind === kind && m.metadata?.name === name);
  assert.equal(found.length, 1, `exactly one ${kind} ${name}`);
  return found[0]!;
}
const ofKind = (kind: string): Manifest[] => OBJECTS.filter((m) => m.kind === kind);
const matches = (selector: Labels, labels: Labels | undefined): boolean =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);
function envOf(container: Container, name: string): string | undefined {
  return container.env?.find((e) => e.name === name)?.value;
}

const JOB = only("Job", "load");
const JOB_POD = JOB.spec!.template!;
const BENCH = JOB_POD.spec.containers[0]!;
const COLLECTOR = only("Pod", "collector");
const MERGE = COLLECTOR.spec!.containers!.find((c) => c.name === "merge")!;
const SERVER_DEPLOYMENTS = ofKind("Deployment").filter((d) => d.metadata?.labels?.["app.kubernetes.io/component"] === "server");
const PACKAGE_SCRIPTS = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

// ---- commands: the shell text a container runs, and the `npm run NAME -- …` lines in it ----

/** What the container runs as one shell text: the `bash -c` script, or the exec-form words joined. */
function shellText(container: Container): string {
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  const c = words.indexOf("-c");
  if (/^(ba)?sh$/.test(basename(words[0] ?? "")) && c >= 0) return words[c + 1] ?? "";
  return words.join(" ");
}

interface NpmRun {
  where: string;
  script: string;
  /** the words after `npm run NAME`, quotes removed */
  words: string[];
}

/** Words of one shell line, quotes removed: enough for the command lines these files hold. */
function shellWords(line: string): string[] {
  return (line.match(/"[^"]*"|'[^']*'|[^\s]+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ""));
}

/** Every `npm run NAME …` in a shell text (line continuations joined). */
function npmRuns(where: string, text: string): NpmRun[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .flatMap((line) => {
      const m = /\bnpm run ([\w:-]+)(.*)$/.exec(line);
      return m ? [{ where, script: m[1]!, words: shellWords(m[2]!) }] : [];
    });
}

/** `--flag` words (`--flag=value` → `--flag`), the `--` separator left out. */
const flagsOf = (words: readonly string[]): string[] => words.filter((w) => /^--[a-z]/.test(w)).map((w) => w.split("=")[0]!);

const CONTAINERS: { where: string; container: Container }[] = OBJECTS.flatMap((m) => {
  const spec = m.spec?.template?.spec ?? (m.kind === "Pod" ? (m.spec as PodSpec) : undefined);
  return (spec?.containers ?? []).map((container) => ({ where: `${m.kind} ${String(m.metadata?.name)} container ${container.name}`, container }));
});
const SCRIPT_FILES = readdirSync(SCRIPTS).filter((f) => f.endsWith(".sh"));
const ALL_RUNS: NpmRun[] = [
  ...CONTAINERS.flatMap(({ where, container }) => npmRuns(where, shellText(container))),
  ...SCRIPT_FILES.flatMap((f) => npmRuns(`scripts/${f}`, readFileSync(join(SCRIPTS, f), "utf8"))),
];

/** What run-shard.sh appends to the command it wraps: the words after `"$@"` on the line that runs it. */
function shardScriptAppends(): string[] {
  const line = readFileSync(join(SCRIPTS, "run-shard.sh"), "utf8")
    .split("\n")
    .find((l) => l.trimStart().startsWith('"$@" '));
  assert.ok(line, 'run-shard.sh runs its command as "$@" … ');
  return shellWords(line.trim().replace(/&$/, "")).slice(1);
}

/** The Job's bench command line, with the pod's variables filled in as index 0 would see them. */
function jobBenchWords(index: number): string[] {
  const run = npmRuns("Job load", shellText(BENCH));
  assert.equal(run.length, 1, "the Job runs one npm command");
  assert.equal(run[0]!.script, "bench");
  const env: Record<string, string> = { JOB_COMPLETION_INDEX: String(index), SHARDS: envOf(BENCH, "SHARDS") ?? "" };
  return run[0]!.words.filter((w) => w !== "--").map((w) => w.replace(/\$\{?(\w+)\}?/g, (_, name: string) => env[name] ?? `$${name}`));
}

/** `--help` of the CLI a package script runs (`node --import tsx FILE`), as the user would see it. */
function helpOf(script: string): string {
  const line = PACKAGE_SCRIPTS[script];
  assert.ok(line, `package.json has a "${script}" script`);
  const words = line.split(/\s+/);
  assert.equal(words[0], "node", `the "${script}" script runs node`);
  const result = spawnSync(process.execPath, [...words.slice(1), "--help"], { cwd: ROOT, encoding: "utf8", timeout: CLI_TIMEOUT_MS });
  assert.equal(result.status, 0, `npm run ${script} -- --help exits 0 (stderr: ${result.stderr.trim().split("\n")[0] ?? ""})`);
  return result.stdout + result.stderr;
}

const mentions = (usage: string, flag: string): boolean => new RegExp(`(^|[^\\w-])${flag}(?![\\w-])`, "m").test(usage);

// ---- the tests ----

test("every manifest parses and names itself; the kustomization lists every one", () => {
  assert.ok(OBJECTS.length >= 10, `found ${OBJECTS.length} objects`);
  for (const { file, manifest } of ALL) {
    assert.equal(typeof manifest.apiVersion, "string", `${file}: apiVersion`);
    assert.equal(typeof manifest.kind, "string", `${file}: kind`);
    if (isKustomization(manifest)) continue;
    assert.equal(typeof manifest.metadata?.name, "string", `${file} ${String(manifest.kind)}: metadata.name`);
    if (manifest.kind !== "Namespace") assert.equal(manifest.metadata?.namespace, NAMESPACE, `${file} ${String(manifest.metadata?.name)}: namespace`);
  }
  const kustomization = ALL.find((l) => l.file === "deploy/kubernetes/base/kustomization.yaml")!.manifest as Manifest & {
    resources: string[];
    namespace: string;
    images: { name: string }[];
  };
  assert.equal(kustomization.namespace, NAMESPACE);
  const listed = kustomization.resources.map((r) => join("deploy/kubernetes/base", r)).sort();
  const files = [...new Set(ALL.filter((l) => !isKustomization(l.manifest) && !l.file.includes("/overlays/")).map((l) => l.file))].sort();
  assert.deepEqual(listed, files, "kustomization.yaml resources = the manifest files");
  // Every container of ours runs the image the kustomization's `images` entry renames.
  const ours = CONTAINERS.filter(({ container }) => !container.image.includes("nginx"));
  assert.ok(ours.length >= 10);
  for (const { where, container } of ours) assert.ok(kustomization.images.some((i) => i.name === container.image), `${where}: image ${container.image} is in kustomization images`);
});

test("the load Job is Indexed: completions = parallelism = SHARDS = the N of --shard $JOB_COMPLETION_INDEX/N = the collector's SHARDS", () => {
  const spec = JOB.spec!;
  assert.equal(spec.completionMode, "Indexed");
  const n = spec.completions!;
  assert.ok(Number.isInteger(n) && n >= 1);
  assert.equal(spec.parallelism, n, "parallelism = completions: the shards run at once");
  assert.equal(envOf(BENCH, "SHARDS"), String(n));
  assert.equal(envOf(MERGE, "SHARDS"), String(n), "the collector waits for as many reports as there are shards");
  const raw = npmRuns("Job", shellText(BENCH))[0]!.words;
  const shard = raw[raw.indexOf("--shard") + 1];
  assert.match(shard ?? "", /^\$\{?JOB_COMPLETION_INDEX\}?\/\$\{?SHARDS\}?$/, "--shard takes the index the Job gives each pod");
  for (const index of [0, n - 1]) {
    const words = jobBenchWords(index);
    assert.equal(words[words.indexOf("--shard") + 1], `${index}/${n}`);
  }
  assert.match(shellText(BENCH), /run-shard\.sh npm run bench /, "the bench runs through run-shard.sh (start time, upload)");
});

test("every flag passed to npm run bench / serve / merge is in that CLI's usage; every npm script exists", () => {
  const usages: Record<string, string> = { bench: benchUsage(), serve: helpOf("serve"), merge: helpOf("merge") };
  const seen = new Set<string>();
  for (const run of ALL_RUNS) {
    assert.ok(PACKAGE_SCRIPTS[run.script], `${run.where}: npm run ${run.script} is a package.json script`);
    const usage = usages[run.script];
    assert.ok(usage !== undefined, `${run.where}: npm run ${run.script} (expected bench, serve or merge)`);
    for (const flag of flagsOf(run.words)) assert.ok(mentions(usage, flag), `${run.where}: npm run ${run.script} -- ${flag} is not in its usage`);
    seen.add(run.script);
  }
  for (const flag of flagsOf(shardScriptAppends())) assert.ok(mentions(usages["bench"]!, flag), `run-shard.sh appends ${flag}, not in the bench usage`);
  assert.deepEqual([...seen].sort(), ["bench", "merge", "serve"]);
});

test("the bench command line, with what run-shard.sh appends, is accepted whole by the bench's option parser", () => {
  const n = JOB.spec!.completions!;
  for (const index of [0, n - 1]) {
    const appended = shardScriptAppends().map((w) => (w === "$start_at" ? "2030-01-01T00:00:00Z" : w === "$out" ? "/tmp/shard-report" : w));
    const options = resolveRunOptions([...jobBenchWords(index), ...appended], {});
    assert.deepEqual(options.families, ["load"]);
    assert.deepEqual([...options.arms].sort(), [...defaultArmIds()].sort(), "every default arm is measured");
    assert.deepEqual(Object.keys(options.targets).sort(), [...defaultArmIds()].sort(), "every arm measured through its Service");
  }
});

test("every --target is the Service of the arm it names, on the port that arm's server listens on", () => {
  const targets = jobBenchWords(0).flatMap((w, i, all) => (all[i - 1] === "--target" ? [w] : []));
  assert.equal(targets.length, defaultArmIds().length);
  const served = new Set<string>();
  for (const target of targets) {
    const [armId, url] = [target.slice(0, target.indexOf("=")), new URL(target.slice(target.indexOf("=") + 1))];
    const arm = findArm(armId);
    assert.ok(arm, `--target ${target}: a known arm`);
    assert.equal(url.protocol, arm.api === "grpc" ? "grpc:" : "http:", `--target ${target}: the scheme of a ${arm.api} arm`);
    const service = only("Service", url.hostname);
    const port = service.spec!.ports!.find((p) => p.port === Number(url.port));
    assert.ok(port, `--target ${target}: Service ${url.hostname} has port ${url.port}`);
    const selector = service.spec!.selector as Labels;
    const backends = SERVER_DEPLOYMENTS.filter((d) => matches(selector, d.spec!.template!.metadata?.labels));
    assert.equal(backends.length, 1, `Service ${url.hostname} selects one Deployment`);
    const container = backends[0]!.spec!.template!.spec.containers[0]!;
    const words = npmRuns("server", shellText(container))[0]!.words;
    assert.equal(words[words.indexOf("--server") + 1], armId, `--target ${target}: the Service's pods serve arm ${armId}`);
    const containerPort = container.ports!.find((p) => p.name === port.targetPort || p.containerPort === port.targetPort)?.containerPort;
    assert.equal(containerPort, Number(url.port), `Service ${url.hostname}: targetPort ${String(port.targetPort)} is the container's port`);
    assert.equal(words[words.indexOf("--port") + 1], String(containerPort), `arm ${armId}: serve --port = containerPort`);
    assert.equal(words[words.indexOf("--host") + 1], "0.0.0.0", `arm ${armId}: serves beyond loopback`);
    served.add(armId);
  }
  assert.equal(SERVER_DEPLOYMENTS.length, served.size, "one server Deployment per targeted arm, no other");
});

test("the shards and the collector meet: COLLECTOR_URL is the collector's Service, its scripts exist, the image has them", () => {
  const url = new URL(envOf(BENCH, "COLLECTOR_URL")!);
  const service = only("Service", url.hostname);
  assert.ok(service.spec!.ports!.some((p) => p.port === Number(url.port)));
  assert.ok(matches(service.spec!.selector as Labels, COLLECTOR.metadata?.labels), "the collector Service selects the collector pod");
  const receiver = COLLECTOR.spec!.containers!.find((c) => c.name === "receiver")!;
  assert.ok(receiver.ports!.some((p) => p.containerPort === Number(url.port)));
  const nginx = (only("ConfigMap", "collector-nginx") as Manifest & { data: Record<string, string> }).data;
  assert.match(Object.values(nginx).join("\n"), new RegExp(`listen ${url.port};[\\s\\S]*dav_methods PUT;`), "the receiver listens there and stores PUTs");
  // Scripts are run from the image: /app/deploy/kubernetes/scripts/X.sh is deploy/kubernetes/scripts/X.sh of the repo.
  for (const { where, container } of CONTAINERS) {
    for (const path of shellText(container).match(/\/app\/[\w/.-]+\.sh/g) ?? []) {
      assert.ok(existsSync(join(ROOT, path.slice("/app/".length))), `${where}: ${path} exists in the repository`);
    }
  }
  for (const file of SCRIPT_FILES) {
    const check = spawnSync("bash", ["-n", join(SCRIPTS, file)], { encoding: "utf8" });
    assert.equal(check.status, 0, `bash -n scripts/${file}: ${check.stderr}`);
  }
  const inline = spawnSync("bash", ["-n", "-c", shellText(BENCH)], { encoding: "utf8" });
  assert.equal(inline.status, 0, `the Job's script: ${inline.stderr}`);
});

test("servers and shards: Guaranteed QoS with whole CPUs; never on one node; non-root", () => {
  const serverLabels = { "app.kubernetes.io/name": "grpc-rest-bench", "app.kubernetes.io/component": "server" };
  const loadLabels = { "app.kubernetes.io/name": "grpc-rest-bench", "app.kubernetes.io/component": "load" };
  assert.ok(matches(loadLabels, JOB_POD.metadata?.labels));
  const pods: { name: string; template: PodTemplate; avoid: Labels }[] = [
    ...SERVER_DEPLOYMENTS.map((d) => ({ name: `Deployment ${String(d.metadata?.name)}`, template: d.spec!.template!, avoid: loadLabels })),
    { name: "Job load", template: JOB_POD, avoid: serverLabels },
  ];
  assert.equal(pods.length, defaultArmIds().length + 1);
  for (const { name, template, avoid } of pods) {
    for (const container of template.spec.containers) {
      const { requests, limits } = container.resources ?? {};
      assert.ok(requests && limits, `${name}: requests and limits`);
      assert.deepEqual(requests, limits, `${name}: requests = limits (Guaranteed QoS)`);
      assert.match(requests["cpu"] ?? "", /^[1-9]\d*$/, `${name}: whole CPUs (the static CPU manager pins only those)`);
      assert.ok(requests["memory"], `${name}: memory`);
    }
    const required = template.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    assert.ok(
      required.some((t) => t.topologyKey === "kubernetes.io/hostname" && matches(t.labelSelector?.matchLabels ?? {}, avoid) && Object.keys(t.labelSelector?.matchLabels ?? {}).length > 0),
      `${name}: required anti-affinity to ${JSON.stringify(avoid)} per node`,
    );
    assert.equal(template.spec.securityContext?.runAsNonRoot, true, `${name}: runAsNonRoot`);
    assert.equal(template.spec.enableServiceLinks, false, `${name}: no GRPC_PORT=tcp://… variables from the Services' names`);
  }
  // And the selectors really pick the other side's pods.
  for (const d of SERVER_DEPLOYMENTS) assert.ok(matches(serverLabels, d.spec!.template!.metadata?.labels), `Deployment ${String(d.metadata?.name)} labels`);
});

test("the token comes from an optional Secret, as GRB_TOKEN, to servers and shards alike", () => {
  for (const { where, container } of CONTAINERS.filter(({ where }) => /Deployment|Job/.test(where))) {
    const ref = container.env?.find((e) => e.name === "GRB_TOKEN")?.valueFrom?.secretKeyRef;
    assert.deepEqual(ref, { name: "grb-token", key: "token", optional: true }, `${where}: GRB_TOKEN from Secret grb-token`);
  }
});

test("Dockerfile: a Node 22/24 image, npm ci, non-root, its CMD a package script; .dockerignore keeps what it needs", () => {
  const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
  const nodeVersion = /^ARG NODE_VERSION=(\d+)$/m.exec(dockerfile)?.[1];
  assert.ok(nodeVersion === "22" || nodeVersion === "24", `NODE_VERSION ${nodeVersion}`);
  assert.match(dockerfile, /^FROM node:\$\{NODE_VERSION\}-[\w-]*slim$/m);
  assert.match(dockerfile, /^COPY package\.json package-lock\.json \.\/$/m);
  assert.match(dockerfile, /^RUN npm ci\b/m);
  assert.match(dockerfile, /^USER node$/m);
  assert.match(dockerfile, /curl/, "the scripts' HTTP client is installed");
  for (const line of dockerfile.split("\n").filter((l) => /^(CMD|ENTRYPOINT) /.test(l))) {
    const words = JSON.parse(line.slice(line.indexOf(" ") + 1)) as string[];
    if (words[0] === "npm") {
      assert.equal(words[1], "run");
      assert.ok(PACKAGE_SCRIPTS[words[2]!], `${line}: script ${words[2]} exists`);
    }
  }
  assert.ok(/^CMD \[/m.test(dockerfile));
  const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  for (const needed of ["bench", "servers", "reports", "payloads", "proto", "deploy", "package.json", "package-lock.json", "tsconfig.json"]) {
    assert.ok(!ignored.some((p) => p === needed || p === `${needed}/` || p === `/${needed}` || needed.startsWith(`${p.replace(/\/$/, "")}/`)), `.dockerignore keeps ${needed}`);
  }
  for (const dropped of [".git", "node_modules"]) assert.ok(ignored.includes(dropped), `.dockerignore drops ${dropped}`);
});

test("kubectl kustomize renders the base and the single-node overlay (skipped without kubectl)", (t) => {
  if (!onPath("kubectl")) {
    t.skip("kubectl not installed: kustomize rendering not checked");
    return;
  }
  const render = (dir: string): Manifest[] => {
    const result = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", timeout: CLI_TIMEOUT_MS, env: { ...process.env, KUBECONFIG: "/dev/null" } });
    assert.equal(result.status, 0, `kubectl kustomize ${relative(ROOT, dir)}: ${result.stderr}`);
    return parseAllDocuments(result.stdout).map((d) => d.toJS() as Manifest);
  };
  const base = render(join(DEPLOY, "base"));
  assert.equal(base.length, OBJECTS.length);
  const image = base.find((m) => m.kind === "Job")!.spec!.template!.spec.containers[0]!.image;
  assert.match(image, /^grpc-rest-bench:/, "the images entry applies");
  const single = render(join(DEPLOY, "overlays", "single-node"));
  assert.equal(single.length, OBJECTS.length);
  for (const m of single.filter((m) => m.kind === "Deployment" || m.kind === "Job")) assert.equal(m.spec!.template!.spec.affinity, undefined, `${String(m.metadata?.name)}: no anti-affinity on one node`);
  assert.equal(single.find((m) => m.kind === "Pod")!.spec!.affinity, undefined);
});

// ---- the scripts, run: shards and collector against a stand-in receiver ----

/**
 * The receiver's contract (collector.yaml's nginx: dav_methods PUT, create_full_put_path, uploads renamed into
 * place): PUT /reports/NAME stores the body as DIR/NAME whole, GET /reports/NAME returns it or 404.
 */
async function standInReceiver(dir: string): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? "").replace(/^\/reports\//, ""));
    if (!req.url?.startsWith("/reports/") || name.includes("/") || name.startsWith(".")) return void res.writeHead(404).end();
    const path = join(dir, name);
    if (req.method === "PUT") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const existed = existsSync(path);
        writeFileSync(`${path}.part`, Buffer.concat(chunks));
        renameSync(`${path}.part`, path);
        res.writeHead(existed ? 204 : 201).end();
      });
      return;
    }
    if (req.method === "GET" && existsSync(path)) return void res.writeHead(200).end(readFileSync(path));
    res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, port };
}

interface Exited {
  code: number | null;
  stderr: string;
}
async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Exited> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
  const [code] = (await once(child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, stderr };
}

/** A bin directory with a stand-in `npm` (records its arguments, writes the merged report) and a stand-in bench. */
function standIns(scratch: string): { bin: string; npmLog: string; bench: string } {
  const bin = join(scratch, "bin");
  mkdirSync(bin);
  const npmLog = join(scratch, "npm-args");
  writeFileSync(
    join(bin, "npm"),
    `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > ${JSON.stringify(npmLog)}\nout=; prev=; for a in "$@"; do [[ $prev == --out ]] && out=$a; prev=$a; done\nmkdir -p "$out" && echo '{}' > "$out/report.json"\n`,
  );
  // The bench stand-in: writes its arguments as its report, and exits with FAKE_EXIT.
  const bench = join(bin, "fake-bench");
  writeFileSync(bench, `#!/usr/bin/env bash\nout=; prev=; for a in "$@"; do [[ $prev == --out ]] && out=$a; prev=$a; done\nmkdir -p "$out"\nprintf '%s\\n' "$@" > "$out/report.json"\nexit "\${FAKE_EXIT:-0}"\n`);
  chmodSync(join(bin, "npm"), 0o755);
  chmodSync(bench, 0o755);
  return { bin, npmLog, bench };
}

test("run-shard.sh and collect.sh: check-in barrier, one start time for all, reports uploaded (a failed run's too), then merged", async (t) => {
  if (requireTool(t, { tool: "curl", packages: "curl", probe: () => onPath("curl") })) return;
  const scratch = mkdtempSync(join(tmpdir(), "deploy-k8s-"));
  const reports = join(scratch, "reports");
  mkdirSync(reports);
  const receiver = await standInReceiver(reports);
  try {
    const { bin, npmLog, bench } = standIns(scratch);
    const path = `${bin}:${process.env["PATH"] ?? ""}`;
    const collector = run("bash", [join(SCRIPTS, "collect.sh")], { PATH: path, SHARDS: "2", REPORTS_DIR: reports, START_MARGIN_S: "1" });
    // Each shard "measures" the receiver's own port as its target: it accepts connections, like a ready server.
    const shard = (index: number, exit: number): Promise<Exited> =>
      run("bash", [join(SCRIPTS, "run-shard.sh"), bench, "--shard", `${index}/2`, "--target", `grpc=grpc://127.0.0.1:${receiver.port}`], {
        PATH: path,
        JOB_COMPLETION_INDEX: String(index),
        COLLECTOR_URL: receiver.url,
        OUT_DIR: join(scratch, `out-${index}`),
        WAIT_TIMEOUT_S: "30",
        FAKE_EXIT: String(exit),
      });
    const [c, s0, s1] = await Promise.all([collector, shard(0, 0), shard(1, 3)]);
    assert.equal(s0.code, 0, s0.stderr);
    assert.equal(s1.code, 3, `a failed run's exit code is the shard's: ${s1.stderr}`);
    assert.match(s1.stderr, /uploaded its report as shard-1\.json/);
    assert.equal(c.code, 0, c.stderr);
    const startAt = readFileSync(join(reports, "start-at"), "utf8").trim();
    assert.match(startAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    for (const index of [0, 1]) {
      const args = readFileSync(join(reports, `shard-${index}.json`), "utf8").trim().split("\n");
      assert.deepEqual(args.slice(0, 4), ["--shard", `${index}/2`, "--target", `grpc=grpc://127.0.0.1:${receiver.port}`]);
      assert.deepEqual(args.slice(4), ["--start-at", startAt, "--out", join(scratch, `out-${index}`)], "both shards got the same start time");
      assert.ok(existsSync(join(reports, `ready-${index}`)));
    }
    assert.deepEqual(readFileSync(npmLog, "utf8").trim().split("\n"), ["run", "merge", "--", join(reports, "shard-0.json"), join(reports, "shard-1.json"), "--out", join(reports, "merged")]);
    assert.ok(existsSync(join(reports, "merged", "report.json")));
  } finally {
    receiver.server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("collect.sh past its deadlines merges the reports it has, as a merge with missing shards", async () => {
  const scratch = mkdtempSync(join(tmpdir(), "deploy-k8s-"));
  try {
    const reports = join(scratch, "reports");
    mkdirSync(reports);
    writeFileSync(join(reports, "ready-0"), "pod-0");
    writeFileSync(join(reports, "shard-0.json"), "{}");
    const { bin, npmLog } = standIns(scratch);
    const c = await run("bash", [join(SCRIPTS, "collect.sh")], {
      PATH: `${bin}:${process.env["PATH"] ?? ""}`,
      SHARDS: "3",
      REPORTS_DIR: reports,
      READY_TIMEOUT_S: "0",
      REPORTS_TIMEOUT_S: "0",
    });
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stderr, /going on with 1 of 3/);
    assert.deepEqual(readFileSync(npmLog, "utf8").trim().split("\n"), ["run", "merge", "--", join(reports, "shard-0.json"), "--allow-missing", "--out", join(reports, "merged")]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("run-shard.sh outside an Indexed Job, or with nothing to run, says so in one line", async () => {
  const noIndex = await run("bash", [join(SCRIPTS, "run-shard.sh"), "true"], { JOB_COMPLETION_INDEX: "", COLLECTOR_URL: "http://127.0.0.1:9" });
  assert.notEqual(noIndex.code, 0);
  assert.match(noIndex.stderr.trim(), /JOB_COMPLETION_INDEX is not set/);
  const noCommand = await run("bash", [join(SCRIPTS, "run-shard.sh")], { JOB_COMPLETION_INDEX: "0", COLLECTOR_URL: "http://127.0.0.1:9" });
  assert.equal(noCommand.code, 2);
  assert.equal(noCommand.stderr.trim().split("\n").length, 1);
});
