import { describe, expect, it } from 'vitest';
import { outputSchemaOf, type ActionDefinition, type ConnectorDefinition } from '../src/index.ts';

function action(options: { id: string; outputSchema?: ActionDefinition['outputSchema'] }): ActionDefinition {
  return {
    id: options.id,
    name: options.id,
    description: '',
    category: 'pets',
    api: { endpoint: '/pets', method: 'GET', paramMapping: {}, response: { type: 'json' }, security: [] },
    inputSchema: {},
    ...(options.outputSchema !== undefined ? { outputSchema: options.outputSchema } : {}),
  };
}

function definition(options: { schemas?: ConnectorDefinition['schemas'] }): ConnectorDefinition {
  return {
    name: 'pets',
    display_name: 'Pets',
    category: 'utility',
    description: '',
    auth_type: 'none',
    auth_fields: [],
    auth: [],
    endpoints: { base_url: 'https://pets.test', servers: [] },
    webhook_support: false,
    supported_actions: [
      action({ id: 'list_pets', outputSchema: { type: 'array', items: { $ref: '#/$defs/Pet' } } }),
      action({ id: 'delete_pet' }),
    ],
    supported_triggers: [
      { id: 'new_pet', name: 'New pet', description: '', eventType: 'poll:list_pets', inputSchema: {}, outputSchema: { $ref: '#/$defs/Pet' }, webhookRequired: false, pollingEnabled: true },
    ],
    ...(options.schemas ? { schemas: options.schemas } : {}),
  };
}

/** Follows a local `#/$defs/<name>` ref the way a JSON Schema validator does: from the document root. */
function resolveRef(options: { document: unknown; ref: string }): unknown {
  const name = /^#\/\$defs\/(.+)$/.exec(options.ref)?.[1];
  const defs = (options.document as { $defs?: Record<string, unknown> }).$defs;
  return name === undefined ? undefined : defs?.[name];
}

describe('outputSchemaOf', () => {
  const pet = { type: 'object', properties: { name: { type: 'string' }, parent: { $ref: '#/$defs/Pet' } } };

  it('returns a self-contained document whose refs resolve to the shared schemas', () => {
    const connector = definition({ schemas: { Pet: pet } });
    const schema = outputSchemaOf({ definition: connector, id: 'list_pets' });
    expect(schema).toEqual({ $defs: { Pet: pet }, allOf: [{ type: 'array', items: { $ref: '#/$defs/Pet' } }] });
    expect(resolveRef({ document: schema, ref: '#/$defs/Pet' })).toBe(pet);
    // A trigger's schema is found the same way, and a recursive ref resolves inside the same document.
    const trigger = outputSchemaOf({ definition: connector, id: 'new_pet' });
    expect(resolveRef({ document: trigger, ref: (pet.properties.parent as { $ref: string }).$ref })).toBe(pet);
  });

  it('builds each schema once per definition and shares, never copies, the schemas map', () => {
    const connector = definition({ schemas: { Pet: pet } });
    const first = outputSchemaOf({ definition: connector, id: 'list_pets' });
    expect(outputSchemaOf({ definition: connector, id: 'list_pets' })).toBe(first);
    expect((first as { $defs: unknown }).$defs).toBe(connector.schemas);
    // Another definition object gets its own answer.
    expect(outputSchemaOf({ definition: definition({ schemas: { Pet: { type: 'string' } } }), id: 'list_pets' })).not.toBe(first);
  });

  it('returns the schema unchanged without shared schemas, and undefined without one', () => {
    const connector = definition({});
    expect(outputSchemaOf({ definition: connector, id: 'list_pets' })).toEqual({ type: 'array', items: { $ref: '#/$defs/Pet' } });
    expect(outputSchemaOf({ definition: connector, id: 'delete_pet' })).toBeUndefined();
    expect(outputSchemaOf({ definition: connector, id: 'no_such_action' })).toBeUndefined();
  });
});
