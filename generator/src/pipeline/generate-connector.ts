import { emitConnector, type EmittedFile } from '../emit/index.ts';
import { loadSpec } from '../load/index.ts';
import { validateStrictly } from '../load/validate-strictly.ts';
import { SpecwireError } from '../errors/index.ts';
import { normaliseSpec } from '../normalise/index.ts';
import { mergeSources } from '../merge/index.ts';
import { applyOverrides, type LoadedOverrides } from '../override/index.ts';
import { planConnector } from '../plan/index.ts';
import type { ConnectorPlan } from '../plan/types.ts';
import type { SpecLimits } from '../load/index.ts';
import type { Warning } from '../ir/types.ts';
import type { StageTimings } from './timings.ts';
import { findWorkspaceRoot } from './workspace.ts';

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
  /** Fetch http(s) `$ref`s on public addresses (`--allow-remote-refs`). */
  allowRemoteRefs?: boolean;
  /**
   * `--validate`: also check the document against the official schemas with swagger-parser;
   * `warn` adds its findings as warnings, `error` fails on the first one.
   */
  validate?: 'warn' | 'error';
  /** Raised spec limits (`--max-spec-bytes` …); unset keys keep their defaults. */
  limits?: Partial<SpecLimits>;
  timings: StageTimings;
}

export interface GeneratedConnector {
  plan: ConnectorPlan;
  files: EmittedFile[];
  warnings: Warning[];
  /** Operations in the spec, before selection. */
  operationCount: number;
  /** External files and URLs whose content was inlined (what the CLI reports as resolved). */
  resolvedRefs: string[];
}

/** load → merge → normalise → override → plan → emit, all in memory: nothing is written here. */
export async function generateConnector(options: GenerateConnectorOptions): Promise<GeneratedConnector> {
  const { timings } = options;
  const loaded = await timings.time('load', () =>
    loadSpec({
      file: options.specFile,
      allowExternalRefs: options.allowExternalRefs,
      allowRemoteRefs: options.allowRemoteRefs,
      limits: options.limits,
    }),
  );
  const validation = options.validate ? await timings.time('validate', () => validateStrictly({ document: loaded.document })) : [];
  if (options.validate === 'error' && validation.length > 0) {
    const [first] = validation;
    throw new SpecwireError(`${first!.message} (and ${validation.length - 1} more; drop --validate=error to generate anyway)`, {
      file: options.specLabel,
      pointer: first!.pointer,
    });
  }
  const merged = await timings.time('merge', () =>
    mergeSources({ loaded, overrides: options.overrides, workspaceRoot: findWorkspaceRoot() ?? process.cwd() }),
  );
  const ir = await timings.time('normalise', () => normaliseSpec(merged));
  const curated = await timings.time('override', () =>
    applyOverrides({ ir, overrides: options.overrides, defaultName: options.defaultName }),
  );
  const plan = await timings.time('plan', () =>
    planConnector({
      curated,
      runtimeVersionRange: options.runtimeRange,
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
    emitConnector(plan, { generatorVersion: options.generatorVersion }),
  );
  return { plan, files, warnings: [...loaded.warnings, ...validation, ...curated.ir.warnings, ...(plan.warnings ?? [])], operationCount: ir.operations.length, resolvedRefs: loaded.resolvedRefs ?? [] };
}

export { connectorNameFromFile } from './connector-name.ts';
