import { resolve } from 'node:path';
import { SpecwireError } from '../errors/index.ts';
import { loadOverrides, type LoadedOverrides } from '../override/index.ts';
import { connectorNameFromFile, generateConnector } from '../pipeline/generate-connector.ts';
import { generateWorkspace } from '../pipeline/generate-workspace.ts';
import { linkWorkspaceDependencies } from '../pipeline/link-dependencies.ts';
import { resolveSpecSource } from '../pipeline/resolve-source.ts';
import { StageTimings } from '../pipeline/timings.ts';
import { findWorkspaceRoot, readGeneratorVersion } from '../pipeline/workspace.ts';
import { writePackageAtomically } from '../pipeline/write-package.ts';

interface GenerateOneOptions {
  spec?: string;
  out: string;
  overrides?: string;
  name?: string;
  allowExternalRefs?: boolean;
  timings?: boolean;
}

export async function runGenerateOne(options: GenerateOneOptions): Promise<void> {
  const root = findWorkspaceRoot() ?? process.cwd();
  const overrides: LoadedOverrides | undefined = options.overrides ? await loadOverrides(options.overrides) : undefined;
  let spec: { file: string; label: string };
  if (options.spec) {
    spec = { file: resolve(options.spec), label: options.spec };
  } else if (overrides) {
    spec = resolveSpecSource({ overrides, workspaceRoot: root });
  } else {
    throw new SpecwireError('nothing to generate from: give --spec <file> or --overrides <file> with a source');
  }
  if (options.name !== undefined && !/^[a-z][a-z0-9-]{0,62}$/.test(options.name)) {
    throw new SpecwireError(`--name "${options.name}" must be lower-case letters, digits and dashes, starting with a letter`);
  }
  const timings = new StageTimings();
  const result = await generateConnector({
    specFile: spec.file,
    specLabel: spec.label,
    overrides,
    defaultName: options.name ?? connectorNameFromFile(spec.file),
    runtimeRange: `^${await readGeneratorVersion()}`,
    generatorVersion: await readGeneratorVersion(),
    allowExternalRefs: options.allowExternalRefs,
    timings,
  });
  const outDir = resolve(options.out);
  await timings.time('write', () => writePackageAtomically({ outDir, files: result.files }));
  await linkWorkspaceDependencies({ outDir, root });
  for (const warning of result.warnings) process.stderr.write(`warning: ${spec.label}#${warning.pointer}: ${warning.message}\n`);
  process.stdout.write(`${result.plan.name}: ${result.plan.actions.length} actions → ${options.out}\n`);
  if (options.timings) process.stdout.write(`${timings.format()}\n`);
}

export async function runGenerateAll(options: { timings?: boolean; quiet?: boolean }): Promise<void> {
  const root = findWorkspaceRoot();
  if (!root) throw new SpecwireError('not inside a specwire workspace (no pnpm-workspace.yaml above this folder)');
  const timings = new StageTimings();
  const started = performance.now();
  const log = options.quiet ? () => {} : (line: string) => process.stdout.write(`${line}\n`);
  const result = await generateWorkspace({ root, timings, log });
  const changed = result.connectors.filter((connector) => connector.changed).length + (result.registryChanged ? 1 : 0);
  log(`generated ${result.connectors.length} connectors in ${Math.round(performance.now() - started)} ms; ${changed} package(s) changed${result.removed.length ? `, removed ${result.removed.join(', ')}` : ''}`);
  if (options.timings) process.stdout.write(`${timings.format()}\n`);
}
