// The bearer token every call of a run carries (`npm run bench -- --token T` or GRB_TOKEN; the crosscheck's --token):
// `authorization: Bearer T` as an HTTP header or gRPC metadata on every driver and client, and the token every local
// server the harness starts requires (bench/server-process/server-process.ts adds it to the server's options).
//
// Set once per run, before any family starts (bench/orchestrator.ts, bench/crosscheck.ts): the one piece of
// process-wide state among the clients. It saves threading the token through every family into every client it
// builds; a client's own `token` option still wins (tests pass one), and null there sends none.
import { AUTHORIZATION, bearerValue } from "../servers/handlers/bearer-token.js";

let current: string | null = null;

/** The run's token from now on (null: calls carry none, servers require none). */
export function setRunToken(token: string | null): void {
  current = token;
}

export function runToken(): string | null {
  return current;
}

/** A client's `token` option as sent: undefined takes the run's token, null sends none. */
export function tokenOf(option: string | null | undefined): string | null {
  return option === undefined ? current : option;
}

/** The request header that carries `token`, or none: spread into a client's request headers. */
export function authHeaders(token: string | null): Record<string, string> {
  return token === null ? {} : { [AUTHORIZATION]: bearerValue(token) };
}

/** What a local server's ServerOptions get from the run: its token, or nothing at all (a server as before). */
export function runTokenServerOption(): { token?: string } {
  return current === null ? {} : { token: current };
}
