// A union of plain values (GitHub's issue title: `string | integer`) is planned as typed text that
// the runtime checks against the variants, so a host shows a text box rather than a JSON editor.
import { describe, expect, it } from 'vitest';
import { validateInput, type InputField } from '@specwire/runtime';
import type { SchemaIR } from '../../src/ir/types.ts';
import { newFieldContext, schemaToInputField } from '../../src/plan/inputs/input-field.ts';

function field(schema: SchemaIR): InputField {
  return schemaToInputField({ schema, name: 'title', context: newFieldContext({}) });
}

describe('primitive unions', () => {
  it('string | integer becomes a text field with both variants', () => {
    const title = field({ oneOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(title).toMatchObject({ type: 'string', inputType: 'text', variantMode: 'oneOf' });
    expect(title.variants?.map((variant) => [variant.label, variant.field.type, variant.field.format])).toEqual([
      ['string', 'string', undefined],
      ['integer', 'number', 'integer'],
    ]);
  });

  it('number | boolean is text too; a union with an object, an enum or an array stays JSON', () => {
    expect(field({ anyOf: [{ type: 'number' }, { type: 'boolean' }] })).toMatchObject({ type: 'string', inputType: 'text' });
    expect(field({ oneOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'string' } } }] })).toMatchObject({ type: 'object', inputType: 'json' });
    expect(field({ oneOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'integer' }] })).toMatchObject({ type: 'object', inputType: 'json' });
    expect(field({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })).toMatchObject({ type: 'object', inputType: 'json' });
  });

  it('the runtime still checks the value against the variants, not the text type', () => {
    const schema = { title: { ...field({ oneOf: [{ type: 'string' }, { type: 'integer' }] }), required: true } };
    expect(() => validateInput({ schema, input: { title: 42 } })).not.toThrow();
    expect(() => validateInput({ schema, input: { title: 'Broken login' } })).not.toThrow();
    expect(() => validateInput({ schema, input: { title: 4.5 } })).toThrow(/title/);
    expect(() => validateInput({ schema, input: { title: true } })).toThrow(/title/);
  });
});
