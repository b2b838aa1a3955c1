/**
 * Degrade, never drop: a `$ref` naming something missing from the document costs the schema or
 * parameter that uses it (untyped or left out, with a warning marked `degraded` at its pointer),
 * and each operation learns which degraded parts it uses, however indirectly.
 */
import { describe, expect, it } from 'vitest';
import { normaliseSpec } from '../../src/normalise/index.ts';
import type { LoadedSpec, SpecVersion } from '../../src/load/index.ts';
import type { Warning } from '../../src/ir/types.ts';

function spec(version: SpecVersion, document: Record<string, unknown>, warnings: Warning[] = []): LoadedSpec {
  const head = version === '2.0' ? { swagger: '2.0' } : { openapi: version === '3.0' ? '3.0.3' : '3.1.0' };
  return { file: 'inline.yaml', document: { ...head, info: { title: 'T', version: '1' }, paths: {}, ...document }, sha256: '', specVersion: version, declaredVersion: version, warnings };
}

const json = (schema: unknown) => ({ 'application/json': { schema } });

/** Every `$ref` string in a value, so a test can assert none of them dangles. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : refsIn(child)));
}

describe('a dangling internal schema $ref', () => {
  const loaded = spec('3.0', {
    paths: {
      '/pets': {
        get: { operationId: 'listPets', responses: { '200': { description: 'ok', content: json({ $ref: '#/components/schemas/Pet' }) } } },
        post: { operationId: 'addPet', requestBody: { content: json({ $ref: '#/components/schemas/Tag' }) }, responses: { '204': { description: 'ok' } } },
      },
    },
    components: {
      schemas: {
        Pet: { type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' }, name: { type: 'string' } } },
        Owner: { type: 'object', properties: { address: { $ref: '#/components/schemas/Missing', description: 'where' } } },
        Tag: { type: 'string' },
        Shape: { oneOf: [{ $ref: '#/components/schemas/Tag' }], discriminator: { propertyName: 'kind', mapping: { tag: '#/components/schemas/Tag', gone: '#/components/schemas/Gone' } } },
      },
    },
  });
  const ir = normaliseSpec(loaded);

  it('makes only that schema untyped and keeps its annotations; nothing else changes', () => {
    expect(ir.schemas.Owner).toEqual({ type: 'object', properties: { address: { description: 'where' } } });
    expect(ir.schemas.Pet).toEqual({ type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' }, name: { type: 'string' } } });
    expect(ir.operations.map((operation) => operation.operationId)).toEqual(['listPets', 'addPet']);
  });

  it('leaves no ref in the IR that names a missing schema (so the types document stays valid)', () => {
    const names = new Set(Object.keys(ir.schemas));
    for (const ref of refsIn({ schemas: ir.schemas, operations: ir.operations })) {
      expect(names.has(ref.replace('#/components/schemas/', ''))).toBe(true);
    }
    expect(ir.schemas.Shape).toMatchObject({ discriminator: { propertyName: 'kind', mapping: { tag: '#/components/schemas/Tag' } } });
  });

  it('warns at the pointer of each ref, marked as a degradation', () => {
    expect(ir.warnings).toEqual([
      { pointer: '/components/schemas/Owner/properties/address', message: 'schema $ref "#/components/schemas/Missing" does not resolve; treated as untyped', effect: 'degraded' },
      { pointer: '/components/schemas/Shape/discriminator/mapping/gone', message: 'schema $ref "#/components/schemas/Gone" does not resolve; treated as untyped', effect: 'degraded' },
    ]);
    expect(ir.degradations).toEqual(ir.warnings);
  });

  it('tells the operation that reaches the degraded schema through other schemas, and only it', () => {
    const [listPets, addPet] = ir.operations;
    expect(listPets!.degradations?.map((warning) => warning.pointer)).toEqual(['/components/schemas/Owner/properties/address']);
    expect(addPet!.degradations).toBeUndefined();
  });
});

describe('dangling refs outside schemas', () => {
  it('drops a parameter whose $ref is missing and says so on the operation', () => {
    const ir = normaliseSpec(
      spec('3.0', {
        paths: {
          '/a': {
            get: {
              operationId: 'a',
              parameters: [{ $ref: '#/components/parameters/Missing' }, { $ref: '#/components/parameters/Limit' }],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
        components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { $ref: '#/components/schemas/Nope' } } } },
      }),
    );
    const [operation] = ir.operations;
    expect(operation!.parameters.map((parameter) => [parameter.name, parameter.schema])).toEqual([['limit', {}]]);
    expect(operation!.degradations?.map((warning) => `${warning.pointer}: ${warning.message}`)).toEqual([
      '/paths/~1a/get/parameters/0: $ref "#/components/parameters/Missing" cannot be followed; ignored',
      // A shared parameter is normalised where it is used, so its pointer goes through the ref.
      '/paths/~1a/get/parameters/1/schema: schema $ref "#/components/schemas/Nope" does not resolve; treated as untyped',
    ]);
  });

  it('attributes degradations found while loading (by pointer) to the operations whose schemas hold them', () => {
    const loadWarning: Warning = { pointer: '/definitions/Pet/properties/size/maximum', message: '"maximum" holds Infinity, which JSON cannot carry; it is left out', effect: 'degraded' };
    const ir = normaliseSpec(
      spec(
        '2.0',
        {
          paths: {
            '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'ok', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } } } },
            '/other': { get: { operationId: 'other', responses: { '204': { description: 'ok' } } } },
          },
          definitions: { Pet: { type: 'object', properties: { size: { type: 'number' } } } },
        },
        [loadWarning],
      ),
    );
    expect(ir.degradations).toEqual([loadWarning]);
    expect(ir.operations.map((operation) => [operation.operationId, operation.degradations])).toEqual([
      ['listPets', [loadWarning]],
      ['other', undefined],
    ]);
  });
});

describe('extensions are not flaws', () => {
  it('reads an x- entry of x-webhooks that is not a path item as an extension, not a degraded event', () => {
    const ir = normaliseSpec(
      spec('3.0', {
        'x-webhooks': {
          'x-sdk-exclude': true,
          created: { post: { requestBody: { content: json({ type: 'object' }) }, responses: { '200': { description: 'ok' } } } },
        },
      }),
    );
    expect(ir.webhooks.map((webhook) => webhook.name)).toEqual(['created']);
    expect(ir.warnings).toEqual([]);
    expect(ir.degradations).toBeUndefined();
  });
});
