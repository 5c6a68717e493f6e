// Number formatting shared by the human-facing writers (HTML, Markdown): one place decides how a figure reads.
const MISSING = "—";

/** A figure with about `digits` significant digits, grouped thousands, no exponent for everyday magnitudes. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, Math.min(6, digits - 1 - magnitude));
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return Math.round(value).toLocaleString("en-US");
}

/** A ratio such as gRPC/REST, written as a multiplier. */
export function formatRatio(value: number | null | undefined): string {
  const text = formatNumber(value, 3);
  return text === MISSING ? text : `${text}×`;
}

export function formatCi(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return MISSING;
  return `[${formatNumber(ci[0], 3)}, ${formatNumber(ci[1], 3)}]`;
}

export function formatPercent(value: number | null | undefined, digits = 3): string {
  const text = formatNumber(value, digits);
  return text === MISSING ? text : `${text}%`;
}

export { MISSING };
