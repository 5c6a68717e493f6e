// The credentials of the gateway's hop: cleartext for grpc:// (its own grpc arm on loopback, or an --upstream on a
// trusted network), TLS for grpcs:// with the system roots, or with the PEM certificates of GRB_UPSTREAM_CA=FILE (a
// self-signed upstream: its `serve --tls` cert.pem). An environment variable, not a flag: it is the gateway's alone,
// and a flag of its own would be one more for every other arm to reject.
import * as grpc from "@grpc/grpc-js";
import { readFileSync } from "node:fs";
import { ListenError } from "../server-arm.js";
import type { UpstreamAddress } from "./upstream-address.js";

export const UPSTREAM_CA_ENV = "GRB_UPSTREAM_CA";

/** Throws a ListenError (one line) when GRB_UPSTREAM_CA names a file that cannot be read or holds no certificate. */
export function upstreamCredentials(address: UpstreamAddress, env: NodeJS.ProcessEnv = process.env): grpc.ChannelCredentials {
  if (!address.tls) return grpc.credentials.createInsecure();
  const path = env[UPSTREAM_CA_ENV];
  if (path === undefined || path === "") return grpc.credentials.createSsl();
  let pem: Buffer;
  try {
    pem = readFileSync(path);
  } catch (err) {
    throw new ListenError(`${UPSTREAM_CA_ENV}=${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new ListenError(`${UPSTREAM_CA_ENV}=${path}: no PEM certificate in it`);
  return grpc.credentials.createSsl(pem);
}
