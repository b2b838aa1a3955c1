/**
 * The mutation fuzzer: fast-check draws cases (a seed spec and a few mutations), each mutated spec
 * goes through the whole in-memory pipeline, and the outcome must be a SpecwireError (one line) or
 * output that passes `emittedFileProblems`; the generator process itself must stay unpolluted. Every
 * `typecheckEvery`-th generated package (and the first) is also written, typechecked and imported in
 * a fresh process. Findings are collected, not thrown, so a long run reports everything it saw.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { isSpecwireError } from '../../src/errors/index.ts';
import { generateConnector, type GeneratedConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { generatePackage, importInFreshProcess, removePackage, typecheckPackage } from '../hostile/hostile-package.ts';
import { emittedFileProblems } from './check-emitted-files.ts';
import { applyMutations, fuzzCaseArbitrary, type FuzzCase } from './mutate-spec.ts';
import { loadSeedSpecs } from './seed-specs.ts';

/** One generation taking longer than this counts as a hang. */
const SLOW_MS = 30_000;

export interface FuzzFinding {
  kind: 'crash' | 'unsafe-output' | 'pollution' | 'slow' | 'multi-line-error' | 'typecheck' | 'import';
  detail: string;
  seedName: string;
  case: FuzzCase;
}

export interface FuzzReport {
  runs: number;
  seed: number;
  seeds: number;
  generated: number;
  refused: number;
  typechecked: number;
  maxMs: number;
  findings: FuzzFinding[];
  /** The most frequent SpecwireError messages (numbers and quoted text folded), for a feel of what is refused. */
  topErrors: Array<[string, number]>;
}

function pollutionOf(before: ReadonlySet<string>): string | undefined {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !before.has(name));
  if (added.length > 0) return `Object.prototype gained ${added.join(', ')}`;
  if ((globalThis as { PWNED?: unknown }).PWNED !== undefined) return 'globalThis.PWNED was set';
  if (({} as { polluted?: unknown }).polluted !== undefined) return '({}).polluted is set';
  return undefined;
}

async function checkPackage(options: { result: GeneratedConnector; specFile: string }): Promise<string | undefined> {
  const pkg = await generatePackage({ specFile: options.specFile, name: 'fuzz' });
  try {
    const typecheck = await typecheckPackage(pkg.dir);
    if (!typecheck.ok) return `typecheck: ${typecheck.output.split('\n').slice(0, 3).join(' | ')}`;
    const report = await importInFreshProcess(pkg.dir);
    if (report.pwned !== undefined || report.polluted !== undefined || report.prototypeAdditions.length > 0 || report.threw.length > 0) {
      return `import: ${JSON.stringify({ pwned: report.pwned, polluted: report.polluted, added: report.prototypeAdditions, threw: report.threw })}`;
    }
    return undefined;
  } finally {
    await removePackage(pkg.dir);
  }
}

export async function runFuzz(options: {
  runs: number;
  seed: number;
  typecheckEvery: number;
  log?: (line: string) => void;
}): Promise<FuzzReport> {
  const seeds = loadSeedSpecs();
  const folder = await mkdtemp(join(tmpdir(), 'specwire-fuzz-'));
  const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));
  const report: FuzzReport = { runs: 0, seed: options.seed, seeds: seeds.length, generated: 0, refused: 0, typechecked: 0, maxMs: 0, findings: [], topErrors: [] };
  const errorCounts = new Map<string, number>();
  const cases = fc.sample(fuzzCaseArbitrary(seeds.length), { numRuns: options.runs, seed: options.seed });
  try {
    for (const [index, fuzzCase] of cases.entries()) {
      const seed = seeds[fuzzCase.seed]!;
      const finding = (kind: FuzzFinding['kind'], detail: string) => report.findings.push({ kind, detail: detail.slice(0, 600), seedName: seed.name, case: fuzzCase });
      const document = structuredClone(seed.document);
      applyMutations({ document, mutations: fuzzCase.mutations });
      const specFile = join(folder, `spec-${index % 4}.${fuzzCase.yaml ? 'yaml' : 'json'}`);
      await writeFile(specFile, fuzzCase.yaml ? stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 }) : JSON.stringify(document));
      const started = performance.now();
      let result: GeneratedConnector | undefined;
      try {
        result = await generateConnector({ specFile, specLabel: 'fuzz.json', defaultName: 'fuzz', runtimeRange: 'workspace:*', generatorVersion: '0.1.0', timings: new StageTimings() });
      } catch (error) {
        if (isSpecwireError(error)) {
          report.refused++;
          if (error.format().includes('\n')) finding('multi-line-error', error.format());
          const shape = error.message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 90);
          errorCounts.set(shape, (errorCounts.get(shape) ?? 0) + 1);
        } else {
          finding('crash', error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error));
        }
      }
      const elapsed = performance.now() - started;
      report.maxMs = Math.max(report.maxMs, elapsed);
      if (elapsed > SLOW_MS) finding('slow', `${Math.round(elapsed)} ms`);
      if (result) {
        report.generated++;
        const problems = emittedFileProblems(result.files);
        if (problems.length > 0) finding('unsafe-output', problems.slice(0, 5).join('\n'));
        if (report.generated === 1 || report.generated % options.typecheckEvery === 0) {
          report.typechecked++;
          const problem = await checkPackage({ result, specFile });
          if (problem) finding(problem.startsWith('typecheck') ? 'typecheck' : 'import', problem);
        }
      }
      const pollution = pollutionOf(prototypeNames);
      if (pollution) finding('pollution', pollution);
      report.runs++;
      if (options.log && (index + 1) % 250 === 0) {
        options.log(`fuzz: ${index + 1}/${options.runs} runs, ${report.generated} generated, ${report.refused} refused, ${report.findings.length} findings, max ${Math.round(report.maxMs)} ms`);
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  report.topErrors = [...errorCounts].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return report;
}
