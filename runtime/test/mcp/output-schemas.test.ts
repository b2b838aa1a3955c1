import { afterEach, describe, expect, it, vi } from 'vitest';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { ConnectorDefinition } from '@specwire/runtime';
import { mcpToolsFor } from '@specwire/runtime/mcp';
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
