// vega-lite spec → inline SVG at build time. The spec carries its data inline; vega gets a loader that
// refuses every URL, so rendering can never fetch anything, and the SVG it produces has no external
// references. Without node-canvas, vega estimates text widths (documented in vega-scenegraph), which is
// enough for axis layout.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { Config } from "vega-lite";
import { UI_COLOURS } from "./palette.js";

export type ChartSpec = TopLevelSpec;

/** Typography shared with the page (system fonts only: nothing to download). */
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const CONFIG: Config = {
  font: FONT_STACK,
  background: "white",
  padding: 8,
  view: { stroke: UI_COLOURS.rule },
  title: { fontSize: 14, fontWeight: 600, anchor: "start", color: UI_COLOURS.ink, subtitleColor: UI_COLOURS.muted, subtitleFontSize: 11 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleColor: UI_COLOURS.ink, labelColor: UI_COLOURS.ink, gridColor: "#eceff3" },
  header: { labelFontSize: 12, titleFontSize: 12, labelColor: UI_COLOURS.ink },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: "bottom", direction: "horizontal", columns: 4, labelLimit: 260 },
};

export interface ChartWarnings {
  onWarning?: (message: string) => void;
}

function logger(onWarning: (message: string) => void, level = 0): vega.LoggerInterface {
  let current = level;
  const self: vega.LoggerInterface = {
    level(next?: number) {
      if (next === undefined) return current as never;
      current = next;
      return self as never;
    },
    error(...args: readonly unknown[]) {
      throw new Error(args.map(String).join(" "));
    },
    warn(...args: readonly unknown[]) {
      onWarning(args.map(String).join(" "));
      return self;
    },
    info() {
      return self;
    },
    debug() {
      return self;
    },
  };
  return self;
}

function offlineLoader(): vega.Loader {
  const refuse = (uri: unknown): Promise<never> => Promise.reject(new Error(`report charts never load data (${String(uri)})`));
  return { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as vega.Loader;
}

/** Compile a vega-lite spec and render it to an SVG string. */
export async function renderChartSvg(spec: ChartSpec, options: ChartWarnings = {}): Promise<string> {
  const onWarning = options.onWarning ?? (() => {});
  const compiled = compile(spec, { config: CONFIG, logger: logger(onWarning) as never }).spec;
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    loader: offlineLoader(),
    logger: logger(onWarning),
    logLevel: vega.Warn,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
