import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SpecwireError } from '../errors/index.ts';
import type { LoadedOverrides } from '../override/index.ts';

export interface SpecSource {
  /** Absolute path of the spec file to load. */
  file: string;
  /** How provenance names it: a workspace-relative path or `npm:<package>/<file>`. */
  label: string;
}

/** Finds the spec an override file's `source` names, refusing paths that leave their root. */
export function resolveSpecSource(options: { overrides: LoadedOverrides; workspaceRoot: string }): SpecSource {
  const { overrides, workspaceRoot } = options;
  const source = overrides.data.source;
  if (!source) {
    throw new SpecwireError('missing "source" (spec: <path under specs/> or npm: <package>/<file>)', {
      file: overrides.file,
      ...overrides.locate([]),
    });
  }
  const where = { file: overrides.file, ...overrides.locate(['source', source.spec === undefined ? 'npm' : 'spec']) };
  if (source.spec !== undefined) {
    const file = resolve(workspaceRoot, source.spec);
    if (isAbsolute(source.spec) || !isInside({ root: workspaceRoot, file })) {
      throw new SpecwireError(`source.spec "${source.spec}" must be a path inside the workspace`, where);
    }
    if (!existsSync(file)) throw new SpecwireError(`source.spec "${source.spec}" does not exist`, where);
    return { file, label: relative(workspaceRoot, file).split(sep).join('/') };
  }
  const spec = source.npm ?? '';
  const match = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)\/(.+)$/i.exec(spec);
  if (!match || match[2].split('/').some((segment) => segment === '..' || segment === '')) {
    throw new SpecwireError(`source.npm "${spec}" must look like <package>/<file inside it>`, where);
  }
  const [, packageName, inner] = match;
  const packageDir = findPackageDir({ packageName, from: workspaceRoot });
  if (!packageDir) {
    throw new SpecwireError(`source.npm: package "${packageName}" is not installed (add it as a devDependency and run pnpm install)`, where);
  }
  const file = join(packageDir, inner);
  if (!existsSync(file) || !isInside({ root: realpathSync(packageDir), file: realpathSync(file) })) {
    throw new SpecwireError(`source.npm: "${inner}" is not a file of package "${packageName}"`, where);
  }
  return { file, label: `npm:${spec}` };
}

function findPackageDir(options: { packageName: string; from: string }): string | undefined {
  let current = options.from;
  for (;;) {
    const candidate = join(current, 'node_modules', options.packageName);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isInside(options: { root: string; file: string }): boolean {
  const path = relative(options.root, options.file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}
