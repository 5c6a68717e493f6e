/** Mean, sample standard deviation and CV (sd / mean, in %) of repeated measurements. */
export function coefficientOfVariation(values: readonly number[]): { mean: number; sd: number; cvPct: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd, cvPct: mean === 0 ? 0 : (sd / mean) * 100 };
}
