// One definition of the figures every bench prints: nearest-rank median, p95 and the maximum.
export interface Summary {
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of already sorted samples, p in 0..1. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] };
}
