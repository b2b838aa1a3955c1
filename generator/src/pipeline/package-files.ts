import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmittedFile } from '../emit/index.ts';
import type { FileDigests } from './file-digests.ts';

/** Folders of a package that generation never owns: kept across a swap, ignored by comparisons. */
export const KEPT_ENTRIES = ['node_modules', '.turbo', 'dist'];

/** One way a package folder on disk differs from what generation would write. */
export interface FileDifference {
  /** Path relative to the package folder, POSIX separators. */
  path: string;
  /** `stale`: contents differ; `missing`: would be written; `extra`: would be deleted. */
  status: 'stale' | 'missing' | 'extra';
}

/**
 * Files of a package folder that generation owns, sorted, POSIX separators; symbolic links count as
 * files and are not followed. Listed and read synchronously here and below: a no-change `pnpm
 * generate` lists and compares every generated folder, and a few hundred small reads answered from
 * the page cache cost less in a row than as many round trips through libuv's thread pool. Paths are
 * built while walking, not with path.relative per file (which resolves both paths every time).
 */
export async function listPackageFiles(outDir: string): Promise<string[]> {
  if (!existsSync(outDir)) return [];
  const files: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (prefix === '' && KEPT_ENTRIES.includes(entry.name)) continue;
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${path}/`);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(path);
    }
  };
  walk(outDir, '');
  return files.sort();
}

/** What writing `files` into `outDir` would change, by path; empty when the folder is up to date. */
export async function comparePackage(options: { outDir: string; files: EmittedFile[] }): Promise<FileDifference[]> {
  const { outDir, files } = options;
  const existing = new Set(await listPackageFiles(outDir));
  const differences: FileDifference[] = [];
  for (const file of files) {
    if (!existing.has(file.path)) differences.push({ path: file.path, status: 'missing' });
    else if (readFileSync(join(outDir, file.path), 'utf8') !== file.contents) differences.push({ path: file.path, status: 'stale' });
    existing.delete(file.path);
  }
  for (const path of existing) differences.push({ path, status: 'extra' });
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * One hash over paths and the hash of each file's contents, the same whether taken from emitted
 * files or from disk (where each file's hash may be the one kept while its stamp is unchanged).
 */
export function digestFiles(files: EmittedFile[]): string {
  return digestHashes(files.map((file) => ({ path: file.path, sha256: sha256Hex(file.contents) })));
}

/** `digestFiles` of what is on disk now, or undefined when the folder is absent. */
export async function digestPackageOnDisk(options: { outDir: string; digests: FileDigests }): Promise<string | undefined> {
  const { outDir, digests } = options;
  if (!existsSync(outDir)) return undefined;
  const paths = await listPackageFiles(outDir);
  return digestHashes(await Promise.all(paths.map(async (path) => ({ path, sha256: await digests.sha256(join(outDir, path)) }))));
}

function digestHashes(files: Array<{ path: string; sha256: string }>): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${file.path}\0${file.sha256}\0`);
  }
  return hash.digest('hex');
}

function sha256Hex(contents: string): string {
  return createHash('sha256').update(contents).digest('hex');
}
