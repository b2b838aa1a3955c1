import { describe, expect, it } from 'vitest';
import type { SchemaIR } from '../../src/ir/types.ts';
import { MAX_OUTPUT_ENUM_VALUES, planOutputSchema } from '../../src/plan/output-schema.ts';

describe('planOutputSchema', () => {
  it('inlines refs, keeps property names that look like keywords, drops examples and descriptions', () => {
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
      properties: { example: { type: 'string' }, description: { type: 'string' } },
      default: { description: 'data stays' },
    });
  });

  it('marks cycles and unresolvable refs with a title', () => {
    const schemas: Record<string, SchemaIR> = { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } };
    expect(planOutputSchema({ schema: { $ref: '#/components/schemas/Node' }, schemas })).toEqual({
      type: 'object',
      properties: { next: { title: 'Node' } },
    });
    expect(planOutputSchema({ schema: { $ref: '#/components/schemas/Nope' }, schemas })).toEqual({ title: 'Nope' });
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
    const size = JSON.stringify(planOutputSchema({ schema: { $ref: '#/components/schemas/L0' }, schemas })).length;
    expect(size).toBeLessThan(20_000);
  });
});
