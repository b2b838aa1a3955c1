import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ConnectorDefinition } from '@specwire/runtime';
import { SpecwireError } from '../errors/index.ts';
import { didYouMean } from '../override/did-you-mean.ts';
import { loadOverrides } from '../override/index.ts';

/** The `mcp:` section of an override file, checked against the definition it curates. */
export interface McpSelection {
  actions?: string[];
  names?: Record<string, string>;
  /** Workspace-relative path of the file it came from, for messages. */
  file: string;
}

/**
 * Reads `mcp:` from the connector's override file (`overrides/<name>.yaml` unless another is given).
 * Ids are checked here, where the definition is known: an id that names no action, or two tools
 * given one name, is an error at the key that says so, before the server starts.
 */
export async function readMcpSelection(options: {
  root: string;
  definition: ConnectorDefinition;
  overridesFile?: string;
}): Promise<McpSelection | undefined> {
  const { root, definition } = options;
  const file = options.overridesFile ? resolve(options.overridesFile) : join(root, 'overrides', `${definition.name}.yaml`);
  if (!options.overridesFile && !existsSync(file)) return undefined;
  const loaded = await loadOverrides(file);
  const mcp = loaded.data.mcp;
  if (!mcp) return undefined;
  const inWorkspace = relative(root, file);
  const label = inWorkspace === '' || inWorkspace.startsWith('..') ? file : inWorkspace;
  const actionIds = new Set(definition.supported_actions.map((action) => action.id));
  const refuse = (options: { message: string; path: Array<string | number>; target?: 'key' | 'auto' }) =>
    new SpecwireError(options.message, { file: label, ...loaded.locate(options.path, options.target) });
  mcp.actions?.forEach((id, index) => {
    if (!actionIds.has(id)) {
      throw refuse({ message: `mcp.actions: "${id}" is not an action of ${definition.name}${didYouMean({ name: id, candidates: actionIds })}`, path: ['mcp', 'actions', index] });
    }
  });
  for (const id of Object.keys(mcp.names ?? {})) {
    if (!actionIds.has(id)) {
      throw refuse({ message: `mcp.names: "${id}" is not an action of ${definition.name}${didYouMean({ name: id, candidates: actionIds })}`, path: ['mcp', 'names', id], target: 'key' });
    }
  }
  const offered = mcp.actions ?? [...actionIds];
  const owner = new Map<string, string>();
  for (const id of offered) {
    const name = mcp.names?.[id] ?? id;
    const other = owner.get(name);
    if (other !== undefined) {
      throw refuse({ message: `mcp.names: "${name}" would name two tools (${other} and ${id})`, path: ['mcp', 'names', mcp.names?.[id] !== undefined ? id : other] });
    }
    owner.set(name, id);
  }
  return { ...(mcp.actions ? { actions: mcp.actions } : {}), ...(mcp.names ? { names: mcp.names } : {}), file: label };
}
