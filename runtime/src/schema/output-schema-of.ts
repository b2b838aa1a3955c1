import type { ConnectorDefinition, JsonSchema } from '../definition.ts';

/** Per definition: action/trigger id → its self-contained output schema (built on first ask). */
const resolvedByDefinition = new WeakMap<ConnectorDefinition, Map<string, JsonSchema | undefined>>();

/**
 * The output schema of an action (or, failing that, a trigger) as one self-contained JSON Schema
 * document: its `#/$defs/<name>` refs resolve against a `$defs` that is the definition's shared
 * `schemas`, so any 2020-12 validator or form builder can read it. The shared map is referenced,
 * not copied, and the result is cached per definition. Undefined when the id has no output schema.
 */
export function outputSchemaOf(options: { definition: ConnectorDefinition; id: string }): JsonSchema | undefined {
  const { definition, id } = options;
  let cache = resolvedByDefinition.get(definition);
  if (!cache) {
    cache = new Map();
    resolvedByDefinition.set(definition, cache);
  }
  if (cache.has(id)) return cache.get(id);
  const owner = definition.supported_actions.find((action) => action.id === id) ?? definition.supported_triggers.find((trigger) => trigger.id === id);
  const resolved = selfContained({ schema: owner?.outputSchema, shared: definition.schemas });
  cache.set(id, resolved);
  return resolved;
}

function selfContained(options: { schema: JsonSchema | undefined; shared: Record<string, JsonSchema> | undefined }): JsonSchema | undefined {
  const { schema, shared } = options;
  if (schema === undefined || typeof schema === 'boolean' || shared === undefined || Object.keys(shared).length === 0) return schema;
  // A boolean or `$ref` root still needs a home for `$defs`: `allOf` keeps its meaning unchanged.
  return { $defs: shared, allOf: [schema] };
}
