import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  actionBehaviourHints,
  actionInputJsonSchema,
  toAnthropicTools,
  toOpenAITools,
  validateInput,
  type ActionDefinition,
  type ConnectorDefinition,
} from '@specwire/runtime';
import { definition as github } from '../../../generated/github/src/definition.gen.ts';
import { definition as kitchenSink } from '../../../generated/kitchen-sink/src/definition.gen.ts';
import { definition as blockfrost } from '../../../generated/blockfrost/src/definition.gen.ts';
import { definition as directus } from '../../../generated/directus/src/definition.gen.ts';
import { definition as petstore } from '../../../generated/petstore/src/definition.gen.ts';
import { definition as trainTravel } from '../../../generated/train-travel/src/definition.gen.ts';
import { ANTHROPIC_TOOL_SHAPE, OPENAI_FUNCTION_TOOL_SHAPE } from './published-tool-shapes.ts';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const committed: ConnectorDefinition[] = [github, kitchenSink, blockfrost, directus, petstore, trainTravel];

describe('toOpenAITools / toAnthropicTools', () => {
  for (const definition of committed) {
    it(`${definition.name}: every action is a tool of OpenAI's published shape, its parameters a valid JSON Schema`, () => {
      const tools = toOpenAITools(definition);
      expect(tools).toHaveLength(definition.supported_actions.length);
      const fitsShape = ajv.compile(OPENAI_FUNCTION_TOOL_SHAPE);
      for (const tool of tools) {
        expect(fitsShape(tool), `${tool.function.name}: ${ajv.errorsText(fitsShape.errors)}`).toBe(true);
        expect(tool.function.parameters.type).toBe('object');
        expect(ajv.validateSchema(tool.function.parameters), `${tool.function.name}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
        expect(tool.function.description.length).toBeGreaterThan(0);
      }
      expect(new Set(tools.map((tool) => tool.function.name)).size).toBe(tools.length);
    });

    it(`${definition.name}: every action is a tool of Anthropic's published shape`, () => {
      const tools = toAnthropicTools(definition);
      const fitsShape = ajv.compile(ANTHROPIC_TOOL_SHAPE);
      for (const tool of tools) expect(fitsShape(tool), `${tool.name}: ${ajv.errorsText(fitsShape.errors)}`).toBe(true);
      expect(tools.map((tool) => tool.name)).toEqual(toOpenAITools(definition).map((tool) => tool.function.name));
    });
  }

  it('names that do not fit are cleaned, cut to 64 characters and kept unique; curated names and subsets apply', () => {
    const long = 'x'.repeat(70);
    const definition = connectorWith([action('get.thing', 'GET'), action(long, 'GET'), action(`${long}y`, 'GET'), action('delete_thing', 'DELETE')]);
    const names = toOpenAITools(definition).map((tool) => tool.function.name);
    expect(names).toEqual(['get_thing', 'x'.repeat(64), `${'x'.repeat(62)}_2`, 'delete_thing']);
    const curated = toAnthropicTools(definition, { actions: ['delete_thing', 'get.thing'], names: { 'get.thing': 'fetch_thing' } });
    expect(curated.map((tool) => tool.name)).toEqual(['delete_thing', 'fetch_thing']);
    expect(() => toOpenAITools(definition, { actions: ['nope'] })).toThrow('"nope" is not an action of test');
  });

  it('behaviour hints follow HTTP semantics and idempotency keys', () => {
    expect(actionBehaviourHints(action('a', 'GET'))).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(actionBehaviourHints(action('a', 'DELETE'))).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(actionBehaviourHints(action('a', 'PUT'))).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true });
    expect(actionBehaviourHints(action('a', 'POST'))).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    const keyed = action('a', 'POST');
    keyed.api.idempotencyHeader = 'Idempotency-Key';
    expect(actionBehaviourHints(keyed).idempotentHint).toBe(true);
  });
});

describe('actionInputJsonSchema', () => {
  it('states the rules validateInput enforces: types, limits, choices, null, variants, required', () => {
    const subject = action('a', 'POST');
    subject.inputSchema = {
      count: { type: 'number', label: 'Count', format: 'int32', required: true, validation: { min: 1, max: 10 } },
      name: { type: 'string', label: 'Name', nullable: true, validation: { maxLength: 3, pattern: '^[a-z]+$' } },
      mode: { type: 'select', label: 'Mode', options: [{ label: 'Fast', value: 'fast' }, { label: 'Slow', value: 'slow' }] },
      tags: { type: 'multiselect', label: 'Tags', options: [{ label: 'A', value: 'a' }], validation: { uniqueItems: true } },
      when: { type: 'date', label: 'When', inputType: 'datetime' },
      target: {
        type: 'object',
        label: 'Target',
        variantMode: 'oneOf',
        variants: [
          { label: 'id', field: { type: 'number', label: 'id', format: 'int64' } },
          { label: 'name', field: { type: 'string', label: 'name' } },
        ],
      },
      page: { type: 'number', label: 'Page', required: true, default: 1 },
    };
    const schema = actionInputJsonSchema(subject);
    expect(schema.required).toEqual(['count']);
    expect(schema.additionalProperties).toBe(false);
    const check = ajv.compile(schema);
    const samples: Array<Record<string, unknown>> = [
      { count: 3 },
      { count: 0 },
      { count: 2.5 },
      { count: 3, name: null },
      { count: 3, name: 'abcd' },
      { count: 3, name: 'AB' },
      { count: 3, mode: 'medium' },
      { count: 3, tags: ['a', 'a'] },
      { count: 3, target: 7 },
      { count: 3, target: 'seven' },
      { count: 3, target: true },
      { count: 3, other: 1 },
      {},
    ];
    for (const sample of samples) {
      let runtimeAccepts = true;
      try {
        validateInput({ schema: subject.inputSchema, input: sample });
      } catch {
        runtimeAccepts = false;
      }
      expect(check(sample), JSON.stringify(sample)).toBe(runtimeAccepts);
    }
    expect(schema.properties.when).toMatchObject({ type: 'string', format: 'date-time' });
  });
});

function action(id: string, method: ActionDefinition['api']['method']): ActionDefinition {
  return {
    id,
    name: id,
    description: `does ${id}`,
    category: 'test',
    api: { endpoint: '/thing', method, headers: {}, paramMapping: {}, response: { type: 'json' }, security: [] },
    inputSchema: {},
  };
}

function connectorWith(actions: ActionDefinition[]): ConnectorDefinition {
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
    supported_actions: actions,
    supported_triggers: [],
  };
}
