import { describe, expect, it } from 'vitest';
import type { InputField } from '@specwire/runtime';
import type { SchemaIR } from '../../src/ir/types.ts';
import { MAX_FIELD_DEPTH, newFieldContext, schemaToInputField } from '../../src/plan/inputs/input-field.ts';

function field(schema: SchemaIR, options: { name?: string; schemas?: Record<string, SchemaIR> } = {}): InputField {
  return schemaToInputField({ schema, name: options.name ?? 'value', context: newFieldContext(options.schemas ?? {}) });
}

describe('schemaToInputField: scalars', () => {
  it('maps enum to select with options', () => {
    expect(field({ type: 'string', enum: ['open', 'closed'], default: 'open' }, { name: 'state' })).toEqual({
      type: 'select',
      label: 'State',
      default: 'open',
      options: [
        { label: 'open', value: 'open' },
        { label: 'closed', value: 'closed' },
      ],
    });
  });

  it('maps const to a one-option select with that default', () => {
    expect(field({ const: 'v1' })).toMatchObject({ type: 'select', options: [{ label: 'v1', value: 'v1' }], default: 'v1' });
  });

  it('maps string formats to input types', () => {
    expect(field({ type: 'string', format: 'date' })).toMatchObject({ type: 'string', inputType: 'date', format: 'date' });
    expect(field({ type: 'string', format: 'date-time' })).toMatchObject({ inputType: 'datetime' });
    expect(field({ type: 'string', format: 'email' })).toMatchObject({ inputType: 'email' });
    expect(field({ type: 'string', format: 'uri' })).toMatchObject({ inputType: 'url' });
    // binary is a file only where files may go (a multipart body's parts); elsewhere a plain string.
    expect(field({ type: 'string', format: 'binary' })).toEqual({ type: 'string', label: 'Value' });
    const part = schemaToInputField({ schema: { type: 'string', format: 'binary' }, name: 'value', context: { ...newFieldContext({}), filesAllowed: true } });
    expect(part).toMatchObject({ inputType: 'file', format: 'binary' });
    expect(field({ type: 'string', format: 'password' })).toMatchObject({ inputType: 'password' });
  });

  it('uses a textarea for long-text names only', () => {
    expect(field({ type: 'string' }, { name: 'commit_message' }).inputType).toBe('textarea');
    expect(field({ type: 'string' }, { name: 'body' }).inputType).toBe('textarea');
    expect(field({ type: 'string' }, { name: 'title' }).inputType).toBeUndefined();
  });

  it('marks integers by format and copies validation', () => {
    expect(field({ type: 'integer', minimum: 1, maximum: 100 }, { name: 'per_page' })).toEqual({
      type: 'number',
      label: 'Per Page',
      format: 'integer',
      validation: { min: 1, max: 100 },
    });
    expect(field({ type: 'integer', format: 'int64' }).format).toBe('int64');
    expect(field({ type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 }).validation).toEqual({ exclusiveMin: 0, multipleOf: 0.5 });
    expect(field({ type: 'string', minLength: 2, maxLength: 5, pattern: '^a+$' }).validation).toEqual({ minLength: 2, maxLength: 5, pattern: '^a+$' });
  });

  it('takes description and a short placeholder from examples', () => {
    expect(field({ type: 'string', description: '  The name. ', example: 'octocat' })).toMatchObject({ description: 'The name.', placeholder: 'octocat' });
    expect(field({ type: 'object', examples: [{ a: 1 }] }).placeholder).toBe('{"a":1}');
    expect(field({ type: 'string', example: 'x'.repeat(200) }).placeholder).toBeUndefined();
  });

  it('folds null alternatives into nullable', () => {
    expect(field({ type: ['string', 'null'] })).toMatchObject({ type: 'string', nullable: true });
    expect(field({ anyOf: [{ $ref: '#/components/schemas/Id' }, { type: 'null' }] }, { schemas: { Id: { type: 'integer' } } })).toMatchObject({
      type: 'number',
      nullable: true,
    });
  });
});

