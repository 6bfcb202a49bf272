/** Small statistics for the benchmark: medians, ratios of medians, formatting. */

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

export const fmtMs = (ms: number) =>
  Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)) : '—';
export const fmtX = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(0)}×` : '—');
export const fmtKB = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
  n: number;
}

/** First quartile, median and third quartile (linear interpolation between ranks). */
export function quartiles(values: readonly number[]): Quartiles {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const at = (p: number) => {
    if (!sorted.length) return NaN;
    const pos = (sorted.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75), n: sorted.length };
}

/** "1.05× (1.01–1.09)": median with its quartiles. */
export const fmtSpread = (q: Quartiles, fmt: (v: number) => string = fmtX) =>
  Number.isFinite(q.median) ? `${fmt(q.median)} (${fmt(q.q1)}–${fmt(q.q3)})` : '—';
