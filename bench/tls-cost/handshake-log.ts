// What one TLS handshake said and when, as the tls family's cases log it. The record and the tally have the run's
// shapes (bench/run-tls.ts HandshakeRecord, HandshakeTally); the cases keep their own log instead of the run's tally
// (their connections are dialled with tally: false) because they place each handshake in the window it fell in, and
// their deliberate full/resumed experiments must not count as the arms' measured traffic.
import { countHandshake, emptyHandshakeTally, type HandshakeRecord, type HandshakeTally } from "../run-tls.js";

/** One handshake as the client's socket reported it, stamped with when it completed (Date.now()). */
export interface HandshakeEvent extends HandshakeRecord {
  atMs: number;
  /** the connection offered a session to resume */
  offered: boolean;
}

/** The events as a tally. */
export function tallyOf(events: readonly HandshakeRecord[]): HandshakeTally {
  const tally = emptyHandshakeTally();
  for (const e of events) countHandshake(tally, e);
  return tally;
}
