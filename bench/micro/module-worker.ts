// Starting a worker thread on one of our modules, whether it runs as TypeScript under tsx or compiled to JavaScript.
// Workers inherit execArgv, but Node 20 does not run the parent's --import loaders in them (nodejs/node#47747), and
// Node 23+ would strip a .ts file's types natively yet not map our ".js" specifiers to ".ts" files. So a TypeScript
// worker module is loaded through tsx's tsImport (its loader, registered inside the worker), any other module
// with a plain import. The module is named relative to the caller with the caller's own extension, never a fixed ".ts".
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, workerData } from "node:worker_threads";

const BOOT = "moduleWorkerBoot";

// CommonJS, as eval workers are; a failed import is an unhandled rejection, which ends the worker with an 'error'.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const { url, tsxApi } = workerData.${BOOT};
if (tsxApi) import(tsxApi).then((api) => api.tsImport(url, url));
else import(url);
`;

/** The module `name` beside `base` (a caller's import.meta.url), with the extension `base` has (.ts under tsx, .js compiled). */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(base))}`, base);
}

function tsxApiUrl(): string | null {
  try {
    return import.meta.resolve("tsx/esm/api");
  } catch {
    return null; // no tsx: a plain import may still work (a loader of the user's own)
  }
}

/**
 * A worker running `module` with `data` (read there with moduleWorkerData()). Its stdout is kept out of the CLI's
 * stdout, which carries only the paths written; stderr is the parent's, so a warning still shows.
 */
export function startModuleWorker(module: URL, data: unknown): Worker {
  const typescript = /\.[cm]?ts$/.test(fileURLToPath(module));
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { [BOOT]: { url: module.href, tsxApi: typescript ? tsxApiUrl() : null }, data },
    stdout: true,
  });
  worker.stdout.resume();
  return worker;
}

/** Inside a worker started by startModuleWorker: the data it was given. */
export function moduleWorkerData<T>(): T {
  return (workerData as { data: T }).data;
}
