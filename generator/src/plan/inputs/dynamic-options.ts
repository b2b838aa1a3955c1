/**
 * What a dynamic-options field needs from its form and what it can search: `dependsOn` is the
 * source action's required inputs that share a name with another field of the same action
 * (`owner`/`repo` for a branch picker), `searchParam` its search input. Overrides (`depends_on`,
 * `search`) win; they are checked here, once every action is planned.
 */
import type { ActionDefinition, LoadOptionsSource } from '@specwire/runtime';
import { SpecwireError } from '../../errors/index.ts';

/** Source inputs that take a search term, most specific first. */
const SEARCH_INPUTS = ['q', 'query', 'search', 'filter'] as const;

export function declareOptionsDependencies(options: { actions: readonly ActionDefinition[] }): void {
  const byId = new Map(options.actions.map((action) => [action.id, action]));
  for (const action of options.actions) {
    for (const [fieldName, field] of Object.entries(action.inputSchema)) {
      const source = field.loadOptionsSource;
      const sourceAction = source === undefined ? undefined : byId.get(source.action);
      if (source === undefined || sourceAction === undefined) continue;
      declareDependsOn({ action, fieldName, source, sourceAction });
      declareSearch({ action, fieldName, source, sourceAction });
    }
  }
}

function declareDependsOn(options: { action: ActionDefinition; fieldName: string; source: LoadOptionsSource; sourceAction: ActionDefinition }): void {
  const { action, fieldName, source, sourceAction } = options;
  if (source.dependsOn !== undefined) {
    for (const name of source.dependsOn) {
      if (name === fieldName || !Object.hasOwn(action.inputSchema, name)) {
        throw new SpecwireError(`options_from.depends_on of field "${fieldName}" (action "${action.id}"): "${name}" is not another field of the action`);
      }
    }
    return;
  }
  const constant = source.input ?? {};
  const derived = Object.entries(sourceAction.inputSchema)
    .filter(([name, input]) => input.required === true && name !== fieldName && !Object.hasOwn(constant, name) && Object.hasOwn(action.inputSchema, name))
    .map(([name]) => name);
  if (derived.length > 0) source.dependsOn = derived;
}

function declareSearch(options: { action: ActionDefinition; fieldName: string; source: LoadOptionsSource; sourceAction: ActionDefinition }): void {
  const { action, fieldName, source, sourceAction } = options;
  if (source.searchParam !== undefined) {
    if (!Object.hasOwn(sourceAction.inputSchema, source.searchParam)) {
      throw new SpecwireError(`options_from.search of field "${fieldName}" (action "${action.id}"): "${source.searchParam}" is not an input of action "${sourceAction.id}"`);
    }
    return;
  }
  const found = SEARCH_INPUTS.find((name) => Object.hasOwn(sourceAction.inputSchema, name) && sourceAction.inputSchema[name]?.type === 'string');
  if (found !== undefined) source.searchParam = found;
}
