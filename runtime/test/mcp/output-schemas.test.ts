import { afterEach, describe, expect, it, vi } from 'vitest';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { ConnectorDefinition } from '@specwire/runtime';
import { mcpOutputSchema, mcpToolsFor } from '@specwire/runtime/mcp';
import type { ActionDefinition } from '@specwire/runtime';
import { definition as blockfrost } from '../../../generated/blockfrost/src/definition.gen.ts';
import { definition as directus } from '../../../generated/directus/src/definition.gen.ts';
import { definition as github } from '../../../generated/github/src/definition.gen.ts';
import { definition as kitchenSink } from '../../../generated/kitchen-sink/src/definition.gen.ts';
import { definition as petstore } from '../../../generated/petstore/src/definition.gen.ts';
import { definition as trainTravel } from '../../../generated/train-travel/src/definition.gen.ts';

const committed: ConnectorDefinition[] = [blockfrost, directus, github, kitchenSink, petstore, trainTravel];

/**
 * The SDK's Client compiles every listed output schema with its own validator when it lists tools,
 * and one that does not compile fails the whole listing; so each committed connector's must compile there.
 */
describe('MCP tools of every committed connector', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const definition of committed) {
    it(`${definition.name}: output schemas compile in the SDK's validator without a warning; every tool has an object input schema`, () => {
      // Ajv reports unknown formats through console.warn, which a client would print for every listing.
      const warn = vi.spyOn(console, 'warn');
      const validator = new AjvJsonSchemaValidator();
      const tools = mcpToolsFor({ definition });
      expect(tools).toHaveLength(definition.supported_actions.length);
      for (const { tool } of tools) {
        expect(tool.inputSchema.type).toBe('object');
        if (tool.outputSchema) expect(() => validator.getValidator(tool.outputSchema!), tool.name).not.toThrow();
      }
      expect(warn).not.toHaveBeenCalled();
    });
  }
});

describe('mcpOutputSchema with shared schemas (definition.schemas)', () => {
  const issue = { type: 'object', required: ['number', 'user'], properties: { number: { type: 'integer' }, user: { $ref: '#/$defs/User' }, weird: { type: 'string', format: 'a sentence, not a format' } } };
  const user = { type: 'object', required: ['login'], properties: { login: { type: 'string' }, org: { $ref: '#/$defs/a~1b' } } };
  const shared = { Issue: issue, User: user, 'a/b': { type: 'string' }, Unused: { type: 'object' }, List: { type: 'array', items: { $ref: '#/$defs/Issue' } } };

  it('a root ref to an object is resolved, carries only the shared schemas it reaches, and validates in the SDK', () => {
    const definition = { ...connector(), schemas: shared };
    const schema = mcpOutputSchema({ definition, action: jsonAction({ $ref: '#/$defs/Issue', description: 'The issue.' }) });
    expect(schema?.type).toBe('object');
    expect(schema?.description).toBe('The issue.');
    expect(Object.keys(schema?.$defs as object).sort()).toEqual(['User', 'a/b']);
    expect(JSON.stringify(schema)).not.toContain('a sentence');
    const check = new AjvJsonSchemaValidator().getValidator(schema!);
    expect(check({ number: 1, user: { login: 'octocat', org: 'x' } }).valid).toBe(true);
    expect(check({ number: 1, user: { org: 'x' } }).valid).toBe(false);
    expect(check({ number: 1, user: { login: 'octocat', org: 5 } }).valid).toBe(false);
  });

  it('a ref to an array, a missing ref and a non-JSON response declare no output schema', () => {
    const definition = { ...connector(), schemas: shared };
    expect(mcpOutputSchema({ definition, action: jsonAction({ $ref: '#/$defs/List' }) })).toBeUndefined();
    expect(mcpOutputSchema({ definition, action: jsonAction({ $ref: '#/$defs/Missing' }) })).toBeUndefined();
    const text = jsonAction({ type: 'object' });
    text.api.response = { type: 'text' };
    expect(mcpOutputSchema({ definition, action: text })).toBeUndefined();
  });
});

function jsonAction(outputSchema: Record<string, unknown>): ActionDefinition {
  return {
    id: 'get_issue',
    name: 'Get issue',
    description: '',
    category: 'issues',
    api: { endpoint: '/issue', method: 'GET', headers: {}, paramMapping: {}, response: { type: 'json' }, security: [] },
    inputSchema: {},
    outputSchema,
  };
}

function connector(): ConnectorDefinition {
  return {
    name: 'test',
    display_name: 'Test',
    category: 'utility',
    description: '',
    auth_type: 'none',
    auth_fields: [],
    auth: [],
    endpoints: { base_url: 'http://127.0.0.1:1', servers: [] },
    webhook_support: false,
    supported_actions: [],
    supported_triggers: [],
  };
}
