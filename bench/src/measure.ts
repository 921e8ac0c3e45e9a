/** Latency figures of one measured run. */
export interface LatencyStats {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(latenciesMs: number[], seconds: number): LatencyStats {
  const sorted = Float64Array.from(latenciesMs).sort();
  const list = Array.from(sorted);
  return { count: list.length, seconds, perSecond: list.length / seconds, p50: percentile(list, 0.5), p99: percentile(list, 0.99) };
}

/**
 * Calls `operation` one call at a time: first for `warmupSeconds` (not measured), then for
 * `seconds`, recording each call's latency. `operation` gets the call's number.
 */
export async function measureSequential(operation: (n: number) => Promise<unknown>, options: { seconds: number; warmupSeconds?: number }): Promise<LatencyStats> {
  let n = 0;
  const warmupEnd = performance.now() + (options.warmupSeconds ?? 1) * 1000;
  while (performance.now() < warmupEnd) await operation(n++);
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + options.seconds * 1000;
  for (let now = start; now < end; ) {
    await operation(n++);
    const done = performance.now();
    latencies.push(done - now);
    now = done;
  }
  return summarize(latencies, (performance.now() - start) / 1000);
}
