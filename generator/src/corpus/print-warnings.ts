import type { SpecResult } from './spec-result.ts';

/** `--warnings`: every warning kind over all specs, most frequent first, with how many specs had it. */
export function printWarnings(results: readonly SpecResult[]): void {
  const totals = new Map<string, { count: number; specs: number }>();
  for (const result of results) {
    for (const [kind, count] of Object.entries(result.warnings ?? {})) {
      const entry = totals.get(kind) ?? { count: 0, specs: 0 };
      entry.count += count;
      entry.specs += 1;
      totals.set(kind, entry);
    }
  }
  const sorted = [...totals].sort((a, b) => b[1].count - a[1].count);
  process.stdout.write(`warnings: ${sorted.reduce((sum, [, entry]) => sum + entry.count, 0)} in ${sorted.length} kinds\n`);
  for (const [kind, entry] of sorted) process.stdout.write(`${String(entry.count).padStart(7)}  in ${String(entry.specs).padStart(4)} specs  ${kind}\n`);
}
