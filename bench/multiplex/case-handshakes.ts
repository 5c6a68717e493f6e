// The TLS handshakes made with a multiplex case's target while it ran, from the run's tally (bench/run-tls.ts): over
// TLS a new connection is a TCP connect plus a handshake, full or resumed, so an entry says how many of each there
// were beside the connections it counted. The monitor's connections (bench/server-metrics/) are not in the tally.
// Cleartext targets say nothing.
import { targetEndpoint } from "../drivers/target-address.js";
import { endpointKey, handshakeTallies, type HandshakeTally } from "../run-tls.js";

export interface CaseHandshakes {
  /** One sentence for the entry's note ("over TLS: …"), or null for a cleartext target. */
  note(): string | null;
}

/** Starts counting at the call (before the case opens its connections). */
export function countCaseHandshakes(target: string): CaseHandshakes {
  const { host, port, tls } = targetEndpoint(target);
  if (!tls) return { note: () => null };
  const key = endpointKey(host, port);
  const tally = (): Pick<HandshakeTally, "full" | "resumed"> => handshakeTallies().get(key) ?? { full: 0, resumed: 0 };
  const before = tally();
  return {
    note() {
      const after = tally();
      const full = after.full - before.full;
      const resumed = after.resumed - before.resumed;
      return `over TLS: ${full} full and ${resumed} resumed TLS handshake${full + resumed === 1 ? "" : "s"} with ${key} during the case (opening, warm-up and measured windows), as counted at the client`;
    },
  };
}
