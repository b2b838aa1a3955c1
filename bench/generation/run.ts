/**
 * `pnpm bench`: specwire's generation next to openapi-typescript alone and @hey-api/openapi-ts, on the
 * full GitHub spec (every operation, no override) and Stripe's when ../shared/corpus/specs has it.
 * Every step runs in its own process under /usr/bin/time (wall time, peak RSS); tools also report
 * their own work time, without Node's start-up. Results go to the console and into
 * docs/BENCHMARKS.md between the bench markers. Not run in CI: it takes minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'bench', '.out', 'generation');
const DOC = join(ROOT, 'docs', 'BENCHMARKS.md');
const HERE = 'bench/generation';

interface Measured {
  /** Wall time of the whole process, Node start-up included. */
  wallMs: number;
  /** Work time the step measured itself (absent for tsc). */
  ms?: number;
  maxRssKb: number;
  extra: Record<string, unknown>;
}

/** Runs `node [--import tsx] <args>` under /usr/bin/time and collects what it reported. */
function measure(options: { label: string; args: string[]; tsx?: boolean; cwd?: string }): Measured {
  const timeFile = join(OUT, 'time.txt');
  const resultFile = join(OUT, 'result.json');
  rmSync(resultFile, { force: true });
  const node = [...(options.tsx === false ? [] : ['--import', 'tsx']), ...options.args];
  process.stdout.write(`  ${options.label} … `);
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, process.execPath, ...node], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, BENCH_RESULT: resultFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stdout.write('failed\n');
    throw new Error(`${options.label} exited ${run.status}:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  }
  const [seconds, rss] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ');
  const reported = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, unknown>) : {};
  const measured: Measured = { wallMs: Number(seconds) * 1000, ms: reported.ms as number | undefined, maxRssKb: Number(rss), extra: reported };
  process.stdout.write(`${formatMs(measured.ms ?? measured.wallMs)}, ${formatMb(measured.maxRssKb)}\n`);
  return measured;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function formatMb(kb: number): string {
  return `${Math.round(kb / 1024)} MB`;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function packageVersion(name: string, from: string = ROOT): string {
  return (JSON.parse(readFileSync(join(from, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A throwaway workspace holding one spec (symlinked, never copied), so specwire generates it without overrides. */
function prepareWorkspace(options: { name: string; spec: string }): string {
  const root = join(OUT, options.name, 'workspace');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'specs'), { recursive: true });
  symlinkSync(options.spec, join(root, 'specs', `${options.name}${options.spec.endsWith('.json') ? '.json' : extname(options.spec)}`));
  return root;
}

/** tsc over some files with the same options for every tool (bundler resolution: hey-api imports without extensions). */
function writeTsconfig(options: { file: string; include: string[] }): void {
  const compilerOptions = {
    target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM'], types: ['node'], strict: true,
    skipLibCheck: true, noEmit: true, allowImportingTsExtensions: true, isolatedModules: true,
  };
  writeFileSync(options.file, JSON.stringify({ compilerOptions, include: options.include }, null, 2));
}

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface SpecRow {
  name: string;
  operations: string;
  specwire: Measured;
  noChange: Measured;
  openapiTs: Measured;
  heyApi: Measured;
  typecheck?: { specwire: Measured; heyApi: Measured; openapiTs: Measured };
}

function benchSpec(options: { name: string; spec: string; typecheck: boolean }): SpecRow {
  const { name, spec } = options;
  console.log(`${name}: ${spec}`);
  const dir = join(OUT, name);
  const workspace = prepareWorkspace({ name, spec });
  const specwire = measure({ label: 'specwire full generation', args: [`${HERE}/child-specwire.ts`, workspace, 'full'] });
  const noChange = measure({ label: 'specwire no-change regeneration', args: [`${HERE}/child-specwire.ts`, workspace, 'nochange'] });
  const openapiTsFile = join(dir, 'openapi-typescript', 'schema.ts');
  mkdirSync(dirname(openapiTsFile), { recursive: true });
  const openapiTs = measure({ label: 'openapi-typescript alone', args: [`${HERE}/child-openapi-typescript.ts`, spec, openapiTsFile] });
  const heyApiDir = join(dir, 'hey-api');
  rmSync(heyApiDir, { recursive: true, force: true });
  const heyApi = measure({ label: '@hey-api/openapi-ts (default SDK)', args: [`${HERE}/child-hey-api.ts`, spec, heyApiDir] });
  const actions = (specwire.extra.actions as number[] | undefined)?.[0];
  const row: SpecRow = { name, operations: actions === undefined ? '?' : String(actions), specwire, noChange, openapiTs, heyApi };
  if (options.typecheck) {
    const connector = join(workspace, 'generated', name);
    // The generated package imports @specwire/runtime; outside the install it is linked to the workspace's.
    mkdirSync(join(connector, 'node_modules', '@specwire'), { recursive: true });
    if (!existsSync(join(connector, 'node_modules', '@specwire', 'runtime'))) symlinkSync(join(ROOT, 'runtime'), join(connector, 'node_modules', '@specwire', 'runtime'), 'dir');
    const configs = {
      specwire: { file: join(dir, 'tsconfig.specwire.json'), include: [`workspace/generated/${name}/src/**/*.ts`] },
      heyApi: { file: join(dir, 'tsconfig.hey-api.json'), include: ['hey-api/**/*.ts'] },
      openapiTs: { file: join(dir, 'tsconfig.openapi-typescript.json'), include: ['openapi-typescript/schema.ts'] },
    };
    for (const config of Object.values(configs)) writeTsconfig(config);
    row.typecheck = {
      specwire: measure({ label: 'tsc: specwire connector (definition, class, types)', args: [TSC, '-p', configs.specwire.file], tsx: false }),
      heyApi: measure({ label: 'tsc: hey-api output', args: [TSC, '-p', configs.heyApi.file], tsx: false }),
      openapiTs: measure({ label: 'tsc: openapi-typescript types alone', args: [TSC, '-p', configs.openapiTs.file], tsx: false }),
    };
  }
  return row;
}

/** The project's own connectors (overrides/ + specs/), generated on one thread and on a pool. */
function benchWorkspace(): { oneThread: Measured; pool: Measured; workers: number; noChange: Measured } {
  console.log('workspace: overrides/ + specs/');
  const root = join(OUT, 'workspace');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const folder of ['overrides', 'specs']) if (existsSync(join(ROOT, folder))) cpSync(join(ROOT, folder), join(root, folder), { recursive: true });
  const workers = Math.min(availableParallelism(), 4);
  const oneThread = measure({ label: 'pnpm generate --force, 1 thread', args: [`${HERE}/child-specwire.ts`, root, 'full', '1'] });
  const pool = measure({ label: `pnpm generate --force, ${workers} worker threads`, args: [`${HERE}/child-specwire.ts`, root, 'full', String(workers)] });
  const noChange = measure({ label: 'pnpm generate, nothing changed', args: [`${HERE}/child-specwire.ts`, root, 'nochange'] });
  return { oneThread, pool, workers, noChange };
}

function benchImports(): { registry: Measured; one: Measured } {
  console.log('imports (the committed generated/ packages)');
  const registry = join(ROOT, 'generated', 'registry', 'src', 'index.ts');
  const one = join(ROOT, 'generated', 'github', 'src', 'index.ts');
  // Once each untimed, so tsx's transform cache is warm for both alike.
  measure({ label: 'warm-up', args: [`${HERE}/child-import.ts`, registry] });
  measure({ label: 'warm-up', args: [`${HERE}/child-import.ts`, one] });
  return {
    registry: measure({ label: 'import @specwire/connectors (registry of all)', args: [`${HERE}/child-import.ts`, registry] }),
    one: measure({ label: 'import @specwire/connector-github (one)', args: [`${HERE}/child-import.ts`, one] }),
  };
}

function renderReport(options: { rows: SpecRow[]; skipped: string[]; workspace: ReturnType<typeof benchWorkspace>; imports: ReturnType<typeof benchImports> }): string {
  const { rows, workspace, imports } = options;
  const work = (measured: Measured): number => measured.ms ?? measured.wallMs;
  const lines: string[] = [];
  const memory = `${Math.round(totalmem() / 1024 ** 3)} GiB`;
  lines.push(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${memory} memory, Node ${process.version}, ${process.platform}.`,
    `Versions: @specwire/generator ${JSON.parse(readFileSync(join(ROOT, 'generator', 'package.json'), 'utf8')).version}, openapi-typescript ${packageVersion('openapi-typescript', join(ROOT, 'generator'))}, @hey-api/openapi-ts ${packageVersion('@hey-api/openapi-ts')}, typescript ${packageVersion('typescript')}, @octokit/openapi ${packageVersion('@octokit/openapi')}.`,
    '',
    'Generation (time = work time reported by the step; process wall time, Node start-up included, in brackets):',
    '',
    '| spec | actions | specwire full | openapi-typescript | hey-api | specwire ÷ openapi-ts | specwire ÷ hey-api | no-change regen | no-change ÷ full |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const row of rows) {
    lines.push(
      `| ${row.name} | ${row.operations} | ${formatMs(work(row.specwire))} (${formatMs(row.specwire.wallMs)}) | ${formatMs(work(row.openapiTs))} (${formatMs(row.openapiTs.wallMs)}) | ${formatMs(work(row.heyApi))} (${formatMs(row.heyApi.wallMs)}) | ${ratio(work(row.specwire), work(row.openapiTs))} | ${ratio(work(row.specwire), work(row.heyApi))} | ${formatMs(work(row.noChange))} (${formatMs(row.noChange.wallMs)}) | ${(100 * work(row.noChange) / work(row.specwire)).toFixed(1)}% |`,
    );
  }
  lines.push('', 'Peak memory (max RSS of the process):', '', '| spec | specwire | openapi-typescript | hey-api | specwire ÷ openapi-ts | specwire ÷ hey-api |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    lines.push(`| ${row.name} | ${formatMb(row.specwire.maxRssKb)} | ${formatMb(row.openapiTs.maxRssKb)} | ${formatMb(row.heyApi.maxRssKb)} | ${ratio(row.specwire.maxRssKb, row.openapiTs.maxRssKb)} | ${ratio(row.specwire.maxRssKb, row.heyApi.maxRssKb)} |`);
  }
  const typechecked = rows.filter((row) => row.typecheck);
  if (typechecked.length > 0) {
    lines.push('', 'Type-check (`tsc --noEmit`, same options for all, process wall time):', '', '| spec | specwire connector src | hey-api output | openapi-typescript types alone | specwire ÷ hey-api | specwire ÷ openapi-ts |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const row of typechecked) {
      const t = row.typecheck!;
      lines.push(`| ${row.name} | ${formatMs(t.specwire.wallMs)} (${formatMb(t.specwire.maxRssKb)}) | ${formatMs(t.heyApi.wallMs)} (${formatMb(t.heyApi.maxRssKb)}) | ${formatMs(t.openapiTs.wallMs)} (${formatMb(t.openapiTs.maxRssKb)}) | ${ratio(t.specwire.wallMs, t.heyApi.wallMs)} | ${ratio(t.specwire.wallMs, t.openapiTs.wallMs)} |`);
    }
  }
  lines.push(
    '',
    'The workspace (every connector of overrides/ + specs/):',
    '',
    '| run | time | peak memory |',
    '| --- | ---: | ---: |',
    `| full, 1 thread | ${formatMs(work(workspace.oneThread))} (${formatMs(workspace.oneThread.wallMs)}) | ${formatMb(workspace.oneThread.maxRssKb)} |`,
    `| full, ${workspace.workers} worker threads | ${formatMs(work(workspace.pool))} (${formatMs(workspace.pool.wallMs)}) | ${formatMb(workspace.pool.maxRssKb)} |`,
    `| nothing changed | ${formatMs(work(workspace.noChange))} (${formatMs(workspace.noChange.wallMs)}) | ${formatMb(workspace.noChange.maxRssKb)} |`,
    '',
    'Imports (fresh process each, tsx transform cache warm; time of the `import()` itself):',
    '',
    '| module | time | ratio |',
    '| --- | ---: | ---: |',
    `| registry of all connectors | ${formatMs(work(imports.registry))} | ${ratio(work(imports.registry), work(imports.one))} |`,
    `| one connector (github) | ${formatMs(work(imports.one))} | 1.00× |`,
  );
  if (options.skipped.length > 0) lines.push('', ...options.skipped.map((line) => `Skipped: ${line}`));
  lines.push('', `Load average at the end of the run: ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim()}.`);
  return lines.join('\n');
}

mkdirSync(OUT, { recursive: true });
const rows: SpecRow[] = [];
const skipped: string[] = [];
rows.push(benchSpec({ name: 'github', spec: join(ROOT, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'), typecheck: true }));
const stripe = join(ROOT, '..', 'shared', 'corpus', 'specs', 'stripe.yaml');
if (existsSync(stripe)) rows.push(benchSpec({ name: 'stripe', spec: stripe, typecheck: process.argv.includes('--typecheck-all') }));
else {
  skipped.push('stripe: ../shared/corpus/specs/stripe.yaml is absent');
  console.log('stripe: skipped (../shared/corpus/specs/stripe.yaml is absent)');
}
const workspace = benchWorkspace();
const imports = benchImports();
const report = renderReport({ rows, skipped, workspace, imports });
console.log(`\n${report}\n`);
if (existsSync(DOC)) {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf('<!-- bench:start -->');
  const end = doc.indexOf('<!-- bench:end -->');
  if (start >= 0 && end > start) {
    writeFileSync(DOC, `${doc.slice(0, start)}<!-- bench:start -->\n${report}\n${doc.slice(end)}`);
    console.log('results written into docs/BENCHMARKS.md');
  }
}
