import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  const files: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(join(GENERATOR_DIR, folder), { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(path, `${path}/`);
      else if (entry.isFile() && /\.(ts|json)$/.test(entry.name)) files.push(path);
    }
  };
  walk('src', 'src/');
  for (const file of [...files.sort(), 'package.json']) {
    hash.update(`${file}\0${await digests.sha256(join(GENERATOR_DIR, file))}\0`);
  }
  hash.update(`openapi-typescript@${readDependencyVersion('openapi-typescript')}`);
  return hash.digest('hex');
}

/**
 * The version in the package.json of dependency `name`, found as Node finds it: in the nearest
 * node_modules folder up from the generator that holds it. Read as a file, not through require():
 * a no-change run would start CommonJS resolution for this one file.
 */
function readDependencyVersion(name: string): string {
  for (let folder = GENERATOR_DIR; ; folder = dirname(folder)) {
    try {
      return (JSON.parse(readFileSync(join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      if (dirname(folder) === folder) return 'unknown';
    }
  }
}
