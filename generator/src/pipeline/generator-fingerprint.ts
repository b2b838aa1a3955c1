import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileDigests } from './file-digests.ts';

const GENERATOR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A hash of everything that decides what the generator writes besides its inputs: its own source
 * files and package.json, and the version of openapi-typescript (which renders the types). The
 * version string alone rarely changes while the generator is being worked on, so incremental
 * generation keys on this instead. Each file counts by its hash (`digests` reuses the hash of a
 * file whose stamp is unchanged, so a no-change run reads none of them).
 */
export async function computeGeneratorFingerprint(digests: FileDigests): Promise<string> {
  const hash = createHash('sha256');
  const sourceDir = join(GENERATOR_DIR, 'src');
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(ts|json)$/.test(entry.name))
    .map((entry) => relative(sourceDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  for (const file of [...files.map((path) => `src/${path}`), 'package.json']) {
    hash.update(`${file}\0${await digests.sha256(join(GENERATOR_DIR, file))}\0`);
  }
  hash.update(`openapi-typescript@${readDependencyVersion('openapi-typescript')}`);
  return hash.digest('hex');
}

function readDependencyVersion(name: string): string {
  try {
    const require = createRequire(join(GENERATOR_DIR, 'package.json'));
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
