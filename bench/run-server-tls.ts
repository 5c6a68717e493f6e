// The certificate the local servers of a `--tls` run serve (`npm run bench -- --tls`): made once at run start for
// 127.0.0.1, ::1 and localhost (bench/orchestrator.ts), given to every server the harness starts through its
// ServerOptions.tls (bench/server-process/server-process.ts adds it, as it adds the run's bearer token), and trusted by
// the run's clients, alone or beside the --ca / system roots (bench/run-tls.ts).
//
// Set once per run, before any family starts, like bench/run-token.ts: the servers a family starts get it without
// every family threading it through.
import type { ServerTlsMaterial } from "../servers/server-arm.js";

/** The host names and addresses the run's certificate names: every way a client of ours dials a local server. */
export const LOCAL_TLS_HOSTS: readonly string[] = ["127.0.0.1", "::1", "localhost"];

let material: ServerTlsMaterial | null = null;

/** The local servers' certificate and key from now on (null: they serve cleartext). */
export function setRunServerTls(next: ServerTlsMaterial | null): void {
  material = next;
}

export function runServerTls(): ServerTlsMaterial | null {
  return material;
}

/** What a local server's ServerOptions get from the run: its certificate, or nothing at all (cleartext as before). */
export function runTlsServerOption(): { tls?: ServerTlsMaterial } {
  return material === null ? {} : { tls: material };
}
