// Small helpers the benchmarks share: percentiles, formatting, a seeded PRNG, machine load.
import { cpus, loadavg } from 'node:os';

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summary(values: number[]): { n: number; p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const ms = (v: number, digits = 0) => `${v.toFixed(digits)} ms`;
export const s = (millis: number) => `${(millis / 1000).toFixed(1)} s`;
export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** Load average and CPU count, printed with every result: figures from a busy machine are noisy. */
export function machine(): string {
  const [one, five] = loadavg();
  return `load ${one.toFixed(2)} (1 min) ${five.toFixed(2)} (5 min) on ${cpus().length} CPUs`;
}

/** mulberry32, so every run asks the same questions. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

export const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));

/**
 * `clients` clients, each sending one request after another (a closed loop) for `seconds`. A
 * request says how long it took (what counts as its time is the caller's: headers or whole body)
 * and whether it was answered well; a thrown error counts as an error without a time.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  request: (i: number) => Promise<{ ms: number; ok: boolean }>,
): Promise<{ times: number[]; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        try {
          const r = await request(n++);
          times.push(r.ms);
          if (!r.ok) errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { times, errors };
}
