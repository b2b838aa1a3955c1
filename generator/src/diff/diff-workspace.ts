import { diffConnectorPresence, diffDefinitions } from './diff-definitions.ts';
import { readDefinitionsAtRef, readWorkingDefinitions, type DefinitionsByConnector } from './read-definitions.ts';
import { regenerateDefinitions } from './regenerate-definitions.ts';
import type { Change } from './types.ts';

/**
 * Contract changes of every connector, by connector folder name: between a git ref and the
 * working tree's `generated/` (`base`), or between `generated/` and what regeneration from the
 * current `specs/` and `overrides/` would produce (`worktree`; nothing is written).
 */
export async function diffWorkspace(options: { root: string } & ({ base: string } | { worktree: true })): Promise<Change[]> {
  const [before, after] =
    'worktree' in options
      ? await Promise.all([readWorkingDefinitions({ root: options.root }), regenerateDefinitions({ root: options.root })])
      : await Promise.all([readDefinitionsAtRef({ root: options.root, ref: options.base }), readWorkingDefinitions({ root: options.root })]);
  return diffDefinitionSets({ before, after });
}

function diffDefinitionSets(options: { before: DefinitionsByConnector; after: DefinitionsByConnector }): Change[] {
  const { before, after } = options;
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((name) => {
    const old = before.get(name);
    const now = after.get(name);
    return old && now ? diffDefinitions(old, now) : diffConnectorPresence({ before: old, after: now });
  });
}
