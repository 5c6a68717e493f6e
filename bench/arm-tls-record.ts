// Which arm each TLS endpoint the run dials belongs to, and the per-arm TLS record report.arms[].tls is made from.
//
// bench/run-tls.ts tallies handshakes by host:port as dialled; an arm is served from a new port by every family (and
// by a server started in place of one that died), and a port freed by one arm's server may later be another's. So
// each server the harness starts, and each --target, says here which arm it is at that endpoint from then on
// (server-process.ts, orchestrator.ts); when an endpoint changes hands, the handshakes counted so far stay with the
// arm that had it.
import type { Arm, ArmTls } from "./model/arm.js";
import { endpointKey, handshakeTallies, type HandshakeTally } from "./run-tls.js";

interface Assignment {
  arm: string;
  /** the endpoint's tally when this arm got it: only what came after is the arm's */
  base: HandshakeTally | undefined;
}

const assignments = new Map<string, Assignment>();
/** handshakes of endpoints an arm no longer has */
const settled = new Map<string, HandshakeTally[]>();

const emptyTally = (): HandshakeTally => ({ full: 0, resumed: 0, protocols: {}, ciphers: {}, alpn: {} });

function addCounts(into: Record<string, number>, from: Record<string, number>, sign = 1): void {
  for (const [k, n] of Object.entries(from)) {
    const v = (into[k] ?? 0) + sign * n;
    if (v === 0) delete into[k];
    else into[k] = v;
  }
}

function addTally(into: HandshakeTally, from: HandshakeTally | undefined, sign = 1): void {
  if (from === undefined) return;
  into.full += sign * from.full;
  into.resumed += sign * from.resumed;
  addCounts(into.protocols, from.protocols, sign);
  addCounts(into.ciphers, from.ciphers, sign);
  addCounts(into.alpn, from.alpn, sign);
}

/** What an endpoint counted since `base`. */
export function since(current: HandshakeTally | undefined, base: HandshakeTally | undefined): HandshakeTally {
  const t = emptyTally();
  addTally(t, current);
  addTally(t, base, -1);
  return t;
}

/** From now on, handshakes with host:port are arm `arm`'s (a server the harness started, or a --target). */
export function noteArmEndpoint(arm: string, host: string, port: number): void {
  const key = endpointKey(host, port);
  const current = handshakeTallies().get(key);
  const before = assignments.get(key);
  if (before !== undefined) settled.set(before.arm, [...(settled.get(before.arm) ?? []), since(current, before.base)]);
  assignments.set(key, { arm, base: current });
}

/** Forgets every endpoint (a new run; run-tls.ts's resetHandshakeTallies goes with it). */
export function resetArmEndpoints(): void {
  assignments.clear();
  settled.clear();
}

/** Every handshake counted for `arm` so far. */
export function armHandshakes(arm: string): HandshakeTally {
  const tally = emptyTally();
  for (const t of settled.get(arm) ?? []) addTally(tally, t);
  const current = handshakeTallies();
  for (const [key, a] of assignments) if (a.arm === arm) addTally(tally, since(current.get(key), a.base));
  return tally;
}

/** The value most handshakes ended with (ties: the first by name), null when none was counted. */
function mostCommon(counts: Record<string, number>): string | null {
  const ranked = Object.entries(counts).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  return ranked[0]?.[0] ?? null;
}

/** An arm's TLS record: `{enabled: false}` for a cleartext arm, else what its handshakes negotiated. */
export function armTlsRecord(enabled: boolean, verified: boolean, tally: HandshakeTally = emptyTally()): ArmTls {
  if (!enabled) return { enabled: false };
  return {
    enabled: true,
    verified,
    protocol: mostCommon(tally.protocols),
    cipher: mostCommon(tally.ciphers),
    alpn: mostCommon(tally.alpn),
    handshakes: { full: tally.full, resumed: tally.resumed },
    protocols: { ...tally.protocols },
    ciphers: { ...tally.ciphers },
    alpns: { ...tally.alpn },
  };
}

/** The run's arms with their TLS records brought up to date from the tally (arms without `tls` are left as they are). */
export function withTlsRecords(arms: readonly Arm[]): Arm[] {
  return arms.map((arm) => (arm.tls?.enabled === true ? { ...arm, tls: armTlsRecord(true, arm.tls.verified, armHandshakes(arm.id)) } : arm));
}
