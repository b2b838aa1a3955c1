import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.ts';
import { normaliseSpec } from '../../src/normalise/index.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Vendor specs kept beside the checkout for developers and CI (absent for users). */
const corpusDir = join(repoRoot, '..', 'shared', 'corpus', 'specs');
const corpusFiles = existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => /\.(json|ya?ml)(\.gz)?$/.test(name)).sort() : [];
const npmSpecs = [
  '@octokit/openapi/generated/api.github.com.json',
  '@directus/specs/dist/openapi.json',
  '@blockfrost/openapi/openapi.yaml',
].map((relative) => join(repoRoot, 'node_modules', relative));

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Counted straight from the raw document, independently of the normaliser's own walk. */
function countOperations(document: Record<string, unknown>): number {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  let count = 0;
  for (const [path, item] of Object.entries(paths)) {
    if (path.startsWith('x-')) continue;
    let target: Record<string, unknown> = item;
    if (typeof item.$ref === 'string' && item.$ref.startsWith('#/')) {
      target = item.$ref
        .slice(2)
        .split('/')
        .reduce<Record<string, unknown>>((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown>, document);
    }
    count += Object.keys(target).filter((key) => METHODS.has(key)).length;
  }
  return count;
}

async function checkSpec(file: string): Promise<void> {
  const started = performance.now();
  const loaded = await loadSpec({ file });
  const ir = normaliseSpec(loaded);
  const elapsed = performance.now() - started;
  expect(ir.operations).toHaveLength(countOperations(loaded.document));
  expect(() => JSON.stringify(ir)).not.toThrow();
  // Every schema ref in the IR names a schema the IR carries.
  for (const match of JSON.stringify(ir).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
    const name = match[1].replace(/~1/g, '/').replace(/~0/g, '~');
    expect(Object.hasOwn(ir.schemas, name), `${file}: dangling ref ${match[1]}`).toBe(true);
  }
  console.info(`${file.split('/').pop()}: ${ir.operations.length} operations, load+normalise ${elapsed.toFixed(0)} ms`);
}

describe.skipIf(corpusFiles.length === 0)(`corpus specs (${corpusDir}; skipped when absent)`, () => {
  it.each(corpusFiles)('%s loads and normalises', async (name) => {
    await checkSpec(join(corpusDir, name));
  });
});

describe('npm-shipped vendor specs', () => {
  it.each(npmSpecs)('%s loads and normalises', async (file) => {
    expect(existsSync(file), `${file} missing: run pnpm install at the repo root`).toBe(true);
    await checkSpec(file);
  });
});
