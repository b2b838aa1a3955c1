/**
 * The types document is transformed without openapiTS()'s lint and bundle steps when bundling would
 * change nothing; the printed types must be exactly what openapiTS() prints, and any document the
 * check cannot vouch for goes through openapiTS() itself.
 */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { bundlesUnchanged, renderOpenapiTypes } from '../../src/emit/render-openapi-types.ts';
import { makeConnectorPlan, makeHostilePlan } from './factories.ts';

const copy = (document: unknown): OpenAPI3 => structuredClone(document) as OpenAPI3;

async function throughOpenapiTs(document: unknown): Promise<string> {
  return astToString(await openapiTS(copy(document), { silent: true, cwd: new URL('file:///specwire-types-document/') }));
}

async function rendered(document: unknown): Promise<string> {
  return astToString(await renderOpenapiTypes(copy(document)));
}

function documentWith(options: { schemas: Record<string, unknown>; response?: unknown }): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Zoo', version: '1' },
    paths: {
      '/pets/{id}': {
        get: {
          operationId: 'getPet',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: '', content: { 'application/json': { schema: options.response ?? { $ref: '#/components/schemas/Pet' } } } } },
        },
        put: {
          operationId: 'putPet',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          responses: { '204': { description: 'done' } },
        },
      },
    },
    components: { schemas: options.schemas },
  };
}

/** Discriminated union with mapping and inferred tags, allOf children, nullable and recursive members. */
const ZOO = {
  Pet: {
    oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
    discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
  },
  Base: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, parent: { $ref: '#/components/schemas/Pet' } } },
  Cat: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { lives: { type: 'integer', readOnly: true } } }] },
  Dog: {
    type: 'object',
    required: ['kind', 'tags'],
    properties: {
      kind: { type: 'string', enum: ['Dog'] },
      tags: { type: 'array', items: { type: ['string', 'null'] } },
      extra: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Base' } },
      note: { description: 'Free text', default: 'none', type: 'string' },
    },
  },
};

describe('renderOpenapiTypes', () => {
  it('prints what openapiTS() prints for the documents the plan synthesises', async () => {
    for (const plan of [makeConnectorPlan(), makeHostilePlan()]) {
      expect(bundlesUnchanged(plan.typesDocument)).toBe(true);
      expect(await rendered(plan.typesDocument)).toBe(await throughOpenapiTs(plan.typesDocument));
    }
  });

  it('prints what openapiTS() prints for discriminators, allOf, nullable and recursive schemas', async () => {
    const document = documentWith({ schemas: ZOO });
    expect(bundlesUnchanged(document)).toBe(true);
    const text = await rendered(document);
    expect(text).toBe(await throughOpenapiTs(document));
    // The discriminator enum openapi-typescript patches in is there: its transforms ran in full.
    expect(text).toContain('kind: "cat"');
  });

  it('patches discriminator enums into the document it is given, so callers pass a copy', async () => {
    const document = documentWith({ schemas: ZOO });
    const mine = copy(document);
    await renderOpenapiTypes(mine);
    expect(mine).not.toEqual(document);
  });

  it.each([
    ['a $ref with an escaped name', { schemas: { ...ZOO, 'a/b': { type: 'string' } }, response: { $ref: '#/components/schemas/a~1b' } }],
    ['a $ref to a missing component', { schemas: ZOO, response: { $ref: '#/components/schemas/Missing' } }],
    ['a $ref where a keyword holds a string', { schemas: { ...ZOO, Odd: { type: 'string', description: { $ref: '#/components/schemas/Base' } } } }],
    ['a discriminator mapping to a bare name', { schemas: { ...ZOO, Pet: { ...ZOO.Pet, discriminator: { propertyName: 'kind', mapping: { cat: 'Cat' } } } } }],
    ['items written as a list', { schemas: { ...ZOO, List: { type: 'array', items: [{ $ref: '#/components/schemas/Cat' }] } } }],
  ])('declines %s, and renders it through openapiTS()', async (_case, options) => {
    const document = documentWith(options);
    expect(bundlesUnchanged(document)).toBe(false);
    const direct = await rendered(document).then((text) => ({ text }), (error: unknown) => ({ error: String(error) }));
    const reference = await throughOpenapiTs(document).then((text) => ({ text }), (error: unknown) => ({ error: String(error) }));
    expect(direct).toEqual(reference);
  });

  it('declines documents outside the shape the plan gives: servers, duplicate operationIds, no openapi 3 version', () => {
    const withServers = { ...documentWith({ schemas: ZOO }), servers: [{ url: 'https://example.com/' }] };
    const duplicate = documentWith({ schemas: ZOO });
    ((duplicate.paths as Record<string, Record<string, { operationId: string }>>)['/pets/{id}']!.put!).operationId = 'getPet';
    const swagger = { ...documentWith({ schemas: ZOO }), openapi: undefined, swagger: '2.0' };
    for (const document of [withServers, duplicate, swagger]) expect(bundlesUnchanged(document)).toBe(false);
  });

  it('reports what openapiTS() reports for a document it declines', async () => {
    const swagger: Record<string, unknown> = { ...documentWith({ schemas: ZOO }), swagger: '2.0' };
    delete swagger.openapi;
    await expect(renderOpenapiTypes(copy(swagger))).rejects.toThrow('Swagger version: 2.x');
  });
});
