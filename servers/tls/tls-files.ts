// `serve --cert FILE --key FILE`: a certificate chain and its private key read from PEM files, checked before any
// server starts, so a wrong file is one clear line (exit 2 in the CLI) instead of an OpenSSL error at the first
// handshake: missing or unreadable, not PEM, a key that does not belong to the certificate.
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ServerTlsMaterial } from "../server-arm.js";

/** A certificate or key file the user named cannot be used; the message is one line that names the file. */
export class TlsFileError extends Error {
  override name = "TlsFileError";
}

function read(flag: string, path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : (code ?? (err as Error).message);
    throw new TlsFileError(`${flag} ${path}: cannot read it (${why})`);
  }
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0] ?? message;
}

/** One certificate of a PEM file: its block as written, and parsed. */
export interface PemCertificate {
  pem: string;
  certificate: X509Certificate;
}

/**
 * Every certificate of a PEM text (a chain, leaf first, or a bundle of CAs), each parsed; anything else in the text
 * is ignored. None, or one that does not parse, is a TlsFileError naming `flag` and `path` (--cert here, the bench's
 * --ca in bench/run-options.ts).
 */
export function pemCertificates(flag: string, path: string, pem: string): PemCertificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new TlsFileError(`${flag} ${path}: no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)`);
  return blocks.map((block, i) => {
    try {
      return { pem: block, certificate: new X509Certificate(block) };
    } catch (err) {
      throw new TlsFileError(`${flag} ${path}: certificate ${i + 1} is not a valid X.509 certificate (${firstLine(err)})`);
    }
  });
}

function privateKey(path: string, pem: string): KeyObject {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) throw new TlsFileError(`--key ${path}: no PEM private key in it (expected -----BEGIN PRIVATE KEY-----)`);
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)) throw new TlsFileError(`--key ${path}: the key is encrypted; give an unencrypted key`);
  try {
    return createPrivateKey(pem);
  } catch (err) {
    throw new TlsFileError(`--key ${path}: not a usable private key (${firstLine(err)})`);
  }
}

/** Checks a certificate chain and key (PEM) as TLS would use them; throws a TlsFileError naming the files. */
export function checkTlsMaterial(material: ServerTlsMaterial, certPath = "(certificate)", keyPath = "(key)"): void {
  const [leaf] = pemCertificates("--cert", certPath, material.cert);
  const key = privateKey(keyPath, material.key);
  if (!leaf!.certificate.checkPrivateKey(key)) throw new TlsFileError(`--key ${keyPath} does not belong to the certificate in --cert ${certPath}`);
}

/** Reads and checks --cert and --key; throws a TlsFileError (one line) for anything a user must fix. */
export function loadTlsFiles(certPath: string, keyPath: string): ServerTlsMaterial {
  const material = { cert: read("--cert", certPath), key: read("--key", keyPath) };
  checkTlsMaterial(material, certPath, keyPath);
  return material;
}
