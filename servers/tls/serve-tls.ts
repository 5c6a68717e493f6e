// `npm run serve`'s TLS flags: `--tls` (a self-signed certificate made at start for the host served, its certificate
// written to `--tls-dir DIR/cert.pem` for clients to trust), `--cert FILE --key FILE` (the user's own; implies TLS),
// `--tls-dir DIR` (implies --tls). A mistake is a TlsUsage (one line, exit 2); the key is never written anywhere.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ServerTlsMaterial } from "../server-arm.js";
import { certificateHosts } from "./certificate-hosts.js";
import { makeSelfSignedCertificate } from "./self-signed-certificate.js";
import { loadTlsFiles } from "./tls-files.js";

export const CERT_FILE = "cert.pem";

export type TlsRequest =
  | { kind: "none" }
  | { kind: "files"; cert: string; key: string }
  /** dir null: a fresh temporary directory, removed when the process exits */
  | { kind: "self-signed"; dir: string | null };

/** A combination of TLS flags that cannot be served. */
export class TlsUsage extends Error {}

export interface TlsFlags {
  tls?: boolean;
  cert?: string;
  key?: string;
  "tls-dir"?: string;
}

export function tlsRequest(flags: TlsFlags): TlsRequest {
  const { cert, key } = flags;
  const dir = flags["tls-dir"];
  if ((cert === undefined) !== (key === undefined)) {
    throw new TlsUsage(`${cert === undefined ? "--key" : "--cert"} needs ${cert === undefined ? "--cert" : "--key"} too (both, or neither for a self-signed certificate)`);
  }
  if (cert !== undefined && key !== undefined) {
    if (cert === "" || key === "") throw new TlsUsage("--cert and --key must name files");
    if (dir !== undefined) throw new TlsUsage("--tls-dir is where a self-signed certificate is written; with --cert the certificate is already in a file");
    return { kind: "files", cert, key };
  }
  if (dir !== undefined) {
    if (dir.trim() === "") throw new TlsUsage("--tls-dir must name a directory");
    return { kind: "self-signed", dir };
  }
  return flags.tls ? { kind: "self-signed", dir: null } : { kind: "none" };
}

export interface PreparedTls {
  material: ServerTlsMaterial;
  /** where the self-signed certificate was written (clients trust it); null for the user's own files */
  certPath: string | null;
}

/**
 * Loads the user's files, or makes a self-signed certificate for `host` and writes its certificate (only) to
 * DIR/cert.pem. A temporary directory of our own is removed when the process exits. Throws TlsUsage for what a
 * user must fix (a file that cannot be read or does not fit, a directory that cannot be written).
 */
export async function prepareTls(request: Exclude<TlsRequest, { kind: "none" }>, host: string): Promise<PreparedTls> {
  if (request.kind === "files") {
    try {
      return { material: loadTlsFiles(request.cert, request.key), certPath: null };
    } catch (err) {
      throw new TlsUsage((err as Error).message);
    }
  }
  const material = await makeSelfSignedCertificate(certificateHosts(host));
  let dir: string;
  if (request.dir === null) {
    dir = mkdtempSync(join(tmpdir(), "grb-serve-tls-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  } else {
    dir = resolve(request.dir);
  }
  const certPath = join(dir, CERT_FILE);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(certPath, material.cert, { mode: 0o644 });
  } catch (err) {
    throw new TlsUsage(`--tls-dir ${request.dir ?? dir}: cannot write ${CERT_FILE} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return { material, certPath };
}
