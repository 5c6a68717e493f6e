// The one place latency histograms are made, recorded, encoded, merged and summarized. Every driver records
// microseconds into a histogram with exactly these settings, so windows from any driver, repetition or
// worker merge by decoding and adding (autocannon's lib/histUtil.js does the same across its workers).
import hdr from "hdr-histogram-js";
import type { Histogram } from "hdr-histogram-js";
import type { EncodedHistogram, LatencySummaryMs } from "./model/measurement.js";

export type LatencyHistogram = Histogram;

/** 1 µs .. 60 s at 3 significant digits (0.1% value resolution); larger values are clamped to 60 s and still counted. */
export const HISTOGRAM_SETTINGS = {
  lowest: 1,
  highest: 60_000_000,
  significantDigits: 3,
} as const;

export function createHistogram(): LatencyHistogram {
  // Plain JS Int32 counts: no WebAssembly memory to free, and a hot-path recordValue without a wasm boundary.
  return hdr.build({
    bitBucketSize: 32,
    autoResize: false,
    lowestDiscernibleValue: HISTOGRAM_SETTINGS.lowest,
    highestTrackableValue: HISTOGRAM_SETTINGS.highest,
    numberOfSignificantValueDigits: HISTOGRAM_SETTINGS.significantDigits,
    useWebAssembly: false,
  });
}

/** Records one latency in µs (fractions rounded; 0 counts as 1 µs, beyond the range as the range's top). */
export function recordUs(histogram: LatencyHistogram, us: number): void {
  const v = us < 1 ? 1 : us > HISTOGRAM_SETTINGS.highest ? HISTOGRAM_SETTINGS.highest : Math.round(us);
  histogram.recordValue(v);
}

export function encodeHistogram(histogram: LatencyHistogram): EncodedHistogram {
  return {
    unit: "us",
    encoding: "hdr-compressed-base64",
    lowest: HISTOGRAM_SETTINGS.lowest,
    highest: HISTOGRAM_SETTINGS.highest,
    significantDigits: HISTOGRAM_SETTINGS.significantDigits,
    data: hdr.encodeIntoCompressedBase64(histogram),
  };
}

export function decodeHistogram(encoded: EncodedHistogram): LatencyHistogram {
  if (encoded.unit !== "us" || encoded.encoding !== "hdr-compressed-base64") {
    throw new Error(`unsupported histogram encoding ${encoded.encoding} in ${encoded.unit}`);
  }
  const target = createHistogram();
  target.add(hdr.decodeFromCompressedBase64(encoded.data, 32, false));
  return target;
}

/** Adds every histogram into a fresh one with the shared settings. */
export function mergeHistograms(parts: readonly (LatencyHistogram | EncodedHistogram)[]): LatencyHistogram {
  const target = createHistogram();
  for (const part of parts) target.add(isEncoded(part) ? decodeHistogram(part) : part);
  return target;
}

function isEncoded(part: LatencyHistogram | EncodedHistogram): part is EncodedHistogram {
  return typeof (part as EncodedHistogram).data === "string";
}

const US_PER_MS = 1000;

/** Percentiles in ms; an empty histogram summarizes as all zeros (count it by `requests`, never by latency). */
export function summarizeHistogram(histogram: LatencyHistogram): LatencySummaryMs {
  if (histogram.totalCount === 0) return { p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  const at = (p: number) => histogram.getValueAtPercentile(p) / US_PER_MS;
  return {
    p50: at(50),
    p90: at(90),
    p99: at(99),
    p999: at(99.9),
    max: histogram.maxValue / US_PER_MS,
    mean: histogram.mean / US_PER_MS,
  };
}
