import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
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

/** Files of a package folder that generation owns, sorted, POSIX separators. */
export async function listPackageFiles(outDir: string): Promise<string[]> {
  if (!existsSync(outDir)) return [];
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !KEPT_ENTRIES.includes(path.split('/')[0]!))
    .sort();
}

/** What writing `files` into `outDir` would change, by path; empty when the folder is up to date. */
export async function comparePackage(options: { outDir: string; files: EmittedFile[] }): Promise<FileDifference[]> {
  const { outDir, files } = options;
  const existing = new Set(await listPackageFiles(outDir));
  const differences: FileDifference[] = [];
  for (const file of files) {
    if (!existing.has(file.path)) differences.push({ path: file.path, status: 'missing' });
    else if ((await readFile(join(outDir, file.path), 'utf8')) !== file.contents) differences.push({ path: file.path, status: 'stale' });
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
