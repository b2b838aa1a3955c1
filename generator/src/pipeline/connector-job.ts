import type { EmittedFile } from '../emit/index.ts';
import type { Warning } from '../ir/types.ts';
import { loadOverrides, type LoadedOverrides } from '../override/index.ts';
import type { RegistryPlan } from '../plan/types.ts';
import { generateConnector } from './generate-connector.ts';
import { StageTimings } from './timings.ts';

/** One connector of the workspace to generate: plain data, so it can be sent to a worker thread. */
export interface ConnectorJob {
  /** Stable key of the job (its override or spec file, workspace-relative), e.g. in the cache. */
  id: string;
  /** Connector id when the override file does not set one. */
  defaultName: string;
  /** Absolute path of the spec file. */
  specFile: string;
  specLabel: string;
  /** Override file, as `loadOverrides` takes it; absent for a spec without one. */
  overridesFile?: string;
  generatorVersion: string;
  runtimeRange: string;
}

export type RegistryEntry = RegistryPlan['entries'][number];

/** What generating one connector yields: files plus what the workspace needs to know about it. */
export interface ConnectorOutput {
  /** Package folder under `generated/` (the planned connector id). */
  name: string;
  files: EmittedFile[];
  registryEntry: RegistryEntry;
  actionCount: number;
  /** Operations in the spec, before selection. */
  operationCount: number;
  warnings: Warning[];
  /** Milliseconds per stage. */
  stageMs: Record<string, number>;
}

/**
 * Runs the in-memory pipeline for one job. `overrides` saves re-reading the file when the caller
 * already has it; a worker thread passes none and loads it itself.
 */
export async function runConnectorJob(options: { job: ConnectorJob; overrides?: LoadedOverrides }): Promise<ConnectorOutput> {
  const { job } = options;
  const overrides = options.overrides ?? (job.overridesFile === undefined ? undefined : await loadOverrides(job.overridesFile));
  const timings = new StageTimings();
  const result = await generateConnector({
    specFile: job.specFile,
    specLabel: job.specLabel,
    overrides,
    defaultName: job.defaultName,
    runtimeRange: job.runtimeRange,
    generatorVersion: job.generatorVersion,
    timings,
  });
  const { plan } = result;
  return {
    name: plan.name,
    files: result.files,
    registryEntry: { name: plan.name, packageName: plan.packageName, displayName: plan.definition.display_name, className: plan.className },
    actionCount: plan.actions.length,
    operationCount: result.operationCount,
    warnings: result.warnings,
    stageMs: timings.toRecord(),
  };
}
