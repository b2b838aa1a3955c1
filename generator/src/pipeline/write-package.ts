import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { EmittedFile } from '../emit/index.ts';

/** Folders of a package that generation never owns, kept across a swap. */
const KEPT_ENTRIES = ['node_modules', '.turbo', 'dist'];

/**
 * Writes a package folder so that a failure never leaves it half-written: the files go into a
 * sibling temporary folder first, which then replaces the old one. Returns whether anything changed.
 */
export async function writePackageAtomically(options: { outDir: string; files: EmittedFile[] }): Promise<boolean> {
  const { outDir, files } = options;
  if (await hasSameContents({ outDir, files })) return false;
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

async function hasSameContents(options: { outDir: string; files: EmittedFile[] }): Promise<boolean> {
  const { outDir, files } = options;
  if (!existsSync(outDir)) return false;
  const existing = (await listFiles(outDir)).filter((path) => !KEPT_ENTRIES.includes(path.split('/')[0]));
  if (existing.length !== files.length) return false;
  const wanted = new Set(files.map((file) => file.path));
  if (existing.some((path) => !wanted.has(path))) return false;
  for (const file of files) {
    if ((await readFile(join(outDir, file.path), 'utf8')) !== file.contents) return false;
  }
  return true;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
