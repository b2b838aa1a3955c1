import { describe, expect, it } from 'vitest';
import type { SchemaIR } from '../../src/ir/types.ts';
import { MAX_OUTPUT_ENUM_VALUES, OUTPUT_SCHEMA_BUDGET, followSharedRef, planOutputSchema, planSharedSchemas } from '../../src/plan/schemas/output-schema.ts';

describe('planOutputSchema', () => {
  it('refers to component schemas, keeps property names that look like keywords, drops examples and descriptions', () => {
    const schemas: Record<string, SchemaIR> = { Tag: { type: 'string', description: 'A tag.', example: 'x', 'x-order': 1 } };
    const result = planOutputSchema({
      schema: {
        type: 'object',
        description: 'Long text',
        properties: { example: { $ref: '#/components/schemas/Tag' }, description: { type: 'string' } },
        default: { description: 'data stays' },
      },
      schemas,
    });
    expect(result).toEqual({
      type: 'object',
      properties: { example: { $ref: '#/$defs/Tag' }, description: { type: 'string' } },
      default: { description: 'data stays' },
    });
    expect(planSharedSchemas({ roots: [result], schemas })).toEqual({ Tag: { type: 'string' } });
  });

  it('keeps cycles as refs, escapes names, and marks unresolvable refs with a title', () => {
    const schemas: Record<string, SchemaIR> = {
      Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' }, odd: { $ref: '#/components/schemas/a~1b' } } },
      'a/b': { type: 'integer' },
    };
    const root = planOutputSchema({ schema: { $ref: '#/components/schemas/Node' }, schemas });
    expect(root).toEqual({ $ref: '#/$defs/Node' });
    expect(planSharedSchemas({ roots: [root], schemas })).toEqual({
      'a/b': { type: 'integer' },
      Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' }, odd: { $ref: '#/$defs/a~1b' } } },
    });
    expect(followSharedRef({ schema: { $ref: '#/$defs/a~1b' }, schemas })).toEqual({ type: 'integer' });
    expect(planOutputSchema({ schema: { $ref: '#/components/schemas/Nope' }, schemas })).toEqual({ title: 'Nope' });
  });

  it('inlines a ref into part of a component a few levels deep', () => {
    const schemas: Record<string, SchemaIR> = { Pet: { type: 'object', properties: { tag: { type: 'string', enum: ['a', 'b'] } } } };
    expect(planOutputSchema({ schema: { $ref: '#/components/schemas/Pet/properties/tag' }, schemas })).toEqual({ type: 'string', enum: ['a', 'b'] });
  });

  it('leaves out long enums and stays small for a wide schema graph', () => {
    const long = Array.from({ length: MAX_OUTPUT_ENUM_VALUES + 1 }, (_, index) => `v${index}`);
    expect(planOutputSchema({ schema: { type: 'string', enum: long }, schemas: {} })).toEqual({ type: 'string' });
    const schemas: Record<string, SchemaIR> = {};
    for (let level = 0; level < 4; level += 1) {
      const properties: Record<string, SchemaIR> = {};
      for (let index = 0; index < 40; index += 1) {
        properties[`p${index}`] = level === 3 ? { type: 'string' } : { $ref: `#/components/schemas/L${level + 1}` };
      }
      schemas[`L${level}`] = { type: 'object', properties };
    }
    // Each level is written once: four small schemas, not 40^3 copies.
    const shared = planSharedSchemas({ roots: [planOutputSchema({ schema: { $ref: '#/components/schemas/L0' }, schemas })], schemas });
    expect(Object.keys(shared)).toEqual(['L0', 'L1', 'L2', 'L3']);
    expect(JSON.stringify(shared).length).toBeLessThan(10_000);
    // One inline schema wider than the budget keeps only type and title past it.
    const wide: SchemaIR = { type: 'object', properties: Object.fromEntries(Array.from({ length: OUTPUT_SCHEMA_BUDGET + 10 }, (_, index) => [`p${index}`, { type: 'string', title: `P${index}`, minLength: 1 }])) };
    const properties = (planOutputSchema({ schema: wide, schemas: {} }) as { properties: Record<string, unknown> }).properties;
    expect(properties.p0).toEqual({ type: 'string', title: 'P0', minLength: 1 });
    expect(properties[`p${OUTPUT_SCHEMA_BUDGET + 5}`]).toEqual({ type: 'string', title: `P${OUTPUT_SCHEMA_BUDGET + 5}` });
    expect(Object.keys(properties)).toHaveLength(OUTPUT_SCHEMA_BUDGET + 10);
  });
});
