import { resolve } from 'node:path';
import { SpecwireError } from '../errors/index.ts';
import { loadOverrides, type LoadedOverrides } from '../override/index.ts';
import { connectorNameFromFile, generateConnector } from '../pipeline/generate-connector.ts';
import { resolveSpecSource } from '../pipeline/resolve-source.ts';
import { StageTimings } from '../pipeline/timings.ts';
import { findWorkspaceRoot, readGeneratorVersion } from '../pipeline/workspace.ts';
import { assertPackageFolder, writePackageAtomically } from '../pipeline/write-package.ts';
import type { SpecLimits } from '../load/index.ts';
import { downloadSpec, isSpecUrl } from './download-spec.ts';
import { specLimitsFromOptions } from './limit-options.ts';

interface GenerateOneOptions {
  spec?: string;
  out: string;
  overrides?: string;
  name?: string;
  allowExternalRefs?: boolean;
  timings?: boolean;
}

/** `--allow-remote-refs` and the `--max-…` limit flags of `specwire generate`. */
interface GenerateOneOptions extends Partial<Record<keyof SpecLimits, number>> {
  allowRemoteRefs?: boolean;
  /** `--validate [warn|error]`: commander gives `true` for the bare flag. */
  validate?: boolean | string;
}

export async function runGenerateOne(options: GenerateOneOptions): Promise<void> {
  const root = findWorkspaceRoot() ?? process.cwd();
  const overrides: LoadedOverrides | undefined = options.overrides ? await loadOverrides(options.overrides) : undefined;
  let spec: { file: string; label: string; cleanup?: () => Promise<void> };
  if (options.spec && isSpecUrl(options.spec)) {
    spec = await downloadSpec({ url: options.spec, maxBytes: options.maxSpecBytes });
  } else if (options.spec) {
    spec = { file: resolve(options.spec), label: options.spec };
  } else if (overrides) {
    spec = resolveSpecSource({ overrides, workspaceRoot: root });
  } else {
    throw new SpecwireError('nothing to generate from: give --spec <file> or --overrides <file> with a source');
  }
  if (options.name !== undefined && !/^[a-z][a-z0-9-]{0,62}$/.test(options.name)) {
    throw new SpecwireError(`--name "${options.name}" must be lower-case letters, digits and dashes, starting with a letter`);
  }
  // Checked before any work: a wrong --out must cost nothing, least of all the folder's contents.
  const outDir = resolve(options.out);
  await assertPackageFolder(outDir);
  const timings = new StageTimings();
  const result = await generateConnector({
    specFile: spec.file,
    specLabel: spec.label,
    overrides,
    defaultName: options.name ?? connectorNameFromFile(spec.file),
    runtimeRange: `^${await readGeneratorVersion()}`,
    generatorVersion: await readGeneratorVersion(),
    allowExternalRefs: options.allowExternalRefs,
    allowRemoteRefs: options.allowRemoteRefs,
    validate: validationMode(options.validate),
    limits: specLimitsFromOptions(options),
    timings,
  }).finally(() => spec.cleanup?.());
  await timings.time('write', () => writePackageAtomically({ outDir, files: result.files }));
  for (const ref of result.resolvedRefs) process.stdout.write(`resolved external $ref source: ${ref}\n`);
  for (const warning of result.warnings) process.stderr.write(`warning: ${spec.label}#${warning.pointer}: ${warning.message}\n`);
  process.stdout.write(`${result.plan.name}: ${result.plan.actions.length} actions → ${options.out}\n`);
  if (options.timings) process.stdout.write(`${timings.format()}\n`);
}

export { runGenerateAll } from './generate-all-command.ts';

function validationMode(flag: boolean | string | undefined): 'warn' | 'error' | undefined {
  if (flag === undefined || flag === false) return undefined;
  if (flag === true || flag === 'warn') return 'warn';
  if (flag === 'error') return 'error';
  throw new SpecwireError(`--validate takes "warn" or "error", not "${flag}"`);
}
