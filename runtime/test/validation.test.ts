import { describe, expect, it } from 'vitest';
import { ConnectorError, validateInput, type InputField } from '@specwire/runtime';
import { defineAction, field } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

function errorOf(schema: Record<string, InputField>, input: unknown): ConnectorError {
  try {
    validateInput({ schema, input });
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

function messageOf(schema: Record<string, InputField>, input: unknown): string {
  const error = errorOf(schema, input);
  expect(error.code).toBe('VALIDATION_ERROR');
  return error.message;
}

describe('messages name the field path', () => {
  it('array item of the wrong type', () => {
    expect(messageOf({ labels: field('array', { itemSchema: field('string') }) }, { labels: ['a', 3] })).toBe(
      'input.labels[1]: expected string, got number',
    );
  });

  it('nested properties and required', () => {
    const schema = { user: field('object', { properties: { name: field('string', { required: true }), 'x-id': field('number') } }) };
    expect(messageOf(schema, { user: {} })).toBe('input.user.name: is required');
    expect(messageOf(schema, { user: { name: 'a', 'x-id': 'z' } })).toBe('input.user["x-id"]: expected number, got string');
  });

  it('required top-level field and unknown field', () => {
    const schema = { title: field('string', { required: true }) };
    expect(messageOf(schema, {})).toBe('input.title: is required');
    expect(messageOf(schema, { title: 'a', titel: 'b' })).toBe('input.titel: is not a known input field');
  });

  it('reports how many more issues there are and lists them', () => {
    const error = errorOf({ a: field('string', { required: true }), b: field('number', { required: true }) }, {});
    expect(error.message).toBe('input.a: is required (and 1 more)');
    expect(error.details).toEqual({ issues: [{ path: 'input.a', message: 'is required' }, { path: 'input.b', message: 'is required' }] });
  });

  it('never echoes the value', () => {
    const message = messageOf({ n: field('number') }, { n: 'my-secret-value' });
    expect(message).not.toContain('my-secret-value');
  });

  it('input must be an object', () => {
    expect(messageOf({}, [1])).toBe('input: expected an object, got array');
  });
});

describe('types and constraints', () => {
  const ok = (schema: Record<string, InputField>, input: Record<string, unknown>) => validateInput({ schema, input });

  it('numbers: finite, integer formats, bounds, multipleOf', () => {
    const schema = { n: field('number', { format: 'int32', validation: { min: 1, max: 10, multipleOf: 2 } }) };
    expect(ok(schema, { n: 4 })).toEqual({ n: 4 });
    expect(messageOf(schema, { n: 2.5 })).toContain('expected an integer');
    expect(messageOf(schema, { n: 12 })).toBe('input.n: must be <= 10');
    expect(messageOf(schema, { n: 3 })).toBe('input.n: must be a multiple of 2');
    expect(messageOf(schema, { n: Number.POSITIVE_INFINITY })).toBe('input.n: expected integer, got non-finite number');
    expect(messageOf({ f: field('number', { validation: { exclusiveMin: 0 } }) }, { f: 0 })).toBe('input.f: must be > 0');
    expect(ok({ f: field('number', { validation: { multipleOf: 0.1 } }) }, { f: 0.3 })).toEqual({ f: 0.3 });
  });

  it('strings: length and pattern', () => {
    const schema = { s: field('string', { validation: { minLength: 2, maxLength: 4, pattern: '^[a-z]+$' } }) };
    expect(ok(schema, { s: 'abc' })).toEqual({ s: 'abc' });
    expect(messageOf(schema, { s: 'a' })).toBe('input.s: must have at least 2 characters');
    expect(messageOf(schema, { s: 'ABC' })).toBe('input.s: must match the pattern "^[a-z]+$"');
  });

  it('an unanchored pattern matches anywhere, like JSON Schema', () => {
    expect(ok({ s: field('string', { validation: { pattern: 'b' } }) }, { s: 'abc' })).toEqual({ s: 'abc' });
  });

  it('a pattern RE2 cannot compile is skipped, not a crash', () => {
    expect(ok({ s: field('string', { validation: { pattern: '(?<=a)b\\1' } }) }, { s: 'zzz' })).toEqual({ s: 'zzz' });
  });

  it('a catastrophic-backtracking pattern finishes fast', () => {
    const schema = { s: field('string', { validation: { pattern: '^(a+)+$' } }) };
    const started = performance.now();
    expect(messageOf(schema, { s: `${'a'.repeat(30)}!` })).toContain('must match the pattern');
    expect(messageOf(schema, { s: `${'a'.repeat(100_000)}!` })).toContain('must match the pattern');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('enums via options, select and multiselect', () => {
    const options = [{ label: 'Open', value: 'open' }, { label: 'Closed', value: 'closed' }];
    expect(messageOf({ s: field('string', { options }) }, { s: 'x' })).toBe('input.s: must be one of: "open", "closed"');
    expect(messageOf({ s: field('select', { options }) }, { s: 'x' })).toBe('input.s: must be one of: "open", "closed"');
    expect(messageOf({ m: field('multiselect', { options }) }, { m: ['open', 'x'] })).toBe('input.m[1]: must be one of: "open", "closed"');
    expect(ok({ m: field('multiselect', { options }) }, { m: ['closed'] })).toEqual({ m: ['closed'] });
  });

  it('arrays: minItems, maxItems, uniqueItems (structural)', () => {
    const schema = { a: field('array', { validation: { minItems: 1, maxItems: 3, uniqueItems: true } }) };
    expect(messageOf(schema, { a: [] })).toBe('input.a: must have at least 1 items');
    expect(messageOf(schema, { a: [1, 2, 3, 4] })).toBe('input.a: must have at most 3 items');
    expect(messageOf(schema, { a: [{ x: 1, y: 2 }, { y: 2, x: 1 }] })).toBe('input.a: items must be unique');
    expect(ok(schema, { a: [1, '1'] })).toEqual({ a: [1, '1'] });
  });

  it('nullable and null', () => {
    expect(messageOf({ s: field('string') }, { s: null })).toBe('input.s: expected string, got null');
    expect(ok({ s: field('string', { nullable: true }) }, { s: null })).toEqual({ s: null });
  });

  it('additionalProperties false or typed', () => {
    expect(messageOf({ o: field('object', { properties: { a: field('string') }, additionalProperties: false }) }, { o: { b: 1 } })).toBe(
      'input.o.b: is not an allowed property',
    );
    expect(messageOf({ o: field('object', { additionalProperties: field('number') }) }, { o: { k: 'x' } })).toBe('input.o.k: expected number, got string');
  });

  it('opaque accepts any JSON, date accepts strings and Dates, files accept bytes', () => {
    expect(ok({ o: field('object', { opaque: true }) }, { o: [1, { a: null }] })).toEqual({ o: [1, { a: null }] });
    const when = new Date('2024-01-01T00:00:00Z');
    expect(ok({ d: field('date') }, { d: when })).toEqual({ d: when });
    expect(ok({ f: field('string', { inputType: 'file' }) }, { f: new Uint8Array(2) })).toBeTruthy();
    expect(messageOf({ f: field('string', { inputType: 'file' }) }, { f: 3 })).toContain('input.f: expected a file');
  });

  it('caps string size except for files', () => {
    const limits = { maxStringLength: 10, maxDepth: 64 };
    expect(() => validateInput({ schema: { s: field('string') }, input: { s: 'x'.repeat(11) }, limits })).toThrow(
      'input.s: string longer than the 10-character limit',
    );
    expect(validateInput({ schema: { f: field('string', { inputType: 'file' }) }, input: { f: 'x'.repeat(11) }, limits })).toBeTruthy();
    expect(() => validateInput({ schema: { o: field('object', { opaque: true }) }, input: { o: { deep: ['x'.repeat(11)] } }, limits })).toThrow(
      'input.o: holds a string longer than the 10-character limit',
    );
  });

  it('refuses input nested deeper than the limit', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = { v: value };
    expect(messageOf({ o: field('object', { opaque: true }) }, { o: value })).toBe('input.o: nested deeper than 64 levels, cyclic or too large');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(messageOf({ o: field('object') }, { o: cyclic })).toBe('input.o: nested deeper than 64 levels, cyclic or too large');
  });
});

describe('variants', () => {
  const cat = field('object', { properties: { kind: field('string', { options: [{ label: 'cat', value: 'cat' }] }), lives: field('number', { required: true }) } });
  const dog = field('object', { properties: { kind: field('string', { options: [{ label: 'dog', value: 'dog' }] }), bark: field('boolean', { required: true }) } });

  it('oneOf: exactly one variant', () => {
    const schema = { v: field('object', { variants: [{ label: 'Text', field: field('string') }, { label: 'Number', field: field('number') }], variantMode: 'oneOf' }) };
    expect(validateInput({ schema, input: { v: 'x' } })).toEqual({ v: 'x' });
    expect(messageOf(schema, { v: true })).toContain('input.v: boolean matches none of the variants (Text, Number)');
    const overlapping = {
      v: field('object', { variants: [{ label: 'A', field: field('string') }, { label: 'B', field: field('string', { validation: { maxLength: 5 } }) }], variantMode: 'oneOf' }),
    };
    expect(messageOf(overlapping, { v: 'x' })).toContain('matches more than one variant (A, B)');
    // Variants no value can tell apart (same shape, other labels) are not an ambiguity.
    const identical = { v: field('object', { variants: [{ label: 'A', field: field('string') }, { label: 'B', field: field('string') }], variantMode: 'oneOf' }) };
    expect(validateInput({ schema: identical, input: { v: 'x' } })).toEqual({ v: 'x' });
  });

  it('anyOf: at least one variant', () => {
    const schema = { v: field('object', { variants: [{ label: 'A', field: field('string') }, { label: 'B', field: field('string') }], variantMode: 'anyOf' }) };
    expect(validateInput({ schema, input: { v: 'x' } })).toEqual({ v: 'x' });
  });

  it('a discriminator picks the variant and errors name its fields', () => {
    const schema = { pet: field('object', { variants: [{ label: 'Cat', field: cat }, { label: 'Dog', field: dog }], variantMode: 'oneOf', discriminator: 'kind' }) };
    expect(validateInput({ schema, input: { pet: { kind: 'dog', bark: true } } })).toBeTruthy();
    expect(messageOf(schema, { pet: { kind: 'dog', lives: 9 } })).toBe('input.pet.bark: is required');
    expect(messageOf(schema, { pet: { kind: 'cow' } })).toBe('input.pet.kind: must be one of: "cat", "dog"');
    expect(messageOf(schema, { pet: {} })).toBe('input.pet.kind: is required to choose a variant');
  });
});

describe('in actions', () => {
  it('fills a missing required field from its default, and leaves optional defaults to the server', async () => {
    const action = defineAction({
      inputSchema: {
        per_page: field('number', { default: 30 }),
        state: field('string', { default: 'open', required: true }),
        page: field('number', { default: 1 }),
      },
      api: {
        paramMapping: {
          per_page: { in: 'query', name: 'per_page', style: 'form', explode: true },
          state: { in: 'query', name: 'state', style: 'form', explode: true },
          page: { in: 'query', name: 'page', style: 'form', explode: true },
        },
      },
    });
    const { srv } = await runAction({ action, input: { per_page: 5 } });
    expect(srv.requests[0]?.path).toBe('/test?per_page=5&state=open');
  });

  it('a validation failure sends nothing and names the field', async () => {
    const action = defineAction({ inputSchema: { labels: field('array', { itemSchema: field('string') }) }, api: { paramMapping: { labels: { in: 'body', name: 'labels' } } } });
    const { response, srv } = await runAction({ action, input: { labels: [1] } });
    expect(response).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR', message: 'input.labels[0]: expected string, got number' } });
    expect(srv.requests).toHaveLength(0);
  });

  it('keeps a constant query from the endpoint template', async () => {
    const action = defineAction({
      inputSchema: { q: field('string') },
      api: { endpoint: '/search?type=issue', paramMapping: { q: { in: 'query', name: 'q', style: 'form', explode: true } } },
    });
    const { srv } = await runAction({ action, input: { q: 'a b' } });
    expect(srv.requests[0]?.path).toBe('/search?type=issue&q=a%20b');
  });

  it('a __proto__ input key is data, not a prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": "x"}') as Record<string, unknown>;
    expect(messageOf({ a: field('string') }, input)).toBe('input.__proto__: is not a known input field');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
