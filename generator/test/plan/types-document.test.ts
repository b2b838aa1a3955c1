import { describe, expect, it } from 'vitest';
import { planConnector } from '../../src/plan/index.ts';
import { makeApi, makeCurated, makeOperation, makeParameter, makeProvenance, makeResponse } from './factories.ts';

function typesDocument(api: ReturnType<typeof makeApi>) {
  return planConnector({ curated: makeCurated({ api }), provenance: makeProvenance() }).typesDocument;
}

describe('typesDocument', () => {
  const api = makeApi({
    info: { title: 'Pets', version: '2.0.0', description: 'Long text' },
    schemas: {
      Unused: { type: 'string' },
      Pet: { type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' }, friends: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } }, example: { owner: {} } },
      Owner: { type: 'object', properties: { address: { $ref: '#/components/schemas/Address/properties/line' } } },
      Address: { type: 'object', properties: { line: { type: 'string' } } },
      NewPet: { type: 'object', properties: { name: { type: 'string' } } },
      XmlPet: { type: 'string' },
      Error: { type: 'object', properties: { message: { type: 'string' } } },
      Tag: { type: 'string' },
    },
    operations: [
      makeOperation({
        operationId: 'createPet',
        method: 'post',
        path: '/pets',
        parameters: [makeParameter({ name: 'Content-Type', in: 'header' }), makeParameter({ name: 'tag', schema: { $ref: '#/components/schemas/Tag' } })],
        requestBody: {
          required: true,
          contents: [
            { mediaType: 'application/xml', encoding: 'text', schema: { $ref: '#/components/schemas/XmlPet' } },
            { mediaType: 'application/json', encoding: 'json', schema: { $ref: '#/components/schemas/NewPet' } },
          ],
        },
        responses: [
          makeResponse({ status: '201', contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Pet' } }] }),
          makeResponse({ status: 'default', description: undefined, contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Error' } }] }),
        ],
      }),
      makeOperation({ operationId: 'listPets', method: 'get', path: '/pets', responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Missing' } }] })] }),
    ],
  });

  it('holds only the selected operations with action ids and the chosen media type', () => {
    const document = typesDocument(api);
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'Pets', version: '2.0.0' });
    expect(document.paths).toEqual({
      '/pets': {
        post: {
          operationId: 'create_pet',
          parameters: [{ name: 'tag', in: 'query', required: false, schema: { $ref: '#/components/schemas/Tag' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } },
          responses: {
            '201': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
            default: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
        get: {
          operationId: 'list_pets',
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: {} } } } },
        },
      },
    });
  });

  it('keeps exactly the schemas reachable from those operations, in spec order', () => {
    const document = typesDocument(api);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toEqual(['Pet', 'Owner', 'Address', 'NewPet', 'Error', 'Tag']);
    expect(schemas.Pet).toEqual({
      type: 'object',
      properties: { owner: { $ref: '#/components/schemas/Owner' }, friends: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } },
    });
  });

  it('reads refs by keyword, not by property name', () => {
    const document = typesDocument(
      makeApi({
        schemas: { Used: { type: 'string' }, NotASchema: { type: 'string' } },
        operations: [
          makeOperation({
            responses: [
              makeResponse({
                contents: [
                  {
                    mediaType: 'application/json',
                    schema: { type: 'object', properties: { $ref: { $ref: '#/components/schemas/Used' } }, default: { $ref: '#/components/schemas/NotASchema' } },
                  },
                ],
              }),
            ],
          }),
        ],
      }),
    );
    expect(Object.keys((document.components as { schemas: object }).schemas)).toEqual(['Used']);
  });
});
