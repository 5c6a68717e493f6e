// A self-signed certificate for `serve --tls` and the bench's `--tls` when the user names no certificate: ECDSA P-256,
// signed with SHA-256 (never SHA-1), valid for the given host names and IP addresses (SubjectAltName DNS and IP
// entries; a TLS client matches the name it dialled against these, never against the CN), made fresh at start.
//
// It is its own trust anchor: clients trust exactly this certificate (Node's `ca: certPem`, grpc-js's
// createSsl(ca), Python grpcio's root_certificates, `curl --cacert`; OpenSSL 3 and BoringSSL accept a self-signed
// leaf as an anchor). It is a leaf, CA:FALSE with digitalSignature and serverAuth only: a client that trusts it
// trusts this one certificate, never something else its key might sign. The key never leaves the process that
// made it (serve writes the certificate only).
//
// @peculiar/x509 on node's own WebCrypto: a maintained X.509 library, no openssl binary needed (`npm ci && npm run
// serve -- --tls` works with Node alone). Loaded on first use, after the Reflect metadata polyfill its dependency
// injection (tsyringe) needs — whatever else this process imported first — and never by a server without --tls.
import type * as X509 from "@peculiar/x509";
import { isIP } from "node:net";
import { webcrypto } from "node:crypto";
import type { ServerTlsMaterial } from "../server-arm.js";

/** How long a made certificate is valid: long enough for any run, short enough that a stray copy soon expires. */
export const SELF_SIGNED_VALIDITY_DAYS = 30;
/** notBefore this far in the past, so a client whose clock is a little behind still accepts it. */
const CLOCK_SKEW_MS = 60 * 60 * 1000;
const ECDSA_P256 = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNING = { name: "ECDSA", hash: "SHA-256" } as const;

let library: Promise<typeof X509> | null = null;

function x509Library(): Promise<typeof X509> {
  library ??= (async () => {
    await import("reflect-metadata");
    const x509 = await import("@peculiar/x509");
    // node's own WebCrypto, whatever provider another module of this process may have set.
    x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
    return x509;
  })();
  return library;
}

/** An IPv6 literal as a SubjectAltName holds it: no brackets, no zone (fe80::1%eth0 → fe80::1). */
function bareAddress(host: string): string {
  return host.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
}

/** The SubjectAltName entries for a list of host names and addresses, duplicates dropped, order kept. */
export function subjectAltNames(hosts: readonly string[]): X509.JsonGeneralName[] {
  const seen = new Set<string>();
  const names: X509.JsonGeneralName[] = [];
  for (const given of hosts) {
    const host = bareAddress(given.trim()).toLowerCase();
    if (host === "" || seen.has(host)) continue;
    seen.add(host);
    names.push({ type: isIP(host) === 0 ? "dns" : "ip", value: host });
  }
  return names;
}

/** A positive 16-byte serial number (RFC 5280 §4.1.2.2: positive, at most 20 octets), as hex. */
function serialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Buffer.from(bytes).toString("hex");
}

/** The Common Name: the first host name, else the first address (informational only: clients check the SANs). */
function commonName(names: readonly X509.JsonGeneralName[]): string {
  const name = names.find((n) => n.type === "dns") ?? names[0];
  // Characters the DN string syntax would need escaped cannot be in a host name; drop any rather than escape them.
  return (name?.value ?? "grpc-rest-bench").replace(/[,+"\\<>;=]/g, "");
}

/**
 * A fresh key pair and a self-signed certificate for these host names and IP addresses (at least one). Resolves
 * to PEM strings: the certificate (to serve and to hand to clients as their trust anchor) and the PKCS#8 key.
 */
export async function makeSelfSignedCertificate(hosts: readonly string[]): Promise<ServerTlsMaterial> {
  const names = subjectAltNames(hosts);
  if (names.length === 0) throw new Error("a self-signed certificate needs at least one host name or address");
  const x509 = await x509Library();
  const keys = (await webcrypto.subtle.generateKey(ECDSA_P256, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const serial = serialNumber();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial,
    // A subject of its own (the serial in it), and the key identifiers below: a client that trusts several of these
    // certificates at once (one --ca file for servers on several hosts) finds each one's anchor by name or key id.
    // With equal subjects OpenSSL picked the wrong anchor and rejected the others as "self-signed certificate".
    name: `CN=${commonName(names)}, O=grpc-rest-bench (self-signed), OU=${serial.slice(0, 16)}`,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(now + SELF_SIGNED_VALIDITY_DAYS * 24 * 60 * 60 * 1000),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString("base64").replace(/.{1,64}/g, "$&\n")}-----END PRIVATE KEY-----\n`;
  return { cert: `${certificate.toString("pem")}\n`, key };
}
