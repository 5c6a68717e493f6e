// The one colour scheme of the report: one colour per arm, the same in every chart and table of a report and
// across reports. The arms the project knows have fixed colours (Okabe & Ito's colour-blind-safe set, plus two
// darker tones for the last two); any other arm id gets one from a second set, picked by a hash of the id, so it
// is stable too. Serialization formats borrow the colour of the arm that made them the default: protobuf is
// grpc's, JSON is rest's. The server and end-to-end views are told apart by line dash and by panel, not by colour.

/** Fixed colours of the arms in servers/registry.ts, in its order. */
export const ARM_COLOURS: Readonly<Record<string, string>> = {
  grpc: "#0072b2", // blue
  rest: "#d55e00", // vermillion
  "rest-node": "#e69f00", // orange
  "rest-fastify": "#cc79a7", // reddish purple
  "json-h2": "#009e73", // bluish green
  "protobuf-h1": "#56b4e9", // sky blue
  "grpc-raw": "#332288", // indigo
  gateway: "#8a7d00", // dark olive (Okabe & Ito's yellow, darkened to show on white)
};

/** For arm ids without a fixed colour (Paul Tol's muted set minus what is too close to the fixed ones). */
export const FALLBACK_COLOURS: readonly string[] = ["#882255", "#44aa99", "#117733", "#aa4499", "#661100", "#6699cc", "#999933", "#bb5566"];

/** FNV-1a, 32 bit: the same id gives the same colour in every report. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function armColour(id: string): string {
  return ARM_COLOURS[id] ?? FALLBACK_COLOURS[hash(id) % FALLBACK_COLOURS.length] ?? "#888888";
}

/** The arms a chart draws: its colour channel's domain is their names, its range their colours. */
export interface ArmKey {
  id: string;
  name: string;
}

export function armScale(arms: readonly ArmKey[]): { domain: string[]; range: string[] } {
  return { domain: arms.map((a) => a.name), range: arms.map((a) => armColour(a.id)) };
}

/** Black or white, whichever reads better on `background` (WCAG relative luminance). */
export function textColourOn(background: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) return "#ffffff";
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
  // contrast with white (1.05 / (l + 0.05)) against contrast with ink (l + 0.05) / 0.05
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#1d2330";
}

/** `colour` mixed with white: a lighter tint for variants of a format. */
export function tint(colour: string, amount: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) return colour;
  const mix = (hex: string) =>
    Math.round(parseInt(hex, 16) + (255 - parseInt(hex, 16)) * amount)
      .toString(16)
      .padStart(2, "0");
  return `#${mix(m[1]!)}${mix(m[2]!)}${mix(m[3]!)}`;
}

export const VIEWS = ["server", "end-to-end"] as const;

/** Line dash per view: server solid, end-to-end dashed. */
export function viewDashScale(): { domain: string[]; range: number[][] } {
  return { domain: [...VIEWS], range: [[1, 0], [6, 3]] };
}

/**
 * Serialization formats take the colour of the arm that made them the default wire format: protobuf grpc's,
 * JSON rest's; variants (reflection codecs, the canonical-JSON mapping layer) a lighter tint of it.
 */
export function formatColour(format: string): string {
  const f = format.toLowerCase();
  const base = armColour(f.includes("json") ? "rest" : "grpc");
  const isPlain = f.startsWith("json") || f.startsWith("protobuf (") || f === "protobuf" || f === "protobuf-static";
  return isPlain ? base : tint(base, 0.5);
}

export function formatScale(formats: readonly string[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(formats)].sort(formatOrder);
  return { domain, range: domain.map(formatColour) };
}

function formatOrder(a: string, b: string): number {
  // protobuf before JSON, each format's plain form before its variants
  const rank = (f: string): number => (f.toLowerCase().includes("json") ? 2 : 0) + (formatColour(f) === armColour(f.toLowerCase().includes("json") ? "rest" : "grpc") ? 0 : 1);
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
