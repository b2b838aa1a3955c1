/**
 * Real specs the fuzzer mutates: small files from @readme/oas-examples and the corpus, the team's
 * fixtures, and a slice of GitHub's spec (a few paths plus every component they reach). Each seed is
 * parsed JSON data; mutations work on a copy.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const WORKSPACE_ROOT = resolve(here, '../../..');
const MODULES = join(WORKSPACE_ROOT, 'node_modules');
const CORPUS = resolve(WORKSPACE_ROOT, '../shared/corpus/specs');
/** Seeds bigger than this make each run slow without finding more. */
const MAX_SEED_BYTES = 120_000;

export interface SeedSpec {
  name: string;
  document: Record<string, unknown>;
}

function readDocument(file: string): Record<string, unknown> {
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return (file.includes('.json') ? JSON.parse(text) : parse(text, { schema: 'core', merge: false, maxAliasCount: 100 })) as Record<string, unknown>;
}

function smallFiles(folder: string, pattern: RegExp): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => pattern.test(name))
    .map((name) => join(folder, name))
    .filter((file) => statSync(file).isFile() && statSync(file).size <= MAX_SEED_BYTES)
    .sort();
}

/** A few GitHub paths and, transitively, every `#/components/...` entry they reference. */
export function githubSlice(options: { paths: string[] }): SeedSpec | undefined {
  const file = join(MODULES, '@octokit', 'openapi', 'generated', 'api.github.com.json');
  if (!existsSync(file)) return undefined;
  const full = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, unknown>; components: Record<string, Record<string, unknown>> };
  const components: Record<string, Record<string, unknown>> = {};
  const pending: unknown[] = [];
  const paths: Record<string, unknown> = {};
  for (const path of options.paths) {
    if (Object.hasOwn(full.paths, path)) {
      paths[path] = full.paths[path];
      pending.push(full.paths[path]);
    }
  }
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const match = key === '$ref' && typeof value === 'string' ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(value) : null;
        if (match) {
          const [, kind, name] = match as unknown as [string, string, string];
          const section = (components[kind] ??= {});
          if (!Object.hasOwn(section, name) && full.components[kind]?.[name] !== undefined) {
            section[name] = full.components[kind]![name];
            pending.push(section[name]);
          }
        } else pending.push(value);
      }
    }
  }
  const { paths: _paths, components: _components, webhooks: _webhooks, ...rest } = full as Record<string, unknown>;
  return { name: 'github-slice', document: structuredClone({ ...rest, paths, components }) };
}

export function loadSeedSpecs(): SeedSpec[] {
  const files = [
    ...smallFiles(join(MODULES, '@readme', 'oas-examples', '3.0', 'json'), /\.json$/),
    ...smallFiles(join(MODULES, '@readme', 'oas-examples', '3.1', 'json'), /\.json$/),
    ...smallFiles(join(MODULES, '@readme', 'oas-examples', '2.0', 'json'), /\.json$/),
    ...smallFiles(CORPUS, /\.(json|ya?ml)$/),
    join(WORKSPACE_ROOT, 'specs', 'kitchen-sink.yaml'),
    join(here, '..', 'fixtures', 'specs', 'swagger2-pets.yaml'),
    join(here, '..', 'fixtures', 'specs', 'openapi31-webhooks.yaml'),
    join(here, '..', 'fixtures', 'hostile', 'injection.yaml'),
  ].filter((file) => existsSync(file));
  const seeds: SeedSpec[] = [];
  for (const file of files) {
    try {
      seeds.push({ name: file.replace(`${WORKSPACE_ROOT}/`, '').replace(/^.*node_modules\//, 'npm:'), document: readDocument(file) });
    } catch {
      // A seed that does not even parse teaches nothing; the mutations make plenty of broken specs.
    }
  }
  const github = githubSlice({ paths: ['/repos/{owner}/{repo}/issues', '/repos/{owner}/{repo}/pulls/{pull_number}', '/user', '/gists/{gist_id}', '/search/code'] });
  if (github) seeds.push(github);
  return seeds;
}
