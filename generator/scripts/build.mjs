#!/usr/bin/env node
/**
 * `pnpm -C generator build`: bundles the CLI into dist/cli with esbuild. Each command's modules,
 * loaded by a dynamic import when the command runs, become their own chunk, so a run loads a handful
 * of files instead of one per source module (module loading was most of a no-change `pnpm generate`).
 * Type checking is `pnpm typecheck`'s job, as it was when tsc emitted JavaScript despite type errors.
 *
 * Every output file sits in dist/cli, one folder below dist, as the sources sit one folder below
 * src: paths the code builds from its own location (`../../package.json`, `../../schema/…`, the
 * worker script next to the worker pool) resolve the same from a chunk as from a source file.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const generatorDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const { dependencies } = JSON.parse(readFileSync(join(generatorDir, 'package.json'), 'utf8'));
/** Bundled in: what every command loads before it can parse its arguments. */
const BUNDLED = new Set(['commander']);

rmSync(join(generatorDir, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: generatorDir,
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    // Started by path as a worker thread (`--workers`), so it is an entry of its own.
    'cli/generate-connector-worker': 'src/pipeline/generate-connector-worker.ts',
  },
  outdir: 'dist',
  chunkNames: 'cli/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies load from node_modules as before; only the start-up path is bundled in.
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  // commander is CommonJS: its require() of node builtins needs a real require in an ES module.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
