/**
 * The shared corpus (`../shared/corpus/specs`, or SPECWIRE_CORPUS_DIR): each spec generated into a
 * scratch package, type-checked and tested with the workspace's tsc and vitest (as a user would),
 * and judged by the conformance check. Prints a line per spec, then a per-spec conformance table.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connectorNameFromFile } from '../pipeline/generate-connector.ts';
import { linkWorkspaceDependencies } from '../pipeline/link-dependencies.ts';
import { writePackageAtomically } from '../pipeline/write-package.ts';
import { checkSpec } from './check-spec.ts';
import type { CorpusArgs } from './corpus-args.ts';
import { writeReportSection } from './corpus-report.ts';
import { printWarnings } from './print-warnings.ts';
import { testPackage, typecheckPackage } from './run-checks.ts';
import { hasFailed, type SpecResult } from './spec-result.ts';
import { formatDuration, summaryMarkdown, totalsLine, totalsOf, validShare } from './summarise.ts';

export async function runSharedCorpus(options: { args: CorpusArgs; root: string; generatorVersion: string; started: number }): Promise<SpecResult[]> {
  const { args, root } = options;
  const corpusDir = resolve(process.env.SPECWIRE_CORPUS_DIR ?? join(root, '..', 'shared', 'corpus', 'specs'));
  if (!existsSync(corpusDir)) {
    process.stdout.write('corpus: skipped, no corpus folder at ../shared/corpus/specs (set SPECWIRE_CORPUS_DIR to use another)\n');
    return [];
  }
  const specs = (await readdir(corpusDir)).filter((file) => /\.(ya?ml|json)(\.gz)?$/.test(file) && (!args.filter || file.includes(args.filter))).sort();
  process.stdout.write(`corpus: ${specs.length} specs from the shared corpus\n`);
  const workDir = await mkdtemp(join(tmpdir(), 'specwire-corpus-'));
  const results: SpecResult[] = [];
  try {
    for (const [index, spec] of specs.entries()) {
      const result = await checkSharedSpec({ spec, corpusDir, workDir, root, generatorVersion: options.generatorVersion });
      results.push(result);
      const elapsed = formatDuration((performance.now() - options.started) / 1000);
      process.stdout.write(`[${String(index + 1).padStart(2)}/${specs.length} ${elapsed.padStart(10)}] ${lineOf(result)}\n`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  printConformanceTable(results);
  const wallSeconds = (performance.now() - options.started) / 1000;
  process.stdout.write(`total: ${totalsLine(totalsOf(results))}; ${formatDuration(wallSeconds)}\n`);
  if (args.warnings) printWarnings(results);
  else {
    const count = results.reduce((sum, result) => sum + Object.values(result.warnings ?? {}).reduce((a, b) => a + b, 0), 0);
    if (count > 0) process.stdout.write(`${count} warnings: pnpm corpus --warnings lists them by kind\n`);
  }
  if (!args.filter) {
    const how = '`pnpm corpus`: each spec of the shared corpus generated into a scratch package, typechecked with tsc, its generated tests run with vitest, every action judged by the conformance check.';
    await writeReportSection({ file: join(root, 'docs', 'CORPUS.md'), section: 'shared', markdown: `${summaryMarkdown({ title: 'Shared corpus', how, results, wallSeconds })}\n\n${conformanceMarkdown(results)}` });
  }
  return results;
}

async function checkSharedSpec(options: { spec: string; corpusDir: string; workDir: string; root: string; generatorVersion: string }): Promise<SpecResult> {
  const { spec, root } = options;
  const started = performance.now();
  const name = connectorNameFromFile(spec);
  const { result, generated } = await checkSpec({ spec, specFile: join(options.corpusDir, spec), name, generatorVersion: options.generatorVersion });
  if (!generated || result.status !== 'generated') return result;
  const packageDir = join(options.workDir, name);
  await writePackageAtomically({ outDir: packageDir, files: generated.files });
  await linkWorkspaceDependencies({ outDir: packageDir, root });
  const typecheck = await typecheckPackage({ root, packageDir });
  result.typecheck = { ok: typecheck.ok, detail: typecheck.detail };
  if (typecheck.ok) {
    const tests = await testPackage({ root, packageDir });
    result.tests = { ok: tests.ok, detail: tests.detail };
  }
  result.seconds = Math.round((performance.now() - started) / 100) / 10;
  return result;
}

function lineOf(result: SpecResult): string {
  const time = `${result.seconds.toFixed(1)} s`;
  if (result.status === 'refused') return `refused  ${result.spec}: ${result.refusal ?? ''} (${time})`;
  if (result.status === 'crash') return `CRASH    ${result.spec}: ${(result.crash ?? '').split('\n')[0]} (${time})`;
  const problems = [
    result.typecheck?.ok === false ? `TYPECHECK FAILED: ${result.typecheck.detail}` : '',
    result.tests?.ok === false ? `TESTS FAILED: ${result.tests.detail}` : '',
  ].filter(Boolean);
  const c = result.conformance;
  const conformance = c ? `conformance ${c.valid}/${c.invalid}/${c.refused}/${c.contradiction}` : `judge: ${result.judgeError ?? 'not run'}`;
  return `${hasFailed(result) ? 'FAILED' : 'ok    '}   ${result.spec}: ${result.operations ?? 0} ops, ${result.actions ?? 0} actions, ${problems.join('; ') || 'typechecked and tested'}, ${conformance} (${time})`;
}

function printConformanceTable(results: readonly SpecResult[]): void {
  const rows = results.filter((result) => result.conformance);
  if (rows.length === 0) return;
  const width = Math.max(4, ...rows.map((row) => row.spec.length));
  const line = (cells: string[]): boolean => process.stdout.write(`${cells.join('  ')}\n`);
  line(['spec'.padEnd(width), 'valid'.padStart(6), 'invalid'.padStart(7), 'refused'.padStart(7), 'contradiction'.padStart(13), 'unsampled'.padStart(9)]);
  for (const row of rows) {
    const c = row.conformance!;
    line([row.spec.padEnd(width), String(c.valid).padStart(6), String(c.invalid).padStart(7), String(c.refused).padStart(7), String(c.contradiction).padStart(13), String(c.unsampled).padStart(9)]);
  }
}

function conformanceMarkdown(results: readonly SpecResult[]): string {
  const lines = ['| spec | valid | invalid | refused | contradiction | unsampled | valid share |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const result of results) {
    const c = result.conformance;
    if (!c) continue;
    lines.push(`| ${result.spec} | ${c.valid} | ${c.invalid} | ${c.refused} | ${c.contradiction} | ${c.unsampled} | ${validShare(c)} |`);
  }
  return lines.join('\n');
}
