import { writeFileSync } from 'node:fs';

/**
 * Each bench step runs in its own process; it writes what it measured (work time, peak RSS of the
 * whole process including worker threads) to the file the parent names in BENCH_RESULT.
 */
export function reportResult(result: Record<string, unknown>): void {
  const file = process.env.BENCH_RESULT;
  if (!file) throw new Error('BENCH_RESULT is not set (run bench/generation/run.ts)');
  writeFileSync(file, JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS }));
}
