import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isSpecwireError } from '../errors/index.ts';
import { connectorNameFromFile, generateConnector } from '../pipeline/generate-connector.ts';
import { linkWorkspaceDependencies } from '../pipeline/link-dependencies.ts';
import { StageTimings } from '../pipeline/timings.ts';
import { findWorkspaceRoot, readGeneratorVersion } from '../pipeline/workspace.ts';
import { writePackageAtomically } from '../pipeline/write-package.ts';
import { testPackage, typecheckPackage } from './run-checks.ts';

/**
 * `pnpm corpus`: generates a connector for every spec of the shared corpus, type-checks it and runs
 * its tests, and prints one table row per spec. A spec may be rejected with a one-line error; a
 * crash, a package that does not type-check, or a failing test fails the run.
 */
interface Row {
  spec: string;
  operations: number | '';
  actions: number | '';
  result: string;
  seconds: number;
  failed: boolean;
}

async function main(): Promise<void> {
  const root = findWorkspaceRoot() ?? process.cwd();
  const corpusDir = resolve(process.env.SPECWIRE_CORPUS_DIR ?? join(root, '..', 'shared', 'corpus', 'specs'));
  if (!existsSync(corpusDir)) {
    process.stdout.write(`corpus: skipped, no corpus folder at ../shared/corpus/specs (set SPECWIRE_CORPUS_DIR to use another)\n`);
    return;
  }
  const filter = process.argv[2];
  const specs = (await readdir(corpusDir)).filter((file) => /\.(ya?ml|json)(\.gz)?$/.test(file) && (!filter || file.includes(filter))).sort();
  const workDir = await mkdtemp(join(tmpdir(), 'specwire-corpus-'));
  const generatorVersion = await readGeneratorVersion();
  const rows: Row[] = [];
  try {
    for (const spec of specs) rows.push(await checkSpec({ spec, corpusDir, workDir, root, generatorVersion }));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  printTable(rows);
  if (rows.some((row) => row.failed)) process.exitCode = 1;
}

async function checkSpec(options: { spec: string; corpusDir: string; workDir: string; root: string; generatorVersion: string }): Promise<Row> {
  const { spec, corpusDir, workDir, root, generatorVersion } = options;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const name = connectorNameFromFile(spec);
  let generated;
  try {
    generated = await generateConnector({
      specFile: join(corpusDir, spec),
      specLabel: spec,
      defaultName: name,
      runtimeRange: 'workspace:*',
      generatorVersion,
      timings: new StageTimings(),
    });
  } catch (error) {
    if (isSpecwireError(error)) return { spec, operations: '', actions: '', result: `rejected: ${error.format()}`, seconds: seconds(), failed: false };
    const message = error instanceof Error ? error.message : String(error);
    return { spec, operations: '', actions: '', result: `CRASH: ${message.split('\n')[0]}`, seconds: seconds(), failed: true };
  }
  const packageDir = join(workDir, name);
  await writePackageAtomically({ outDir: packageDir, files: generated.files });
  await linkWorkspaceDependencies({ outDir: packageDir, root });
  const base = { spec, operations: generated.operationCount, actions: generated.plan.actions.length };
  const typecheck = await typecheckPackage({ root, packageDir });
  if (!typecheck.ok) return { ...base, result: `TYPECHECK FAILED: ${typecheck.detail}`, seconds: seconds(), failed: true };
  const tests = await testPackage({ root, packageDir });
  if (!tests.ok) return { ...base, result: `TESTS FAILED: ${tests.detail}`, seconds: seconds(), failed: true };
  const warnings = generated.warnings.length ? ` (${generated.warnings.length} warnings)` : '';
  return { ...base, result: `ok${warnings}`, seconds: seconds(), failed: false };
}

function printTable(rows: Row[]): void {
  const width = Math.max(4, ...rows.map((row) => row.spec.length));
  const line = (cells: string[]) => process.stdout.write(`${cells.join('  ')}\n`);
  line(['spec'.padEnd(width), 'ops'.padStart(5), 'actions'.padStart(7), 'seconds'.padStart(7), 'result']);
  for (const row of rows) {
    line([row.spec.padEnd(width), String(row.operations).padStart(5), String(row.actions).padStart(7), row.seconds.toFixed(1).padStart(7), row.result]);
  }
  const ok = rows.filter((row) => row.result.startsWith('ok')).length;
  const rejected = rows.filter((row) => row.result.startsWith('rejected')).length;
  const failed = rows.filter((row) => row.failed).length;
  const total = rows.reduce((sum, row) => sum + row.seconds, 0);
  line([`total: ${rows.length} specs, ${ok} generated, typechecked and tested; ${rejected} rejected with a clean error; ${failed} failed; ${total.toFixed(1)} s`]);
}

main().catch((error: unknown) => {
  process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
