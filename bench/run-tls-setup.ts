// A run's TLS, set up once before any family starts (bench/orchestrator.ts): under --tls a fresh self-signed certificate
// for the local servers (bench/run-server-tls.ts), the trust every client applies (bench/run-tls.ts), the handshake
// tally emptied, and each TLS target's endpoint assigned to its arm (bench/arm-tls-record.ts).
import { rootCertificates } from "node:tls";
import type { ServerTlsMaterial } from "../servers/server-arm.js";
import { noteArmEndpoint, resetArmEndpoints } from "./arm-tls-record.js";
import { targetEndpoint } from "./drivers/target-address.js";
import type { Arm } from "./model/arm.js";
import type { RunOptions } from "./run-options.js";
import { LOCAL_TLS_HOSTS, setRunServerTls } from "./run-server-tls.js";
import { resetHandshakeTallies, setRunTlsTrust, type RunTlsTrust } from "./run-tls.js";

type TlsOptions = Pick<RunOptions, "targets" | "tls" | "ca" | "insecure">;

const hasTlsTarget = (options: TlsOptions) => Object.values(options.targets).some((t) => targetEndpoint(t).tls);

/**
 * What the run's clients trust: the local servers' certificate under --tls, and for TLS targets --ca's certificates,
 * else the system roots. `ca: null` (no --tls, no --ca) leaves Node's roots as they are; a CA list replaces them, so
 * a --tls run with TLS targets and no --ca lists Node's roots beside its own certificate.
 */
export function runTrust(options: TlsOptions, serverCert: string | null): RunTlsTrust {
  const parts: string[] = [];
  if (serverCert !== null) parts.push(serverCert);
  if (options.ca !== undefined) parts.push(options.ca.pem);
  else if (serverCert !== null && hasTlsTarget(options)) parts.push(...rootCertificates);
  return { ca: parts.length > 0 ? parts.map((p) => p.trim()).join("\n") + "\n" : null, insecure: options.insecure === true };
}

/** Whether the run reaches this arm over TLS: its target's scheme, or --tls for a server the run starts. */
export function armUsesTls(arm: Pick<Arm, "target">, options: Pick<RunOptions, "tls">): boolean {
  return arm.target !== null ? targetEndpoint(arm.target).tls : options.tls === true;
}

/** Sets the run's TLS up; resolves with the local servers' certificate (null without --tls). */
export async function setUpRunTls(options: TlsOptions, arms: readonly Pick<Arm, "id" | "target">[]): Promise<ServerTlsMaterial | null> {
  resetHandshakeTallies();
  resetArmEndpoints();
  // Imported on demand: the X.509 library is only needed by a --tls run.
  const material = options.tls === true ? await (await import("../servers/tls/self-signed-certificate.js")).makeSelfSignedCertificate(LOCAL_TLS_HOSTS) : null;
  setRunServerTls(material);
  setRunTlsTrust(runTrust(options, material?.cert ?? null));
  for (const arm of arms) {
    if (arm.target === null) continue;
    const { host, port, tls } = targetEndpoint(arm.target);
    if (tls) noteArmEndpoint(arm.id, host, port);
  }
  return material;
}
