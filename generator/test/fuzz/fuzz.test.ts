/**
 * Bounded mutation fuzzing in CI (FUZZ_RUNS, default 25, about 20 s); `pnpm --filter
 * @specwire/generator fuzz` runs 10,000. FUZZ_SEED replays a run; FUZZ_REPORT writes the JSON report.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFuzz } from './run-fuzz.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 25);
const seed = Number(process.env.FUZZ_SEED ?? 6_2025);
const typecheckEvery = Number(process.env.FUZZ_TYPECHECK_EVERY ?? 1_000);

describe('mutation fuzzing of real specs', () => {
  it(`${runs} mutated specs: a clean one-line error or safe output, never a crash, pollution or injection`, async () => {
    const report = await runFuzz({ runs, seed, typecheckEvery, log: (line) => process.stderr.write(`${line}\n`) });
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, `${JSON.stringify(report, null, 2)}\n`);
    expect(report.runs).toBe(runs);
    expect(report.seeds).toBeGreaterThan(20);
    // Mutations must not all be refused, or the output checks would never run.
    if (runs >= 20) expect(report.generated).toBeGreaterThan(0);
    expect(report.findings.map((finding) => `${finding.kind} [${finding.seedName}] ${finding.detail}\n  case: ${JSON.stringify(finding.case).slice(0, 400)}`)).toEqual([]);
  }, Math.max(120_000, runs * 10_000));
});
