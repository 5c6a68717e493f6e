// The names a self-signed certificate for `serve --tls --host H` must hold, so a client can dial the server by
// whatever name or address reaches it: loopback serves the three loopback names, a wildcard every address of this
// host plus its host name, a given name or address that one plus the loopback names.
import { hostname, networkInterfaces } from "node:os";

const LOOPBACK = ["127.0.0.1", "::1", "localhost"] as const;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]"]);

/** Every address of this host's interfaces, loopback included, without IPv6 zones. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((info) => info.address.replace(/%.*$/, ""));
}

/** The host names and addresses to certify for a server listening on `host` (duplicates removed, order kept). */
export function certificateHosts(host: string): string[] {
  const h = host.trim().toLowerCase();
  let hosts: string[];
  if (LOOPBACK_HOSTS.has(h)) hosts = [...LOOPBACK];
  else if (WILDCARD_HOSTS.has(h)) hosts = [...interfaceAddresses(), hostname(), "localhost"];
  else hosts = [h.replace(/^\[(.*)\]$/, "$1"), "localhost", "127.0.0.1"];
  return [...new Set(hosts.filter((name) => name !== ""))];
}
