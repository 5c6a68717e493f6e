// The one colour scheme of the report. Every chart takes its scales from here so that gRPC and REST look
// the same everywhere: gRPC blue, REST orange (a pair that survives colour-blindness and greyscale print),
// the end-to-end view a lighter tint of its protocol (and dashed where the mark is a line).
import type { LoadView } from "../../bench/model/load-result.js";
import type { Protocol } from "../../bench/model/measurement.js";

export const PROTOCOL_COLOURS: Record<Protocol, string> = { grpc: "#1f5f9e", rest: "#d66a00" };

const END_TO_END_TINT: Record<Protocol, string> = { grpc: "#7fb0dd", rest: "#f2b26b" };

export const PROTOCOLS: readonly Protocol[] = ["grpc", "rest"];
export const VIEWS: readonly LoadView[] = ["server", "end-to-end"];

export const PROTOCOL_LABEL: Record<Protocol, string> = { grpc: "gRPC", rest: "REST/JSON" };

/** Label of one protocol × view series, the domain value charts colour by. */
export function seriesLabel(protocol: Protocol, view: LoadView): string {
  return `${PROTOCOL_LABEL[protocol]} · ${view}`;
}

export function seriesColour(protocol: Protocol, view: LoadView): string {
  return view === "server" ? PROTOCOL_COLOURS[protocol] : END_TO_END_TINT[protocol];
}

/** vega-lite scale for a colour channel encoded with seriesLabel(). */
export function seriesScale(): { domain: string[]; range: string[] } {
  const domain: string[] = [];
  const range: string[] = [];
  // server view first, then end-to-end: the order of legends and of bars within a group
  for (const view of VIEWS) {
    for (const protocol of PROTOCOLS) {
      domain.push(seriesLabel(protocol, view));
      range.push(seriesColour(protocol, view));
    }
  }
  return { domain, range };
}

/** vega-lite scale for a colour channel encoded with PROTOCOL_LABEL (charts without a view dimension). */
export function protocolScale(): { domain: string[]; range: string[] } {
  return { domain: PROTOCOLS.map((p) => PROTOCOL_LABEL[p]), range: PROTOCOLS.map((p) => PROTOCOL_COLOURS[p]) };
}

/** Line dash per view: server solid, end-to-end dashed. */
export function viewDashScale(): { domain: string[]; range: number[][] } {
  return { domain: [...VIEWS], range: [[1, 0], [6, 3]] };
}

/**
 * Serialization formats take the colour of the protocol that carries them: JSON is REST's, protobuf is gRPC's;
 * variants (reflection codecs, the canonical-JSON mapping layer) get the lighter tint.
 */
export function formatColour(format: string): string {
  const f = format.toLowerCase();
  const protocol: Protocol = f.includes("json") ? "rest" : "grpc";
  const isPlain = f.startsWith("json") || f.startsWith("protobuf (") || f === "protobuf" || f === "protobuf-static";
  return isPlain ? PROTOCOL_COLOURS[protocol] : END_TO_END_TINT[protocol];
}

export function formatScale(formats: readonly string[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(formats)].sort(formatOrder);
  return { domain, range: domain.map(formatColour) };
}

function formatOrder(a: string, b: string): number {
  // protobuf before JSON, each protocol's plain format before its variants
  const rank = (f: string): number => (f.toLowerCase().includes("json") ? 2 : 0) + (formatColour(f) === PROTOCOL_COLOURS[f.toLowerCase().includes("json") ? "rest" : "grpc"] ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Colours the HTML itself uses (verdict badges, caveat boxes), kept beside the chart colours. */
export const UI_COLOURS = {
  ink: "#1d2330",
  muted: "#5b6473",
  rule: "#d7dce3",
  caveatBackground: "#fff6e0",
  caveatBorder: "#e0a800",
  good: "#1e7a3c",
  bad: "#b3261e",
  neutral: "#5b6473",
} as const;
