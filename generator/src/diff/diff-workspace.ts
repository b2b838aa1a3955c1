import { diffConnectorPresence, diffDefinitions } from './diff-definitions.ts';
import { readDefinitionsAtRef, readWorkingDefinitions } from './read-definitions.ts';
import type { Change } from './types.ts';

/** Contract changes of every connector between a git ref and the working tree, by connector folder name. */
export async function diffWorkspace(options: { root: string; base: string }): Promise<Change[]> {
  const [before, after] = await Promise.all([
    readDefinitionsAtRef({ root: options.root, ref: options.base }),
    readWorkingDefinitions({ root: options.root }),
  ]);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((name) => {
    const old = before.get(name);
    const now = after.get(name);
    return old && now ? diffDefinitions(old, now) : diffConnectorPresence({ before: old, after: now });
  });
}
