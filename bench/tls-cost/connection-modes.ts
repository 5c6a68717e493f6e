// The five ways of connecting the tls family compares, as data: what each does and how the report words it.
import type { TlsConnectionMode } from "../model/tls-result.js";

export interface ConnectionModeSpec {
  tls: boolean;
  /** a new connection for every call */
  perCall: boolean;
  /** offer the lane's previous TLS session on each new connection */
  resume: boolean;
  /** for people, in the entry's note */
  note: string;
}

export const CONNECTION_MODES: Record<TlsConnectionMode, ConnectionModeSpec> = {
  "tls-full": { tls: true, perCall: true, resume: false, note: "a new TLS connection per call, no session offered: a full handshake every call" },
  "tls-resumed": {
    tls: true,
    perCall: true,
    resume: true,
    note: "a new TLS connection per call offering the session the lane's previous connection received; resumed or full as the client's socket reported (handshakes)",
  },
  "tls-keepalive": { tls: true, perCall: false, resume: false, note: "one TLS connection per lane, opened before the warm-up and reused for every call" },
  "tcp-per-call": { tls: false, perCall: true, resume: false, note: "a new cleartext TCP connection per call (reference)" },
  "tcp-keepalive": { tls: false, perCall: false, resume: false, note: "one cleartext TCP connection per lane, reused for every call (reference)" },
};

export const TLS_MODES: readonly TlsConnectionMode[] = ["tls-full", "tls-resumed", "tls-keepalive"];
export const CLEARTEXT_MODES: readonly TlsConnectionMode[] = ["tcp-per-call", "tcp-keepalive"];
