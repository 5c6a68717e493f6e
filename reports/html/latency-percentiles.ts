// The latency distribution of a load result: percentile points read from its merged HDR histogram
// (microseconds, hdr-histogram-js compressed base64), or from the stored summary when the histogram
// cannot be decoded — in which case the curve is coarser and says so.
import hdr from "hdr-histogram-js";
import type { LoadResult } from "../../bench/model/load-result.js";

export interface PercentilePoint {
  /** label on the chart's axis */
  label: string;
  /** order on the axis */
  rank: number;
  ms: number;
}

export interface PercentileCurve {
  source: "histogram" | "summary";
  points: PercentilePoint[];
  /** samples in the histogram, when it was decoded */
  count: number | null;
}

export const CURVE_PERCENTILES: readonly { label: string; p: number | "max" }[] = [
  { label: "p50", p: 50 },
  { label: "p75", p: 75 },
  { label: "p90", p: 90 },
  { label: "p95", p: 95 },
  { label: "p99", p: 99 },
  { label: "p99.9", p: 99.9 },
  { label: "p99.99", p: 99.99 },
  { label: "max", p: "max" },
];

export const CURVE_LABELS: readonly string[] = CURVE_PERCENTILES.map((c) => c.label);

export function percentileCurve(result: Pick<LoadResult, "histogram" | "latencyMs">): PercentileCurve {
  const fromHistogram = decodeCurve(result.histogram.data);
  if (fromHistogram) return fromHistogram;
  const s = result.latencyMs;
  const points: PercentilePoint[] = [
    { label: "p50", ms: s.p50 },
    { label: "p90", ms: s.p90 },
    { label: "p99", ms: s.p99 },
    { label: "p99.9", ms: s.p999 },
    { label: "max", ms: s.max },
  ].map((pt) => ({ ...pt, rank: CURVE_LABELS.indexOf(pt.label) }));
  return { source: "summary", points, count: null };
}

function decodeCurve(data: string): PercentileCurve | null {
  if (!data) return null;
  try {
    const histogram = hdr.decodeFromCompressedBase64(data, 32, false);
    try {
      const count = histogram.totalCount;
      if (count <= 0) return null;
      const points = CURVE_PERCENTILES.map(({ label, p }, rank) => {
        const us = p === "max" ? histogram.maxValue : histogram.getValueAtPercentile(p);
        return { label, rank, ms: us / 1000 };
      });
      return { source: "histogram", points, count };
    } finally {
      histogram.destroy();
    }
  } catch {
    return null;
  }
}
