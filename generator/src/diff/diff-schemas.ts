/**
 * Changes to the response schemas a connector shares between actions (`definition.schemas`). A
 * property gone from a schema is breaking (a workflow reading it gets nothing); any other change
 * is listed so a reviewer sees it, once per schema, with the actions that return it.
 */
import type { ConnectorDefinition, JsonSchema } from '@specwire/runtime';
import type { Change } from './types.ts';

export function diffSharedSchemas(options: { before: ConnectorDefinition; after: ConnectorDefinition }): Change[] {
  const connector = options.after.name;
  const before = options.before.schemas ?? {};
  const after = options.after.schemas ?? {};
  const users = returnedBy(options.after);
  const changes: Change[] = [];
  for (const name of Object.keys(after).sort()) {
    if (!Object.hasOwn(before, name) || JSON.stringify(before[name]) === JSON.stringify(after[name])) continue;
    const where = usedBy({ name, users });
    const removed = propertyNames(before[name]).filter((property) => !propertyNames(after[name]).includes(property));
    for (const property of removed) {
      changes.push({ kind: 'output-property-removed', breaking: true, connector, message: `property "${property}" of response schema ${name} was removed${where}` });
    }
    if (removed.length === 0) changes.push({ kind: 'output-schema-changed', breaking: false, connector, message: `response schema ${name} changed${where}` });
  }
  return changes;
}

function propertyNames(schema: JsonSchema | undefined): string[] {
  const properties = typeof schema === 'object' ? schema.properties : undefined;
  return properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
}

/** Shared schema name → ids of the actions and triggers whose output schema refers to it directly. */
function returnedBy(definition: ConnectorDefinition): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const item of [...(definition.supported_actions ?? []), ...(definition.supported_triggers ?? [])]) {
    for (const name of new Set(refsOf(item.outputSchema))) users.set(name, [...(users.get(name) ?? []), item.id]);
  }
  return users;
}

const SHOWN_USERS = 3;

function usedBy(options: { name: string; users: Map<string, string[]> }): string {
  const ids = options.users.get(options.name) ?? [];
  if (ids.length === 0) return '';
  const more = ids.length > SHOWN_USERS ? ` and ${ids.length - SHOWN_USERS} more` : '';
  return ` (returned by ${ids.slice(0, SHOWN_USERS).join(', ')}${more})`;
}

function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (key !== '$ref' || typeof child !== 'string') return refsOf(child);
    const match = /^#\/\$defs\/([^/]+)$/.exec(child);
    return match ? [match[1]!.replace(/~1/g, '/').replace(/~0/g, '~')] : [];
  });
}
