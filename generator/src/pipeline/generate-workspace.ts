import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { emitRegistry } from '../emit/emit-registry.ts';
import { SpecwireError } from '../errors/index.ts';
import type { LoadedOverrides } from '../override/index.ts';
import { WORKSPACE_RUNTIME_RANGE } from '../plan/package-home.ts';
import { REGISTRY_PACKAGE_NAME } from '../plan/registry.ts';
import type { RegistryPlan } from '../plan/types.ts';
import type { ConnectorJob, ConnectorOutput } from './connector-job.ts';
import { connectorNameFromFile } from './connector-name.ts';
import { FileDigests } from './file-digests.ts';
import { computeGeneratorFingerprint } from './generator-fingerprint.ts';
import {
  hashJobInputs,
  readGenerationCache,
  sha256,
  writeGenerationCache,
  type CachedConnector,
  type CachedSource,
  type GenerationCache,
  type JobInputs,
} from './generation-cache.ts';
import { comparePackage, digestFiles, digestPackageOnDisk, type FileDifference } from './package-files.ts';
import type { GenerationProgress } from './progress.ts';
import { resolveSpecSource } from './resolve-source.ts';
import type { StageTimings } from './timings.ts';
import { readGeneratorVersion } from './workspace.ts';
import { removeGeneratedPackage, writePackageAtomically } from './write-package.ts';

/** Folder under `generated/` that holds the registry of all connectors. */
const REGISTRY_FOLDER = 'registry';
const SPEC_FILE = /\.(ya?ml|json)(\.gz)?$/i;
const RUNTIME_RANGE = WORKSPACE_RUNTIME_RANGE;
/** More threads than this only add memory: each holds a whole spec and its plan. */
const MAX_WORKERS = 4;

export interface GenerateWorkspaceOptions {
  root: string;
  timings: StageTimings;
  progress: GenerationProgress;
  /** Generate everything in memory and report how `generated/` differs; write nothing. */
  check?: boolean;
  /** Regenerate connectors whose inputs are unchanged too. */
  force?: boolean;
  /** Worker threads (at most the cores, and 4); 0 or 1, the default, generate on this thread. */
  workers?: number;
}

export interface WorkspaceResult {
  connectors: Array<{ name: string; actions: number; changed: boolean; reused: boolean; warnings: number }>;
  registryChanged: boolean;
  removed: string[];
  /** `check` only: every file that differs, as `<package>/<path>`; empty when up to date. */
  differences: Array<FileDifference & { package: string }>;
}

export interface DiscoveredJob {
  job: ConnectorJob;
  /** The parsed override file; absent when the cache told where its source leads (it is loaded if the job runs). */
  overrides?: LoadedOverrides;
  /** The override file's hash and `source.overlay`, and the spec they led to: what the cache keeps. */
  source?: CachedSource;
}

/**
 * `pnpm generate`: every `overrides/*.yaml` and every spec in `specs/` that no override claims
 * becomes `generated/<name>/`, plus `generated/registry/`. Everything is generated in memory first,
 * so a bad input fails the run before any file is touched. A connector whose inputs and generator
 * are unchanged and whose folder still holds what was written is not generated again.
 */
