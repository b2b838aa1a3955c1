import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ConnectorDefinition } from '@specwire/runtime';
import { SpecwireError } from '../errors/index.ts';
import { readDefinitionSource } from './parse-definition-source.ts';

const run = promisify(execFile);
/** Where a connector's definition lives, relative to the workspace root. */
const DEFINITION_PATH = /^generated\/([^/]+)\/src\/definition\.gen\.ts$/;
const GIT_OUTPUT_LIMIT = 512 * 1024 * 1024;

/** Connector folder name → its definition. */
export type DefinitionsByConnector = Map<string, ConnectorDefinition>;

/** Every `generated/<name>/src/definition.gen.ts` of the working tree, parsed (never imported). */
export async function readWorkingDefinitions(options: { root: string }): Promise<DefinitionsByConnector> {
  const generated = join(options.root, 'generated');
  const definitions: DefinitionsByConnector = new Map();
  if (!existsSync(generated)) return definitions;
  for (const entry of (await readdir(generated)).sort()) {
    if (!existsSync(join(generated, entry, 'src', 'definition.gen.ts'))) continue;
    definitions.set(entry, await readGeneratedDefinition({ root: options.root, name: entry }));
  }
  return definitions;
}

/** `generated/<name>/src/definition.gen.ts` and the modules it imports, parsed (never imported). */
export async function readGeneratedDefinition(options: { root: string; name: string }): Promise<ConnectorDefinition> {
  const src = join(options.root, 'generated', options.name, 'src');
  const file = `generated/${options.name}/src/definition.gen.ts`;
  return readDefinitionSource({
    text: await readFile(join(src, 'definition.gen.ts'), 'utf8'),
    file,
    // The reader admits only `./x.gen.ts` and `./folder/x.gen.ts` specifiers, and a symbolic link
    // (the file or its folder) is refused: what is read stays inside src/.
    readModule: async (specifier) => {
      const path = join(src, specifier);
      const folder = dirname(path);
      if (!existsSync(path)) return undefined;
      if (!(await lstat(path)).isFile() || (folder !== src && !(await lstat(folder)).isDirectory())) {
        throw new SpecwireError(`"${specifier}" is not a regular file`, { file });
      }
      return readFile(path, 'utf8');
    },
  });
}

/** The same files as committed at a git ref (`HEAD`, `origin/main`, a sha), read with `git show`. */
export async function readDefinitionsAtRef(options: { root: string; ref: string }): Promise<DefinitionsByConnector> {
  const { root, ref } = options;
  // A ref is passed as an argument, never through a shell; a leading dash would read as an option.
  if (ref.startsWith('-') || ref.includes(':') || ref.trim() === '') throw new SpecwireError(`--base "${ref}" is not a git ref`);
  const listing = await git({ root, args: ['ls-tree', '-r', '--name-only', `${ref}`, '--', 'generated/'], what: `list generated/ at ${ref}` });
  const definitions: DefinitionsByConnector = new Map();
  const paths = listing.split('\n').sort();
  const present = new Set(paths);
  const show = (path: string): Promise<string> => git({ root, args: ['show', `${ref}:${path}`], what: `read ${path} at ${ref}` });
  for (const path of paths) {
    const match = DEFINITION_PATH.exec(path);
    if (!match) continue;
    const src = path.replace(/definition\.gen\.ts$/, '');
    const readModule = async (specifier: string): Promise<string | undefined> => {
      const modulePath = `${src}${specifier.slice(2)}`;
      return present.has(modulePath) ? show(modulePath) : undefined;
    };
    definitions.set(match[1]!, await readDefinitionSource({ text: await show(path), file: `${ref}:${path}`, readModule }));
  }
  return definitions;
}

async function git(options: { root: string; args: string[]; what: string }): Promise<string> {
  try {
    const { stdout } = await run('git', options.args, { cwd: options.root, maxBuffer: GIT_OUTPUT_LIMIT, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const reason = typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim().split('\n')[0] : String(error);
    throw new SpecwireError(`git could not ${options.what}: ${reason}`);
  }
}
