import { describe, expect, it } from 'vitest';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { ActionDefinition, ConnectorDefinition } from '@specwire/runtime';
import { mcpToolsFor } from '@specwire/runtime/mcp';

function action(options: { id: string; outputSchema: ActionDefinition['outputSchema'] }): ActionDefinition {
  return {
    id: options.id,
    name: options.id,
    description: '',
    category: 'pets',
    api: { endpoint: `/${options.id}`, method: 'GET', paramMapping: {}, response: { type: 'json' }, security: [] },
    inputSchema: {},
    outputSchema: options.outputSchema,
  };
}

/** Output schemas as the generator writes them: component schemas once, referred to as `#/$defs/<name>`. */
const definition: ConnectorDefinition = {
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
    action({ id: 'get_pet', outputSchema: { $ref: '#/$defs/Pet' } }),
    action({ id: 'list_pets', outputSchema: { type: 'array', items: { $ref: '#/$defs/Pet' } } }),
    action({ id: 'get_owner', outputSchema: { $ref: '#/$defs/Owner' } }),
  ],
  supported_triggers: [],
  schemas: {
    Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    Pet: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, owner: { $ref: '#/$defs/Owner' }, parent: { $ref: '#/$defs/Pet' }, tag: { type: 'string', format: 'prose' } },
    },
    Unused: { type: 'string' },
  },
};

describe('MCP output schemas of shared schemas', () => {
  const tools = new Map(mcpToolsFor({ definition }).map(({ tool }) => [tool.name, tool]));

  it('declares an object behind a root ref, carrying just the shared schemas it reaches', () => {
    const pet = tools.get('get_pet')!.outputSchema!;
    expect(pet.type).toBe('object');
    expect(Object.keys(pet.$defs as object).sort()).toEqual(['Owner', 'Pet']);
    // Unknown formats are dropped inside `$defs` too.
    expect(JSON.stringify(pet)).not.toContain('prose');
    expect(tools.get('list_pets')!.outputSchema).toBeUndefined();
  });

  it('compiles in the SDK validator and checks nested refs, recursion included', () => {
    const validator = new AjvJsonSchemaValidator();
    const check = validator.getValidator(tools.get('get_pet')!.outputSchema!);
    expect(check({ name: 'Rex', owner: { name: 'Ann' }, parent: { name: 'Max' } }).valid).toBe(true);
    expect(check({ name: 'Rex', owner: {} }).valid).toBe(false);
    expect(check({ name: 'Rex', parent: { owner: { name: 'Ann' } } }).valid).toBe(false);
    const owner = validator.getValidator(tools.get('get_owner')!.outputSchema!);
    expect(owner({ name: 'Ann' }).valid).toBe(true);
  });
});
