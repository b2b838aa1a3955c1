import { existsSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** What a generated package needs at type-check and test time, taken from the workspace. */
const LINKED = [
  { name: '@specwire/runtime', from: 'runtime' },
  { name: 'vitest', from: 'node_modules/vitest' },
  { name: 'typescript', from: 'node_modules/typescript' },
  { name: '@types/node', from: 'node_modules/@types/node' },
];

/**
 * The corpus check generates throwaway packages into a temporary folder and type-checks and tests
 * them against this workspace's runtime and tooling without an install, so it links them there.
 * `specwire generate --out` never does: its package is a normal npm package (peer dependency on a
 * published `@specwire/runtime` range) and nothing is written back into the workspace.
 * Existing entries win: a package that was installed properly is left alone.
 */
export async function linkWorkspaceDependencies(options: { outDir: string; root: string }): Promise<void> {
  for (const { name, from } of LINKED) {
    const link = join(options.outDir, 'node_modules', name);
    const target = join(options.root, from);
    if (existsSync(link) || !existsSync(target)) continue;
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, 'dir');
  }
}
