import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATOR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A hash of everything that decides what the generator writes besides its inputs: its own source
 * files and package.json, and the version of openapi-typescript (which renders the types). The
 * version string alone rarely changes while the generator is being worked on, so incremental
 * generation keys on this instead.
 */
export async function computeGeneratorFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const sourceDir = join(GENERATOR_DIR, 'src');
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(ts|json)$/.test(entry.name))
    .map((entry) => relative(sourceDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  for (const file of [...files.map((path) => `src/${path}`), 'package.json']) {
    hash.update(`${file}\0`).update(await readFile(join(GENERATOR_DIR, file))).update('\0');
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
