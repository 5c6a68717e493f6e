// Whether this code runs as TypeScript under tsx (a checkout: `npm run …`, the tests) or compiled to JavaScript
// (dist/: `npm run build`, the installed grpc-rest-bench command), and what follows from that: how a child node
// process is started on one of our modules, and where the package's root is. It lives in servers/ because the
// gateway forks its upstream too, and servers/ may not import from bench/.
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(import.meta.url);

/** true when running the compiled JavaScript in dist/ (no tsx needed, none loaded into children). */
export const COMPILED = extname(HERE) === ".js";

/** The directory holding package.json: the checkout, or the installed package (dist/'s parent). */
export const PACKAGE_ROOT = COMPILED ? join(dirname(HERE), "..", "..") : join(dirname(HERE), "..");

/** How to run a node process on a module: its file and the node flags it needs. */
export interface NodeEntry {
  file: string;
  execArgv: string[];
}

/**
 * The module `name` beside `base` (a caller's import.meta.url) as a child process entry, with the caller's own
 * extension: a .ts file under tsx's loader (resolved from PACKAGE_ROOT, the child's cwd), a .js file as it is.
 */
export function childEntry(name: string, base: string): NodeEntry {
  const file = fileURLToPath(new URL(`./${name}${extname(fileURLToPath(base))}`, base));
  return { file, execArgv: /\.[cm]?ts$/.test(file) ? ["--import", "tsx"] : [] };
}