describe('schemaToInputField: structures', () => {
  it('keeps nested objects structured, skips readOnly properties, marks required ones', () => {
    const result = field(
      {
        type: 'object',
        required: ['name'],
        properties: {
          id: { type: 'integer', readOnly: true },
          name: { type: 'string' },
          owner: { $ref: '#/components/schemas/Owner' },
          created: { $ref: '#/components/schemas/Stamp' },
        },
        additionalProperties: false,
      },
      { schemas: { Owner: { type: 'object', properties: { login: { type: 'string' } } }, Stamp: { type: 'string', readOnly: true } } },
    );
    expect(result).toEqual({
      type: 'object',
      label: 'Value',
      properties: {
        name: { type: 'string', label: 'Name', required: true },
        owner: { type: 'object', label: 'Owner', properties: { login: { type: 'string', label: 'Login' } } },
      },
      additionalProperties: false,
    });
  });

  it('treats a free-form object as JSON', () => {
    expect(field({ type: 'object' })).toEqual({ type: 'object', label: 'Value', inputType: 'json' });
  });

  it('maps arrays to itemSchema and arrays of enums to multiselect', () => {
    expect(field({ type: 'array', items: { type: 'string' }, maxItems: 3 }, { name: 'tags' })).toEqual({
      type: 'array',
      label: 'Tags',
      itemSchema: { type: 'string', label: 'Item' },
      validation: { maxItems: 3 },
    });
    expect(field({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } })).toMatchObject({
      type: 'multiselect',
      options: [
        { label: 'a', value: 'a' },
        { label: 'b', value: 'b' },
      ],
    });
  });

  it('merges allOf: properties and required unioned', () => {
    const result = field(
      { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['b'], properties: { b: { type: 'number' } } }] },
      { schemas: { Base: { type: 'object', required: ['a'], properties: { a: { type: 'string' } } } } },
    );
    expect(result.type).toBe('object');
    expect(result.properties).toEqual({
      a: { type: 'string', label: 'A', required: true },
      b: { type: 'number', label: 'B', required: true },
    });
  });

  it('maps oneOf to variants labelled by title, ref name or type, with the discriminator', () => {
    const schemas: Record<string, SchemaIR> = {
      Cat: { type: 'object', properties: { kind: { const: 'cat' }, meows: { type: 'boolean' } } },
      Dog: { title: 'A dog', type: 'object', properties: { kind: { const: 'dog' } } },
    };
    const result = field(
      {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
      },
      { name: 'pet', schemas },
    );
    expect(result).toMatchObject({ type: 'object', label: 'Pet', variantMode: 'oneOf', discriminator: 'kind' });
    expect(result.variants?.map((variant) => variant.label)).toEqual(['Cat', 'A dog']);
    expect(result.variants?.[0]?.field.properties?.meows).toEqual({ type: 'boolean', label: 'Meows' });
    const mixed = field({ anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'string' } } }] });
    expect(mixed).toMatchObject({ type: 'object', inputType: 'json', variantMode: 'anyOf' });
    expect(mixed.variants?.map((variant) => variant.label)).toEqual(['string', 'object']);
  });

  it('reads oneOf lists that combine required properties as variants of the whole object', () => {
    const result = field({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] });
    expect(result.variantMode).toBe('oneOf');
    expect(result.variants?.map((variant) => Object.entries(variant.field.properties ?? {}).map(([name, property]) => `${name}${property.required ? '!' : ''}`))).toEqual([
      ['a!', 'b'],
      ['a', 'b!'],
    ]);
  });

  it('ignores required combinations where no properties are declared beside them', () => {
    expect(field({ type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] }).variants).toBeUndefined();
  });
});

describe('schemaToInputField: bounds', () => {
  it('turns a circular ref into an opaque field and terminates', () => {
    const schemas: Record<string, SchemaIR> = {
      Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    };
    const result = field({ $ref: '#/components/schemas/Node' }, { schemas });
    expect(result.properties?.children?.itemSchema).toEqual({ type: 'object', label: 'Item', inputType: 'json', opaque: true });
  });

  it('terminates on a self-extending allOf', () => {
    const schemas: Record<string, SchemaIR> = {
      Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }, { type: 'object', properties: { x: { type: 'string' } } }] },
    };
    expect(field({ $ref: '#/components/schemas/Loop' }, { schemas }).properties).toEqual({ x: { type: 'string', label: 'X' } });
  });

  it('makes unresolvable refs and untyped schemas opaque', () => {
    expect(field({ $ref: '#/components/schemas/Missing' })).toMatchObject({ opaque: true, inputType: 'json' });
    expect(field({})).toMatchObject({ type: 'object', opaque: true });
    expect(field({ type: ['string', 'number'] })).toMatchObject({ opaque: true });
  });

  it('cuts nesting below the depth limit', () => {
    let schema: SchemaIR = { type: 'string' };
    for (let level = 0; level < MAX_FIELD_DEPTH + 3; level += 1) schema = { type: 'object', properties: { next: schema } };
    let current: InputField | undefined = field(schema);
    let depth = 0;
    while (current?.properties?.next) {
      current = current.properties.next;
      depth += 1;
    }
    expect(depth).toBe(MAX_FIELD_DEPTH);
    expect(current).toMatchObject({ opaque: true });
  });

  it('stays bounded on a wide, deep schema graph', () => {
    const schemas: Record<string, SchemaIR> = {};
    for (let level = 0; level < 6; level += 1) {
      const properties: Record<string, SchemaIR> = {};
      for (let index = 0; index < 30; index += 1) properties[`p${index}`] = level === 5 ? { type: 'string' } : { $ref: `#/components/schemas/L${level + 1}` };
      schemas[`L${level}`] = { type: 'object', properties };
    }
    const started = performance.now();
    const result = field({ $ref: '#/components/schemas/L0' }, { schemas });
    expect(JSON.stringify(result).length).toBeLessThan(1_000_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('keeps hostile property names as plain keys without touching prototypes', () => {
    const properties = JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "number"}}') as Record<string, SchemaIR>;
    const result = field({ type: 'object', properties });
    expect(Object.keys(result.properties ?? {})).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(result.properties)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const schemas = JSON.parse('{"constructor": {"type": "boolean"}}') as Record<string, SchemaIR>;
    expect(field({ $ref: '#/components/schemas/constructor' }, { schemas })).toMatchObject({ type: 'boolean' });
    expect(field({ $ref: '#/components/schemas/toString' })).toMatchObject({ opaque: true });
  });
});
