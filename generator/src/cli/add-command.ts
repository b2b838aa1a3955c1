/**
 * `specwire add <spec-file-or-npm-path> [--name <id>]`: scaffolds `overrides/<name>.yaml` for a new
 * connector from its spec. Refuses to overwrite an existing file.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SpecwireError } from '../errors/index.ts';
import { loadSpec } from '../load/index.ts';
import { normaliseSpec } from '../normalise/index.ts';
import { applyOverrides, parseOverrides, scaffoldOverrides, type LoadedOverrides } from '../override/index.ts';
import type { ScaffoldSource } from '../override/scaffold-overrides.ts';
import { connectorNameFromFile } from '../pipeline/generate-connector.ts';
import { resolveSpecSource } from '../pipeline/resolve-source.ts';
import { findWorkspaceRoot } from '../pipeline/workspace.ts';

const CONNECTOR_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** Writes the scaffold and returns its workspace-relative path. */
export async function runAdd(options: { spec: string; name?: string; root?: string }): Promise<string> {
  const root = options.root ?? findWorkspaceRoot();
  if (!root) throw new SpecwireError('not inside a specwire workspace (no pnpm-workspace.yaml above this folder)');
  const { file, source } = locateSpec({ spec: options.spec, root });
  const name = options.name ?? connectorNameFromFile(file);
  if (!CONNECTOR_NAME.test(name)) {
    throw new SpecwireError(`--name "${name}" must be lower-case letters, digits and dashes, starting with a letter`);
  }
  const target = join(root, 'overrides', `${name}.yaml`);
  const shown = `overrides/${name}.yaml`;
  if (existsSync(target)) throw new SpecwireError(`${shown} already exists; edit it, or pass --name to scaffold another connector`);
  const ir = normaliseSpec(await loadSpec({ file }));
  const text = scaffoldOverrides({ ir, source, name });
  // The scaffold must itself be a valid override file for this spec.
  applyOverrides({ ir, overrides: parseOverrides({ file: shown, text }), defaultName: name });
  await mkdir(join(root, 'overrides'), { recursive: true });
  await writeFile(target, text, { flag: 'wx' });
  return shown;
}

function locateSpec(options: { spec: string; root: string }): { file: string; source: ScaffoldSource } {
  const { spec, root } = options;
  const asFile = resolve(spec);
  if (existsSync(asFile)) {
    const inside = relative(root, asFile);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new SpecwireError(`${spec} is outside the workspace: copy it under specs/ first (override files name specs by workspace path)`);
    }
    return { file: asFile, source: { spec: inside.split(sep).join('/') } };
  }
  // Not a file: an npm path, resolved the way `source.npm` is.
  const commandLine: LoadedOverrides = {
    file: 'specwire add',
    data: { source: { npm: spec } },
    sha256: '',
    locate: () => ({ line: 1, column: 1 }),
  };
  try {
    return { file: resolveSpecSource({ overrides: commandLine, workspaceRoot: root }).file, source: { npm: spec } };
  } catch (error) {
    if (error instanceof SpecwireError) throw new SpecwireError(`${spec} is neither a file nor ${error.message.replace(/^source\.npm:? ?/, 'an npm path: ')}`);
    throw error;
  }
}