export async function generateWorkspace(options: GenerateWorkspaceOptions): Promise<WorkspaceResult> {
  const { root, progress } = options;
  const generatorVersion = await readGeneratorVersion();
  const incremental = !options.check && !options.force;
  const cache = await readGenerationCache(root);
  const discovered = await discoverJobs({ root, generatorVersion, ...(incremental ? { cache } : {}) });
  const generatedDir = join(root, 'generated');
  // Only an incremental run trusts hashes kept from the last one; --force and --check read every byte.
  const digests = new FileDigests(incremental ? cache.files : undefined);
  const generatorFingerprint = options.check ? '' : await computeGeneratorFingerprint(digests);

  progress.plan(discovered.map(({ job }) => job.defaultName));
  const inputs = new Map<string, JobInputs>();
  const reused = new Map<string, CachedConnector>();
  for (const { job, source } of discovered) {
    if (options.check) break;
    const overrides = source ? { sha256: source.overridesSha256, ...(source.overlay === undefined ? {} : { overlay: source.overlay }) } : undefined;
    const jobInputs = await hashJobInputs({ specFile: job.specFile, overrides, root, generatorVersion, generatorFingerprint, runtimeRange: RUNTIME_RANGE, digests });
    inputs.set(job.id, jobInputs);
    const cached = cache.connectors[job.id];
    if (incremental && cached && (await isUpToDate({ cached, inputs: jobInputs, generatedDir, generatorVersion, digests }))) {
      reused.set(job.id, cached);
      progress.done(job.defaultName, `${cached.actionCount} actions, unchanged`);
    }
  }

  const pending = discovered.filter(({ job }) => !reused.has(job.id));
  const outputs = await generateJobs({ pending, workers: options.workers, timings: options.timings, progress });
  const entries = discovered.map(({ job }) => {
    const output = outputs.get(job.id);
    const cached = reused.get(job.id);
    return { job, output, summary: output ?? cached! };
  });
  const names = entries.map(({ summary }) => summary.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new SpecwireError(`two connectors are named "${duplicate}"; set connector.name in one override file`);
  if (names.includes(REGISTRY_FOLDER)) throw new SpecwireError(`"${REGISTRY_FOLDER}" is reserved for the registry; rename that connector`);

  const registry: RegistryPlan = {
    packageName: REGISTRY_PACKAGE_NAME,
    entries: entries.map(({ summary }) => summary.registryEntry).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
  const registryFiles = emitRegistry(registry, { dependencyRange: RUNTIME_RANGE });
  const keep = new Set([...names, REGISTRY_FOLDER]);

  if (options.check) {
    const differences: WorkspaceResult['differences'] = [];
    for (const { output } of entries) {
      const found = await comparePackage({ outDir: join(generatedDir, output!.name), files: output!.files });
      differences.push(...found.map((difference) => ({ ...difference, package: output!.name })));
    }
    const registryDifferences = await comparePackage({ outDir: join(generatedDir, REGISTRY_FOLDER), files: registryFiles });
    differences.push(...registryDifferences.map((difference) => ({ ...difference, package: REGISTRY_FOLDER })));
    for (const extra of await findStalePackages({ generatedDir, keep })) differences.push({ package: extra, path: '', status: 'extra' });
    return { connectors: summarise(entries, () => false), registryChanged: registryDifferences.length > 0, removed: [], differences };
  }

  const sources = new Map(discovered.map(({ job, source }) => [job.id, source]));
  const changed = new Set<string>();
  for (const { job, output } of entries) {
    if (!output) continue;
    const source = sources.get(job.id);
    if (await writePackageAtomically({ outDir: join(generatedDir, output.name), files: output.files })) changed.add(job.id);
    cache.connectors[job.id] = {
      inputKey: inputs.get(job.id)!.inputKey,
      name: output.name,
      outputDigest: digestFiles(output.files),
      registryEntry: output.registryEntry,
      actionCount: output.actionCount,
      operationCount: output.operationCount,
      ...(source ? { source } : {}),
    };
  }
  // Reused connectors keep their entry; it learns where its source leads (first run after an upgrade).
  for (const [id, source] of sources) {
    const entry = cache.connectors[id];
    if (entry && source) entry.source = source;
  }
  const registryChanged = await writePackageAtomically({ outDir: join(generatedDir, REGISTRY_FOLDER), files: registryFiles });
  const removed = await removeStalePackages({ generatedDir, keep });
  const known = new Set(discovered.map(({ job }) => job.id));
  for (const id of Object.keys(cache.connectors)) if (!known.has(id)) delete cache.connectors[id];
  cache.files = digests.stamps();
  await writeGenerationCache({ root, cache });
  return { connectors: summarise(entries, (id) => changed.has(id)), registryChanged, removed, differences: [] };
}

/**
 * Worker threads are opt-in (`--workers <n>`): on the 2-core machine they made `pnpm generate`
 * slower (each thread loads and transpiles the whole pipeline again; see docs/BENCHMARKS.md).
 */
function workerCount(options: { requested?: number; jobs: number }): number {
  return Math.max(1, Math.min(options.requested ?? 1, availableParallelism(), MAX_WORKERS, options.jobs));
}

async function generateJobs(options: {
  pending: DiscoveredJob[];
  workers?: number;
  timings: StageTimings;
  progress: GenerationProgress;
}): Promise<Map<string, ConnectorOutput>> {
  const { pending, progress, timings } = options;
  const outputs = new Map<string, ConnectorOutput>();
  if (pending.length === 0) return outputs;
  const onStart = (job: ConnectorJob): void => progress.start(job.defaultName);
  const onDone = (job: ConnectorJob, output: ConnectorOutput): void => {
    for (const [stage, ms] of Object.entries(output.stageMs)) timings.add(stage, ms);
    outputs.set(job.id, output);
    progress.done(job.defaultName, `${output.actionCount} actions`);
  };
  const size = workerCount({ requested: options.workers, jobs: pending.length });
  if (size > 1) {
    const { runJobsInWorkers } = await import('./worker-pool.ts');
    // Biggest specs first, so the last one to finish is a small one.
    const bySize = await orderBySpecSize(pending.map(({ job }) => job));
    await runJobsInWorkers({ jobs: bySize, size, onStart, onDone });
    return outputs;
  }
  // Loaded only when something is generated, so a no-change run skips loading the pipeline.
  const { runConnectorJob } = await import('./connector-job.ts');
  for (const { job, overrides } of pending) {
    onStart(job);
    onDone(job, await runConnectorJob({ job, overrides }));
  }
  return outputs;
}

async function orderBySpecSize(jobs: ConnectorJob[]): Promise<ConnectorJob[]> {
  const { stat } = await import('node:fs/promises');
  const sizes = new Map(await Promise.all(jobs.map(async (job) => [job.id, (await stat(job.specFile)).size] as const)));
  return [...jobs].sort((a, b) => sizes.get(b.id)! - sizes.get(a.id)!);
}

/** Provenance still names the same inputs, and the folder holds exactly what was last written. */
async function isUpToDate(options: {
  cached: CachedConnector;
  inputs: JobInputs;
  generatedDir: string;
  generatorVersion: string;
  digests: FileDigests;
}): Promise<boolean> {
  const { cached, inputs, generatedDir, digests } = options;
  if (cached.inputKey !== inputs.inputKey) return false;
  const outDir = join(generatedDir, cached.name);
  const provenanceFile = join(outDir, 'specwire.provenance.json');
  if (!existsSync(provenanceFile)) return false;
  try {
    const provenance = JSON.parse(readFileSync(provenanceFile, 'utf8')) as Record<string, unknown>;
    if (provenance.specSha256 !== inputs.specSha256 || provenance.overridesSha256 !== inputs.overridesSha256) return false;
    if (provenance.generatorVersion !== options.generatorVersion) return false;
  } catch {
    return false;
  }
  return (await digestPackageOnDisk({ outDir, digests })) === cached.outputDigest;
}

function summarise(
  entries: Array<{ job: ConnectorJob; output?: ConnectorOutput; summary: { name: string; actionCount: number } }>,
  isChanged: (id: string) => boolean,
): WorkspaceResult['connectors'] {
  return entries.map(({ job, output, summary }) => ({
    name: summary.name,
    actions: summary.actionCount,
    changed: isChanged(job.id),
    reused: output === undefined,
    warnings: output?.warnings.length ?? 0,
  }));
}

/**
 * Every connector job of the workspace (override files, then specs no override claims), in a stable
 * order. With a `cache`, an override file whose bytes match the cached hash is not parsed: its job
 * comes from where its source led last time, and `overrides` is left for the job to load if it runs.
 */
export async function discoverJobs(options: { root: string; generatorVersion: string; cache?: GenerationCache }): Promise<DiscoveredJob[]> {
  const { root, generatorVersion } = options;
  const jobs: DiscoveredJob[] = [];
  const claimed = new Set<string>();
  const overridesDir = join(root, 'overrides');
  for (const entry of await listSorted(overridesDir)) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const id = `overrides/${entry}`;
    const overridesFile = relativeToCwd(join(overridesDir, entry));
    const base = { id, defaultName: connectorNameFromFile(entry), overridesFile, generatorVersion, runtimeRange: RUNTIME_RANGE };
    const cached = options.cache?.connectors[id]?.source;
    if (cached && existsSync(cached.specFile) && cached.overridesSha256 === sha256(readFileSync(overridesFile, 'utf8'))) {
      claimed.add(resolve(cached.specFile));
      jobs.push({ job: { ...base, specFile: cached.specFile, specLabel: cached.specLabel }, source: cached });
      continue;
    }
    // Loaded here, not at the top: validating an override file compiles its JSON Schema first.
    const { loadOverrides } = await import('../override/index.ts');
    const overrides = await loadOverrides(overridesFile);
    const spec = resolveSpecSource({ overrides, workspaceRoot: root });
    claimed.add(resolve(spec.file));
    const overlay = overrides.data.source?.overlay;
    const source: CachedSource = { overridesSha256: overrides.sha256, specFile: spec.file, specLabel: spec.label, ...(overlay === undefined ? {} : { overlay }) };
    jobs.push({ job: { ...base, specFile: spec.file, specLabel: spec.label }, overrides, source });
  }
  const specsDir = join(root, 'specs');
  for (const entry of await listSorted(specsDir)) {
    const file = join(specsDir, entry);
    if (!SPEC_FILE.test(entry) || claimed.has(resolve(file))) continue;
    jobs.push({ job: { id: `specs/${entry}`, defaultName: connectorNameFromFile(entry), specFile: file, specLabel: `specs/${entry}`, generatorVersion, runtimeRange: RUNTIME_RANGE } });
  }
  return jobs;
}

/** Folders specwire wrote (they carry a provenance file) that no connector claims any more. */
async function findStalePackages(options: { generatedDir: string; keep: Set<string> }): Promise<string[]> {
  const stale: string[] = [];
  for (const entry of await listSorted(options.generatedDir)) {
    if (!options.keep.has(entry) && existsSync(join(options.generatedDir, entry, 'specwire.provenance.json'))) stale.push(entry);
  }
  return stale;
}

async function removeStalePackages(options: { generatedDir: string; keep: Set<string> }): Promise<string[]> {
  const removed = await findStalePackages(options);
  // File by file: a file someone added to the folder is not specwire's to delete.
  for (const entry of removed) await removeGeneratedPackage(join(options.generatedDir, entry));
  return removed;
}

/** Synchronous, like the other small reads of a no-change run (see `listPackageFiles`). */
async function listSorted(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort();
}

function relativeToCwd(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path.split(sep).join('/');
}
