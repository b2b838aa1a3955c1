/**
 * Emitted packages on disk: they typecheck with the workspace's tsc, and importing them runs nothing
 * that came from the spec. Uses a stub `@specwire/runtime` with the agreed exports (and the real
 * definition types); the real runtime is exercised in the last block once it exports its classes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectorDefinition } from '@specwire/runtime';
import { emitConnector, emitRegistry } from '../../src/emit/index.ts';
import {
  installStubRuntime,
  linkRealRuntime,
  linkWorkspaceTooling,
  makeTempDir,
  realRuntimeIsReady,
  removeTempDir,
  runGeneratedTests,
  typecheck,
  writeEmittedFiles,
} from './emitted-package.ts';
import { HOSTILE, makeConnectorPlan, makeHostilePlan, makeManyOperations, makeRegistryPlan } from './factories.ts';

const OPTIONS = { generatorVersion: '0.1.0' };
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map(removeTempDir));
});

async function emitToTempDir(plan: ReturnType<typeof makeConnectorPlan>, runtime: 'stub' | 'real' = 'stub'): Promise<string> {
  const dir = await makeTempDir(plan.name);
  tempDirs.push(dir);
  await writeEmittedFiles({ dir, files: await emitConnector(plan, OPTIONS) });
  await linkWorkspaceTooling(dir);
  if (runtime === 'stub') await installStubRuntime(dir);
  else await linkRealRuntime(dir);
  return dir;
}

interface EmittedModule {
  definition: ConnectorDefinition;
  AcmeConnector: new (options?: object) => Record<string, (input: object) => Promise<{ success: boolean; data?: unknown }>>;
}

function pwned(): unknown {
  return (globalThis as Record<string, unknown>).PWNED;
}

describe('emitted connector packages typecheck', () => {
  it('typechecks the sample package (every type-shape variant, test file included)', async () => {
    const dir = await emitToTempDir(makeConnectorPlan());
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('fails to typecheck when an alias indexes a location the operation lacks (the check can fail)', async () => {
    const plan = makeConnectorPlan();
    plan.actions[2]!.typeShape.output = { status: '200', mediaType: 'application/json' };
    const dir = await emitToTempDir(plan);
    const result = await typecheck(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('src/types.gen.ts');
  });

  it('types inputs from the spec: renamed and optional body fields keep their optionality', async () => {
    const dir = await emitToTempDir(makeConnectorPlan({ cases: [] }));
    await writeFile(
      join(dir, 'src', 'usage.ts'),
      [
        'import type { IssuesCreateInput, GistsUpdateInput, MarkdownRenderInput, IssuesCreateOutput } from "./index.ts";',
        'export const ok: IssuesCreateInput = { owner: "o", repo: "r", title: "t" };',
        'export const renamed: IssuesCreateInput = { owner: "o", repo: "r", title: "t", body_owner: "b", labels: "l" };',
        '// @ts-expect-error the renamed body property is no longer called `owner` twice, and title is required',
        'export const missingTitle: IssuesCreateInput = { owner: "o", repo: "r" };',
        '// @ts-expect-error path parameters are required',
        'export const missingPath: IssuesCreateInput = { title: "t" };',
        'export const optionalBody: GistsUpdateInput = { gist_id: "g", dry_run: "1" };',
        'export const partial: MarkdownRenderInput = {};',
        'export const output: IssuesCreateOutput = { id: 1 };',
        '// @ts-expect-error the output type comes from the response schema',
        'export const badOutput: IssuesCreateOutput = { id: "1" };',
        '',
      ].join('\n'),
    );
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('keeps hostile spec text inert: typechecks, imports, runs nothing, and reads back exactly', async () => {
    const plan = makeHostilePlan();
    const dir = await emitToTempDir(plan);
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);

    const loaded = (await import(pathToFileURL(join(dir, 'src', 'index.ts')).href)) as EmittedModule;
    expect(pwned()).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(loaded.definition)).toBe(JSON.stringify(plan.definition));
    expect(loaded.definition.supported_actions[0]!.api.endpoint).toBe(HOSTILE.quotePath);
    expect(loaded.definition.supported_actions[1]!.api.endpoint).toBe(HOSTILE.templatePath);
    expect(Object.keys(loaded.definition.supported_actions[0]!.inputSchema)[0]).toBe('__proto__');

    const connector = new loaded.AcmeConnector({});
    const response = await connector.evilPath!({ x: 1 });
    expect(response.data).toEqual({ actionId: 'evil_path', input: { x: 1 } });
    expect(pwned()).toBeUndefined();
  });

  it('typechecks 1,000 operations', async () => {
    const plan = makeConnectorPlan({ operations: makeManyOperations(1000), cases: [] });
    const dir = await emitToTempDir(plan);
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});

describe('emitted registry', () => {
  it('typechecks against real emitted connector packages and loads connectors only on demand', async () => {
    const dir = await makeTempDir('registry');
    tempDirs.push(dir);
    const registry = makeRegistryPlan(['acme', 'big-co']);
    await writeEmittedFiles({ dir, files: emitRegistry(registry, { dependencyRange: 'workspace:*' }) });
    await linkWorkspaceTooling(dir);
    await installStubRuntime(dir);
    // acme: a real emitted package (types only are read from it); big-co: a plain JS package to load.
    const acmeDir = join(dir, 'node_modules', '@specwire', 'connector-acme');
    await writeEmittedFiles({ dir: acmeDir, files: await emitConnector(makeConnectorPlan({ cases: [] }), OPTIONS) });
    const bigCoDir = join(dir, 'node_modules', '@specwire', 'connector-big-co');
    await mkdir(bigCoDir, { recursive: true });
    await writeFile(
      join(bigCoDir, 'package.json'),
      JSON.stringify({ name: '@specwire/connector-big-co', type: 'module', exports: { '.': { types: './index.d.ts', default: './index.js' } } }),
    );
    await writeFile(join(bigCoDir, 'index.d.ts'), 'export declare class BigCoConnector {}\n');
    await writeFile(join(bigCoDir, 'index.js'), 'globalThis.BIG_CO_LOADED = true;\nexport class BigCoConnector {}\n');
    await writeFile(
      join(dir, 'src', 'usage.ts'),
      [
        'import { loadConnector } from "./index.ts";',
        'export async function use(): Promise<void> {',
        '  const acme = await loadConnector("acme");',
        '  const connector = new acme.AcmeConnector({});',
        '  await connector.issuesCreate({ owner: "o", repo: "r", title: "t" });',
        '  // @ts-expect-error unknown connector names are a type error too',
        '  await loadConnector("nope");',
        '}',
        '',
      ].join('\n'),
    );
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);

    const loaded = (await import(pathToFileURL(join(dir, 'src', 'index.ts')).href)) as {
      connectorNames: string[];
      connectorInfo: Record<string, { displayName: string; packageName: string; className: string }>;
      loadConnector: (name: string) => Promise<Record<string, unknown>>;
    };
    const globals = globalThis as Record<string, unknown>;
    expect(globals.BIG_CO_LOADED).toBeUndefined();
    expect(loaded.connectorNames).toEqual(['acme', 'big-co']);
    expect(loaded.connectorInfo['big-co']).toEqual({ displayName: 'BIG-CO', packageName: '@specwire/connector-big-co', className: 'BigCoConnector' });
    const bigCo = await loaded.loadConnector('big-co');
    expect(typeof bigCo.BigCoConnector).toBe('function');
    expect(globals.BIG_CO_LOADED).toBe(true);
    await expect(loaded.loadConnector('nope')).rejects.toThrow('Unknown connector "nope"; known connectors: acme, big-co');
  }, 60_000);

  it('typechecks with no connectors at all', async () => {
    const dir = await makeTempDir('registry-empty');
    tempDirs.push(dir);
    await writeEmittedFiles({ dir, files: emitRegistry(makeRegistryPlan([]), { dependencyRange: 'workspace:*' }) });
    await linkWorkspaceTooling(dir);
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});

describe('emitted registry build', () => {
  it('builds to ESM and CommonJS with declarations, which Node imports and requires', async () => {
    const dir = await makeTempDir('registry-build');
    tempDirs.push(dir);
    await writeEmittedFiles({ dir, files: emitRegistry(makeRegistryPlan(['big-co']), { dependencyRange: '^0.1.0' }) });
    await linkWorkspaceTooling(dir);
    // A published connector as the registry sees it: ESM and CommonJS entries, top-level types.
    const bigCoDir = join(dir, 'node_modules', '@specwire', 'connector-big-co');
    await mkdir(bigCoDir, { recursive: true });
    await writeFile(
      join(bigCoDir, 'package.json'),
      JSON.stringify({
        name: '@specwire/connector-big-co',
        type: 'module',
        main: './index.cjs',
        types: './index.d.ts',
        exports: { '.': { types: './index.d.ts', import: './index.js', require: './index.cjs' } },
      }),
    );
    await writeFile(join(bigCoDir, 'index.d.ts'), 'export declare class BigCoConnector {}\n');
    await writeFile(join(bigCoDir, 'index.js'), 'export class BigCoConnector {}\n');
    await writeFile(join(bigCoDir, 'index.cjs'), 'exports.BigCoConnector = class BigCoConnector {};\n');

    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    // The emitted build script, with the workspace's tsc for the one on PATH.
    execFileSync('sh', ['-c', manifest.scripts.build.replaceAll('tsc -p', `"${process.execPath}" "${tsc}" -p`)], { cwd: dir, stdio: 'pipe' });
    for (const file of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const check = [
      'const registry = require("@specwire/connectors");',
      'registry.loadConnector("big-co").then((module) => {',
      '  console.log(JSON.stringify({ names: registry.connectorNames, loaded: typeof module.BigCoConnector }));',
      '});',
    ].join('\n');
    const esmCheck = [
      'const registry = await import("@specwire/connectors");',
      'const module = await registry.loadConnector("big-co");',
      'console.log(JSON.stringify({ names: registry.connectorNames, loaded: typeof module.BigCoConnector }));',
    ].join('\n');
    // The registry resolves itself by name from a host folder beside it, as an installed package would.
    const host = join(dir, 'host');
    await mkdir(join(host, 'node_modules', '@specwire'), { recursive: true });
    await symlink(dir, join(host, 'node_modules', '@specwire', 'connectors'));
    const expected = { names: ['big-co'], loaded: 'function' };
    expect(JSON.parse(execFileSync(process.execPath, ['-e', check], { cwd: host, encoding: 'utf8' }))).toEqual(expected);
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', esmCheck], { cwd: host, encoding: 'utf8' }))).toEqual(expected);
  }, 120_000);
});

describe.skipIf(!(await realRuntimeIsReady()))('emitted package with the real runtime', () => {
  it('typechecks and its generated tests pass against the recording server', async () => {
    const dir = await emitToTempDir(makeConnectorPlan(), 'real');
    const checked = await typecheck(dir);
    expect(checked.output).toBe('');
    expect(checked.ok).toBe(true);
    const tested = await runGeneratedTests(dir);
    expect(tested.output).toMatch(/Tests\s+\d+ passed/);
    expect(tested.ok).toBe(true);
  }, 120_000);

  it('its generated tests fail when the runtime sends something other than planned', async () => {
    const plan = makeConnectorPlan();
    plan.tests.cases[0]!.expect.headers['x-request-id'] = 'not-what-was-sent';
    const dir = await emitToTempDir(plan, 'real');
    const tested = await runGeneratedTests(dir);
    expect(tested.ok).toBe(false);
    expect(tested.output).toContain('header x-request-id');
  }, 120_000);
});
