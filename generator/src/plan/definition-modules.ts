/**
 * How the definition is split across source files, so a reviewer reads one resource per file: each
 * action category gets a module under `src/actions/`, the shared schemas get `src/schemas.gen.ts`,
 * and `src/definition.gen.ts` keeps the connector's metadata and lists the actions in their order.
 * A change to one vendor operation or schema is then a hunk in the file of its resource.
 */
import type { ConnectorDefinition } from '@specwire/runtime';
import type { ActionPlan, DefinitionModules } from './types.ts';
import { claimUnique, splitWords, toCamelCase } from './names.ts';

export const SCHEMAS_MODULE = 'src/schemas.gen.ts';

/** Names that Windows refuses as file names whatever the extension. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
/** A long category stays a readable file name. */
const MAX_SLUG_LENGTH = 48;

export function planDefinitionModules(options: { definition: ConnectorDefinition; actions: readonly ActionPlan[] }): DefinitionModules {
  const methodNameOf = new Map(options.actions.map((action) => [action.actionId, action.methodName]));
  const bySlug = new Map<string, { slug: string; actionIds: string[] }>();
  for (const action of options.definition.supported_actions) {
    if (!methodNameOf.has(action.id)) continue;
    // Categories that differ only in case or punctuation ("Issues", "issues") share a file: file
    // systems that ignore case could not hold both.
    const slug = categorySlug(action.category);
    const group = bySlug.get(slug) ?? { slug, actionIds: [] };
    group.actionIds.push(action.id);
    bySlug.set(slug, group);
  }
  const namespaces = new Set<string>();
  const actions = [...bySlug.values()].map(({ slug, actionIds }) => ({
    path: `src/actions/${slug}.gen.ts`,
    namespace: claimUnique({ base: namespaceFor(slug), taken: namespaces, separator: '' }),
    actionIds,
  }));
  const hasSchemas = Object.keys(options.definition.schemas ?? {}).length > 0;
  return { ...(hasSchemas ? { schemas: SCHEMAS_MODULE } : {}), actions };
}

/** `Pull requests` → `pull-requests`; text with no ASCII word → `general`. */
export function categorySlug(category: string | undefined): string {
  const words = splitWords(category ?? '').map((word) => word.toLowerCase());
  let slug = words.join('-').slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  if (slug === '') slug = 'general';
  return DEVICE_NAMES.test(slug) ? `${slug}-actions` : slug;
}

/** `pull-requests` → `pullRequestsActions`: a plain identifier, never a name the definition file uses otherwise. */
function namespaceFor(slug: string): string {
  const camel = toCamelCase(slug);
  return /^[0-9]/.test(camel) ? `group${camel}Actions` : `${camel}Actions`;
}
