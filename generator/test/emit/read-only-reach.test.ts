import { describe, expect, it } from 'vitest';
import { createReadOnlyReach } from '../../src/emit/read-only-reach.ts';

const DOCUMENT = {
  components: {
    schemas: {
      Plain: { type: 'object', properties: { name: { type: 'string' }, next: { $ref: '#/components/schemas/Plain' } } },
      Stamped: { type: 'object', properties: { id: { type: 'string', readOnly: true } } },
      // Reaches Stamped through two refs and a cycle back to itself.
      Outer: { type: 'object', properties: { middle: { $ref: '#/components/schemas/Middle' }, self: { $ref: '#/components/schemas/Outer' } } },
      Middle: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Stamped' }] } },
      'a/b~c': { type: 'object', properties: { id: { type: 'integer', readOnly: true } } },
      Inner: { type: 'object', properties: { part: { $ref: '#/components/schemas/Plain/properties/name' } } },
    },
    requestBodies: { Wrapped: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Outer' } } } } },
  },
};

describe('createReadOnlyReach', () => {
  const reaches = createReadOnlyReach(DOCUMENT);

  it('says no for a schema, cycles included, that reaches no readOnly property', () => {
    expect(reaches({ $ref: '#/components/schemas/Plain' })).toBe(false);
    expect(reaches({ type: 'object', properties: { a: { type: 'array', items: { $ref: '#/components/schemas/Plain' } } } })).toBe(false);
  });

  it('says yes for readOnly written in the schema or reached through any chain of refs', () => {
    expect(reaches({ type: 'object', properties: { id: { type: 'string', readOnly: true } } })).toBe(true);
    expect(reaches({ $ref: '#/components/schemas/Outer' })).toBe(true);
    expect(reaches({ oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/Middle' }] })).toBe(true);
    expect(reaches({ $ref: '#/components/schemas/a~1b~0c' })).toBe(true);
    // openapi-typescript prints `readonly` for any truthy readOnly.
    expect(reaches({ type: 'object', properties: { id: { type: 'string', readOnly: 'true' } } })).toBe(true);
  });

  it('counts a ref into the middle of a component, or to a missing one, as reaching readOnly', () => {
    expect(reaches({ $ref: '#/components/schemas/Inner' })).toBe(true);
    expect(reaches({ $ref: '#/components/schemas/Missing' })).toBe(true);
  });

  it('says no for a document without components', () => {
    expect(createReadOnlyReach({})({ type: 'string' })).toBe(false);
  });
});
