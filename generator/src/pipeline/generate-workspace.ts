import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { emitRegistry } from '../emit/index.ts';
import { SpecwireError } from '../errors/index.ts';
import { loadOverrides, type LoadedOverrides } from '../override/index.ts';
import { planRegistry } from '../plan/index.ts';
import { connectorNameFromFile, generateConnector, type GeneratedConnector } from './generate-connector.ts';
import { resolveSpecSource } from './resolve-source.ts';
import type { StageTimings } from './timings.ts';
import { writePackageAtomically } from './write-package.ts';
import { readGeneratorVersion } from './workspace.ts';

/** Folder under `generated/` that holds the registry of all connectors. */
const REGISTRY_FOLDER = 'registry';
const SPEC_FILE = /\.(ya?ml|json)(\.gz)?$/i;

export interface WorkspaceJob {
  name: string;
  specFile: string;
  specLabel: string;
  overrides?: LoadedOverrides;
}

export interface WorkspaceResult {
  connectors: Array<{ name: string; actions: number; changed: boolean; warnings: number }>;
  registryChanged: boolean;
  removed: string[];
}

/**
 * `pnpm generate`: every `overrides/*.yaml` and every spec in `specs/` that no override claims
 * becomes `generated/<name>/`, plus `generated/registry/`. Everything is generated in memory first,
 * so a bad input fails the run before any file is touched.
 */
export async function generateWorkspace(options: { root: string; timings: StageTimings; log: (line: string) => void }): Promise<WorkspaceResult> {
  const { root, timings, log } = options;
  const jobs = await discoverJobs(root);
  const generatorVersion = await readGeneratorVersion();
  const results: GeneratedConnector[] = [];
  for (const job of jobs) {
    const started = performance.now();
    const result = await generateConnector({
      specFile: job.specFile,
      specLabel: job.specLabel,
      overrides: job.overrides,
      defaultName: job.name,
      runtimeRange: 'workspace:*',
      generatorVersion,
      timings,
    });
    log(`${result.plan.name}: ${result.plan.actions.length} actions (${Math.round(performance.now() - started)} ms)`);
    results.push(result);
  }
  const names = results.map((result) => result.plan.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new SpecwireError(`two connectors are named "${duplicate}"; set connector.name in one override file`);
  if (names.includes(REGISTRY_FOLDER)) throw new SpecwireError(`"${REGISTRY_FOLDER}" is reserved for the registry; rename that connector`);

  const generatedDir = join(root, 'generated');
  const registryFiles = emitRegistry(planRegistry(results.map((result) => result.plan)), { dependencyRange: 'workspace:*' });
  const connectors: WorkspaceResult['connectors'] = [];
  for (const result of results) {
    const changed = await writePackageAtomically({ outDir: join(generatedDir, result.plan.name), files: result.files });
    connectors.push({ name: result.plan.name, actions: result.plan.actions.length, changed, warnings: result.warnings.length });
  }
  const registryChanged = await writePackageAtomically({ outDir: join(generatedDir, REGISTRY_FOLDER), files: registryFiles });
  const removed = await removeStalePackages({ generatedDir, keep: new Set([...names, REGISTRY_FOLDER]) });
  return { connectors, registryChanged, removed };
}

async function discoverJobs(root: string): Promise<WorkspaceJob[]> {
  const jobs: WorkspaceJob[] = [];
  const claimed = new Set<string>();
  const overridesDir = join(root, 'overrides');
  for (const entry of await listSorted(overridesDir)) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const overrides = await loadOverrides(relativeToCwd(join(overridesDir, entry)));
    const source = resolveSpecSource({ overrides, workspaceRoot: root });
    claimed.add(resolve(source.file));
    jobs.push({ name: connectorNameFromFile(entry), specFile: source.file, specLabel: source.label, overrides });
  }
  const specsDir = join(root, 'specs');
  for (const entry of await listSorted(specsDir)) {
    const file = join(specsDir, entry);
    if (!SPEC_FILE.test(entry) || claimed.has(resolve(file))) continue;
    jobs.push({ name: connectorNameFromFile(entry), specFile: file, specLabel: `specs/${entry}` });
  }
  return jobs;
}

async function removeStalePackages(options: { generatedDir: string; keep: Set<string> }): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await listSorted(options.generatedDir)) {
    const folder = join(options.generatedDir, entry);
    // Only folders specwire wrote (they carry a provenance file or are the registry) are removed.
    if (!options.keep.has(entry) && existsSync(join(folder, 'specwire.provenance.json'))) {
      await rm(folder, { recursive: true, force: true });
      removed.push(entry);
    }
  }
  return removed;
}

async function listSorted(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).sort();
}

function relativeToCwd(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path.split(sep).join('/');
}
