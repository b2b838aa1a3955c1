/**
 * Test helpers that put emitted files on disk in a temporary folder with just enough of a
 * node_modules to typecheck them: the workspace's own vitest and @types/node (symlinked), and either a
 * small stub of `@specwire/runtime` (built around the real definition types) or the real runtime.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { EmittedFile } from '../../src/emit/index.ts';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const WORKSPACE_ROOT = resolve(here, '../../..');
const RUNTIME_ROOT = join(WORKSPACE_ROOT, 'runtime');
const requireFromHere = createRequire(import.meta.url);

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `specwire-emit-${prefix}-`));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function writeEmittedFiles(options: { dir: string; files: EmittedFile[] }): Promise<void> {
  for (const file of options.files) {
    const target = join(options.dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
}

async function linkPackage(options: { dir: string; name: string; target: string }): Promise<void> {
  const link = join(options.dir, 'node_modules', options.name);
  await mkdir(dirname(link), { recursive: true });
  await symlink(options.target, link, 'dir');
}

/** Symlinks the workspace's vitest and @types/node into `<dir>/node_modules`. */
export async function linkWorkspaceTooling(dir: string): Promise<void> {
  await linkPackage({ dir, name: 'vitest', target: join(WORKSPACE_ROOT, 'node_modules', 'vitest') });
  await linkPackage({ dir, name: '@types/node', target: join(WORKSPACE_ROOT, 'node_modules', '@types', 'node') });
}

const STUB_INDEX_DTS = `import type { ConnectorDefinition } from "./definition.js";
export type * from "./definition.js";
export interface ConnectorOptions {
  credentials?: Record<string, string>;
  baseUrl?: string;
}
export interface ConnectorResponse<T = unknown> {
  success: boolean;
  data?: T;
  error?: { code: string; message: string };
}
export declare class BaseConnector {
  #private;
  constructor(definition: ConnectorDefinition, options: ConnectorOptions);
  executeAction<T = unknown>(actionId: string, input?: object): Promise<ConnectorResponse<T>>;
}
`;

// Like the real runtime, the stub keeps its state #private: an action may be called `options`.
const STUB_INDEX_JS = `export class BaseConnector {
  #definition;
  #options;
  constructor(definition, options) {
    this.#definition = definition;
    this.#options = options;
  }
  async executeAction(actionId, input) {
    return { success: true, data: { actionId, input } };
  }
}
`;

const STUB_TESTING_DTS = `export interface RecordedRequest {
  method: string;
  path: string;
  pathname: string;
  query: Record<string, string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  contentType: string | undefined;
}
export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}
export declare function startRecordingServer(): Promise<RecordingServer>;
export interface ActionRequestCase {
  actionId: string;
  input: Record<string, unknown>;
  expect: {
    method: string;
    path: string;
    query: Record<string, string[]>;
    headers: Record<string, string>;
    contentType?: string;
    jsonBody?: unknown;
    formBody?: Record<string, string[]>;
  };
}
export declare function checkActionRequest(options: { connector: unknown; server: RecordingServer; testCase: ActionRequestCase }): Promise<void>;
`;

/**
 * A stand-in for `@specwire/runtime` with the agreed exports. Its definition types are the real
 * ones (runtime/src/definition.ts holds only types, so it is valid as a .d.ts).
 */
export async function installStubRuntime(dir: string): Promise<void> {
  const root = join(dir, 'node_modules', '@specwire', 'runtime');
  await mkdir(root, { recursive: true });
  const definitionTypes = await readFile(join(RUNTIME_ROOT, 'src', 'definition.ts'), 'utf8');
  const packageJson = {
    name: '@specwire/runtime',
    version: '0.0.0-stub',
    type: 'module',
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './testing': { types: './testing.d.ts', default: './testing.js' },
    },
  };
  await writeFile(join(root, 'package.json'), JSON.stringify(packageJson));
  await writeFile(join(root, 'definition.d.ts'), definitionTypes);
  await writeFile(join(root, 'index.d.ts'), STUB_INDEX_DTS);
  await writeFile(join(root, 'index.js'), STUB_INDEX_JS);
  await writeFile(join(root, 'testing.d.ts'), STUB_TESTING_DTS);
  await writeFile(join(root, 'testing.js'), 'export async function startRecordingServer() { throw new Error("stub"); }\nexport async function checkActionRequest() { throw new Error("stub"); }\n');
}

/**
 * True once the real runtime exports what generated code imports (BaseConnector and the
 * `./testing` entry); until then the tests that need it are skipped.
 */
export async function realRuntimeIsReady(): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(RUNTIME_ROOT, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
    const index = await readFile(join(RUNTIME_ROOT, 'src', 'index.ts'), 'utf8');
    return manifest.exports?.['./testing'] !== undefined && /\bBaseConnector\b/.test(index);
  } catch {
    return false;
  }
}

export async function linkRealRuntime(dir: string): Promise<void> {
  await linkPackage({ dir, name: '@specwire/runtime', target: RUNTIME_ROOT });
}

export interface CommandResult {
  ok: boolean;
  output: string;
}

async function runNode(options: { args: string[]; cwd: string; timeoutMs: number }): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, options.args, {
      cwd: options.cwd,
      timeout: options.timeoutMs,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` || failure.message };
  }
}

/** Runs the workspace's own `tsc -p tsconfig.json` in `dir`. */
export async function typecheck(dir: string): Promise<CommandResult> {
  const tsc = join(dirname(requireFromHere.resolve('typescript/package.json')), 'bin', 'tsc');
  return runNode({ args: [tsc, '-p', 'tsconfig.json'], cwd: dir, timeoutMs: 120_000 });
}

/** Runs the workspace's vitest on the generated tests in `dir`. */
export async function runGeneratedTests(dir: string): Promise<CommandResult> {
  const vitest = join(WORKSPACE_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  return runNode({ args: [vitest, 'run', '--root', dir], cwd: dir, timeoutMs: 120_000 });
}
