// Adds up the "Tests  N passed | M failed" lines of every vitest run in a turbo log.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split('\n')) {
  const summary = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!summary) continue;
  passed += Number(/(\d+) passed/.exec(summary[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(summary[1])?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(summary[1])?.[1] ?? 0);
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
