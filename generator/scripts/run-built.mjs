#!/usr/bin/env node
/**
 * What the workspace's `pnpm specwire` and `pnpm generate` run: the compiled CLI (generator/dist),
 * rebuilt first when it is missing or older than its sources, so a fresh clone needs no extra
 * build step and an edit to the generator or runtime sources is never run stale. The check is a
 * walk of mtimes (milliseconds); the build runs only when something changed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The compiled generator imports the runtime's JavaScript, so both must be current. */
const PACKAGES = [
  { name: 'runtime', dir: join(root, 'runtime'), builtMarker: 'dist/cjs/package.json' },
  { name: 'generator', dir: join(root, 'generator'), builtMarker: 'dist/cli/main.js' },
];

function newestInput(dir) {
  let newest = statSync(join(root, 'tsconfig.base.json')).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && (entry.name === 'package.json' || /^tsconfig.*\.json$/.test(entry.name))) newest = Math.max(newest, statSync(join(dir, entry.name)).mtimeMs);
  }
  // By hand rather than readdirSync's `recursive`, joining with '/': a few hundred path.join calls
  // cost more than the stats they lead to.
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(dir, 'src'));
  return newest;
}

/** Why the package must be built first, or undefined when its dist is current. */
function staleness({ dir, builtMarker }) {
  const marker = join(dir, builtMarker);
  if (!existsSync(marker)) return 'not built yet';
  return statSync(marker).mtimeMs < newestInput(dir) ? 'its sources changed since the last build' : undefined;
}

function build(entry, reason) {
  const { name, dir } = entry;
  process.stderr.write(`specwire: building ${name} (${reason})…\n`);
  // npm_execpath is the pnpm (or npm) that started this script; fall back to pnpm on PATH.
  const runner = process.env.npm_execpath;
  const command = runner ? process.execPath : 'pnpm';
  const args = runner ? [runner, 'run', '--silent', 'build'] : ['run', '--silent', 'build'];
  const result = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status === 0) return;
  // tsc still writes JavaScript when it finds type errors (as tsx ran such sources before): a type
  // error in a part of the generator this command does not use should not stop it. `pnpm test`
  // type-checks everything.
  if (staleness(entry) === undefined) {
    process.stderr.write(`specwire: ${name} has type errors (above); running its JavaScript anyway\n`);
    return;
  }
  process.stderr.write(`specwire: building ${name} failed (see above)\n`);
  process.exit(1);
}

for (const entry of PACKAGES) {
  const reason = staleness(entry);
  if (reason) build(entry, reason);
}
await import('../dist/cli/main.js');
