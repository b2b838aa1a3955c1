import type { ActionDefinition } from '../definition.ts';

/** What OpenAI requires of a function name; Anthropic's rule is the same. MCP allows a superset. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_TOOL_NAME_LENGTH = 64;

/**
 * A tool name per action: the action id (already snake_case) when it fits the pattern, otherwise
 * the id with other characters turned into `_` and cut to 64, made unique with a numeric suffix.
 * `preferred` (e.g. curated names) wins over the id when it fits; an unfit one is cleaned the same way.
 */
export function toolNamesFor(options: { actions: ActionDefinition[]; preferred?: Record<string, string> }): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const action of options.actions) {
    const wanted = cleanToolName(options.preferred?.[action.id] ?? action.id);
    let name = wanted;
    for (let suffix = 2; taken.has(name); suffix += 1) {
      const tail = `_${suffix}`;
      name = `${wanted.slice(0, MAX_TOOL_NAME_LENGTH - tail.length)}${tail}`;
    }
    taken.add(name);
    names.set(action.id, name);
  }
  return names;
}

function cleanToolName(raw: string): string {
  const cleaned = raw.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, MAX_TOOL_NAME_LENGTH);
  return cleaned === '' ? 'action' : cleaned;
}
