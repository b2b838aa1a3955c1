import { basename } from 'node:path';
import { emitConnector, type EmittedFile } from '../emit/index.ts';
import { loadSpec } from '../load/index.ts';
import { normaliseSpec } from '../normalise/index.ts';
import { applyOverrides, type LoadedOverrides } from '../override/index.ts';
import { planConnector } from '../plan/index.ts';
import type { ConnectorPlan } from '../plan/types.ts';
import type { Warning } from '../ir/types.ts';
import type { StageTimings } from './timings.ts';

export interface GenerateConnectorOptions {
  /** Absolute path of the spec file. */
  specFile: string;
  /** How provenance names the spec (workspace-relative path or `npm:` source). */
  specLabel: string;
  overrides?: LoadedOverrides;
  /** Connector id when the override file does not set one. */
  defaultName: string;
  /** Version range of `@specwire/runtime` the package depends on. */
  runtimeRange: string;
  generatorVersion: string;
  allowExternalRefs?: boolean;
  timings: StageTimings;
}

export interface GeneratedConnector {
  plan: ConnectorPlan;
  files: EmittedFile[];
  warnings: Warning[];
  /** Operations in the spec, before selection. */
  operationCount: number;
}

/** load → normalise → override → plan → emit, all in memory: nothing is written here. */
export async function generateConnector(options: GenerateConnectorOptions): Promise<GeneratedConnector> {
  const { timings } = options;
  const loaded = await timings.time('load', () =>
    loadSpec({ file: options.specFile, allowExternalRefs: options.allowExternalRefs }),
  );
  const ir = await timings.time('normalise', () => normaliseSpec(loaded));
  const curated = await timings.time('override', () =>
    applyOverrides({ ir, overrides: options.overrides, defaultName: options.defaultName }),
  );
  const plan = await timings.time('plan', () =>
    planConnector({
      curated,
      provenance: {
        generator: '@specwire/generator',
        generatorVersion: options.generatorVersion,
        specSource: options.specLabel,
        specSha256: loaded.sha256,
        ...(options.overrides ? { overridesSha256: options.overrides.sha256 } : {}),
      },
    }),
  );
  const files = await timings.time('emit', () =>
    emitConnector(plan, { runtimeVersionRange: options.runtimeRange, generatorVersion: options.generatorVersion }),
  );
  return { plan, files, warnings: [...loaded.warnings, ...ir.warnings], operationCount: ir.operations.length };
}

/** A connector id from a file name: `Stripe API.v3.yaml` → `stripe-api-v3`. */
export function connectorNameFromFile(file: string): string {
  const stem = basename(file).replace(/\.gz$/, '').replace(/\.(ya?ml|json)$/i, '');
  const name = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(name) ? name.slice(0, 63) : `api-${name}`.slice(0, 63);
}
