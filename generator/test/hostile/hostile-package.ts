/**
 * Test helpers for the hostile-spec suite: run the whole pipeline in memory, write the package where
 * `specwire generate --out` would, typecheck it with the workspace's tsc, and import it in a fresh
 * Node process that then reports whether anything from the spec ran.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { LoadedOverrides } from '../../src/override/index.ts';
import { generateConnector, type GeneratedConnector } from '../../src/pipeline/generate-connector.ts';
import { linkWorkspaceDependencies } from '../../src/pipeline/link-dependencies.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { writePackageAtomically } from '../../src/pipeline/write-package.ts';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const WORKSPACE_ROOT = resolve(here, '../../..');
export const HOSTILE_FIXTURES = resolve(here, '../fixtures/hostile');
const requireFromHere = createRequire(import.meta.url);
const TSX_LOADER = pathToFileURL(join(WORKSPACE_ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href;

export interface GeneratedPackage {
  dir: string;
  result: GeneratedConnector;
}

/** generateConnector in memory, then write + link exactly as the CLI does, into a fresh temp folder. */
export async function generatePackage(options: {
  specFile: string;
  name: string;
  allowExternalRefs?: boolean;
  overrides?: LoadedOverrides;
}): Promise<GeneratedPackage> {
  const result = await generateConnector({
    specFile: options.specFile,
    specLabel: `specs/${options.name}.yaml`,
    overrides: options.overrides,
    defaultName: options.name,
    runtimeRange: 'workspace:*',
    generatorVersion: '0.1.0',
    allowExternalRefs: options.allowExternalRefs,
    timings: new StageTimings(),
  });
  const parent = await mkdtemp(join(tmpdir(), `specwire-hostile-${options.name}-`));
  const dir = join(parent, 'package');
  await writePackageAtomically({ outDir: dir, files: result.files });
  await linkWorkspaceDependencies({ outDir: dir, root: WORKSPACE_ROOT });
  return { dir, result };
}

export async function removePackage(dir: string): Promise<void> {
  await rm(dirname(dir), { recursive: true, force: true });
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
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NODE_OPTIONS: '' },
    });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` || failure.message };
  }
}

/** The workspace's own `tsc -p tsconfig.json` in the package folder (src and the generated test). */
export async function typecheckPackage(dir: string): Promise<CommandResult> {
  const tsc = join(dirname(requireFromHere.resolve('typescript/package.json')), 'bin', 'tsc');
  return runNode({ args: [tsc, '-p', 'tsconfig.json'], cwd: dir, timeoutMs: 120_000 });
}

/** What the fresh process saw; `pwned`/`polluted` must stay undefined. */
export interface ImportReport {
  pwnedBefore: unknown;
  pwned: unknown;
  polluted: unknown;
  /** Own names Object.prototype gained while importing and running. */
  prototypeAdditions: string[];
  exports: string[];
  actionIds: string[];
  /** `ok` or the error code each action returned for an empty input. */
  outcomes: Record<string, string>;
  /** Action ids whose executeAction call threw instead of returning a result. */
  threw: string[];
  /** URLs the connector asked its (fake) fetch for. */
  requested: string[];
  /** Milliseconds the pattern-validation probe took, when the package has a `^(a+)+$` field. */
  redosMs?: number;
  redosSuccess?: boolean;
}

/**
 * The probe run in the fresh process. It imports the package, constructs its connector with a fake
 * fetch (no network), calls every action with empty input and one with an input crafted against
 * `^(a+)+$`, and prints a JSON report. Spec text is never part of this script: it reaches it only as
 * data read from the generated module.
 */
const PROBE = `
const before = new Set(Object.getOwnPropertyNames(Object.prototype));
const pwnedBefore = globalThis.PWNED;
const mod = await import(process.argv[2]);
const requested = [];
const fakeFetch = async (url) => {
  requested.push(String(url));
  return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
};
const Connector = Object.values(mod).find((value) => typeof value === "function");
const connector = new Connector({ fetch: fakeFetch, baseUrl: "http://127.0.0.1:9/base", retry: false, rateLimit: false, credentials: { apiKey: "k", token: "t" } });
const actionIds = mod.definition.supported_actions.map((action) => action.id);
const threw = [];
const outcomes = {};
for (const id of actionIds) {
  try {
    const result = await connector.executeAction(id, {});
    outcomes[id] = result.success ? "ok" : String(result.error && result.error.code);
  } catch { threw.push(id); }
}
let redosMs;
let redosSuccess;
for (const action of mod.definition.supported_actions) {
  for (const [name, field] of Object.entries(action.inputSchema ?? {})) {
    if (field && field.validation && field.validation.pattern === "^(a+)+$") {
      const input = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}');
      input[name] = "a".repeat(30) + "!";
      const started = performance.now();
      const result = await connector.executeAction(action.id, input);
      redosMs = performance.now() - started;
      redosSuccess = result.success;
    }
  }
}
const prototypeAdditions = Object.getOwnPropertyNames(Object.prototype).filter((name) => !before.has(name));
console.log("PROBE " + JSON.stringify({
  pwnedBefore, pwned: globalThis.PWNED, polluted: ({}).polluted, prototypeAdditions,
  exports: Object.keys(mod).sort(), actionIds, outcomes, threw, requested, redosMs, redosSuccess,
}));
`;

export async function importInFreshProcess(dir: string): Promise<ImportReport> {
  const probe = join(dirname(dir), 'probe.mjs');
  await writeFile(probe, PROBE);
  const entry = pathToFileURL(join(dir, 'src', 'index.ts')).href;
  const result = await runNode({ args: ['--import', TSX_LOADER, probe, entry], cwd: dir, timeoutMs: 60_000 });
  const line = result.output.split('\n').find((candidate) => candidate.startsWith('PROBE '));
  if (!result.ok || line === undefined) throw new Error(`the probe failed:\n${result.output.slice(0, 4000)}`);
  return JSON.parse(line.slice('PROBE '.length)) as ImportReport;
}
