/**
 * How a connector package depends on `@specwire/runtime`, and whether it lives in the specwire
 * workspace. A `workspace:` range means it does: it then resolves workspace packages to their
 * TypeScript sources (the source condition in its tsconfig) instead of their published `dist/`.
 */
export interface PackageHome {
  runtimeVersionRange: string;
  insideWorkspace: boolean;
}

/** Inside the workspace, `workspace:^`, so a package published from it asks for a compatible runtime. */
export const WORKSPACE_RUNTIME_RANGE = 'workspace:^';

export function planPackageHome(options: { runtimeVersionRange?: string }): PackageHome {
  const runtimeVersionRange = options.runtimeVersionRange ?? WORKSPACE_RUNTIME_RANGE;
  return { runtimeVersionRange, insideWorkspace: runtimeVersionRange.startsWith('workspace:') };
}
