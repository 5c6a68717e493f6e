// An arm's TLS record (report.arms[].tls) as one line of text for the HTML and Markdown arms tables:
// "TLS 1.3, TLS_AES_256_GCM_SHA384, h2, 412 full / 0 resumed" or "cleartext". Resumed handshakes are always
// counted out loud, zero included (fairness rule 8), and a value several handshakes disagreed on lists each.
import type { Arm } from "../bench/model/arm.js";

/** "TLSv1.3" → "TLS 1.3" (OpenSSL's names read as people write them). */
function protocolName(protocol: string): string {
  return protocol.replace(/^TLSv(\d)/, "TLS $1");
}

/** The one value, or each value with its count when handshakes disagreed ("TLS 1.3 ×400, TLS 1.2 ×12"). */
function valuesText(top: string | null, counts: Record<string, number>, name: (v: string) => string = (v) => v): string | null {
  const entries = Object.entries(counts).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  if (entries.length > 1) return entries.map(([v, n]) => `${name(v)} ×${n}`).join(", ");
  return top === null ? null : name(top);
}

export interface ArmTlsText {
  /** the line for the table */
  text: string;
  /** a reader must not miss it: no verification, resumed sessions, or no handshake at all */
  warn: boolean;
}

/** The table line for an arm's TLS; null when the report predates TLS records. */
export function armTlsText(tls: Arm["tls"]): ArmTlsText | null {
  if (tls === undefined) return null;
  if (!tls.enabled) return { text: "cleartext", warn: false };
  const unverified = tls.verified ? "" : "; certificate not verified (--insecure)";
  const warn = !tls.verified || tls.handshakes.resumed > 0;
  if (tls.handshakes.full + tls.handshakes.resumed === 0) return { text: `TLS, no handshake completed${unverified}`, warn: true };
  const parts = [
    valuesText(tls.protocol, tls.protocols, protocolName) ?? "TLS",
    valuesText(tls.cipher, tls.ciphers),
    valuesText(tls.alpn, tls.alpns, (v) => (v === "none" ? "no ALPN" : v)),
    `${tls.handshakes.full} full / ${tls.handshakes.resumed} resumed`,
  ].filter((p): p is string => p !== null);
  return { text: `${parts.join(", ")}${unverified}`, warn };
}
