import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EmittedFile } from '../emit/index.ts';
import { comparePackage, KEPT_ENTRIES } from './package-files.ts';

/**
 * Writes a package folder so that a failure never leaves it half-written: the files go into a
 * sibling temporary folder first, which then replaces the old one. Returns whether anything changed.
 */
export async function writePackageAtomically(options: { outDir: string; files: EmittedFile[] }): Promise<boolean> {
  const { outDir, files } = options;
  if (existsSync(outDir) && (await comparePackage({ outDir, files })).length === 0) return false;
  const staging = `${outDir}.specwire-tmp-${process.pid}`;
  const retired = `${outDir}.specwire-old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await mkdir(dirname(outDir), { recursive: true });
    if (existsSync(outDir)) {
      for (const entry of KEPT_ENTRIES) {
        if (existsSync(join(outDir, entry))) await rename(join(outDir, entry), join(staging, entry));
      }
      await rename(outDir, retired);
    }
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
  return true;
}
