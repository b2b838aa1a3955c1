import { describe, expect, it } from 'vitest';
import { normaliseSpec } from '../../src/normalise/index.ts';
import type { LoadedSpec } from '../../src/load/index.ts';

function swagger2(document: Record<string, unknown>): LoadedSpec {
  return {
    file: 'inline.yaml',
    document: { swagger: '2.0', info: { title: 'T', version: '1' }, ...document },
    sha256: '',
    specVersion: '2.0',
    declaredVersion: '2.0',
    warnings: [],
  };
}

const ok = { '200': { description: 'ok' } };

describe('normaliseSpec on Swagger 2.0', () => {
  it('moves definitions to components/schemas and rewrites refs', () => {
    const ir = normaliseSpec(
      swagger2({
        paths: { '/a': { get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/A' } } } } } },
        definitions: { A: { type: 'object', properties: { b: { $ref: '#/definitions/B' } } }, B: { type: 'string' } },
      }),
    );
    expect(ir.schemas).toEqual({
      A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
      B: { type: 'string' },
    });
    expect(ir.operations[0].responses).toEqual([
      { status: '200', description: 'ok', headers: [], contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/A' } }] },
    ]);
  });

  it('turns a body parameter into a request body under each consumes type', () => {
    const ir = normaliseSpec(
      swagger2({
        consumes: ['application/json', 'text/plain'],
        paths: { '/a': { post: { parameters: [{ name: 'b', in: 'body', required: true, description: 'd', schema: { type: 'object' } }], responses: ok } } },
      }),
    );
    expect(ir.operations[0].parameters).toEqual([]);
    expect(ir.operations[0].requestBody).toEqual({
      required: true,
      description: 'd',
      contents: [
        { mediaType: 'application/json', encoding: 'json', schema: { type: 'object' } },
        { mediaType: 'text/plain', encoding: 'text', schema: { type: 'object' } },
      ],
    });
  });

  it('turns formData into a multipart body when a file is sent, with file → binary string', () => {
    const ir = normaliseSpec(
      swagger2({
        paths: {
          '/u': {
            post: {
              consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
              parameters: [
                { name: 'f', in: 'formData', type: 'file', required: true },
                { name: 'note', in: 'formData', type: 'string', description: 'n' },
              ],
              responses: ok,
            },
          },
        },
      }),
    );
    expect(ir.operations[0].requestBody).toEqual({
      required: true,
      contents: [
        {
          mediaType: 'multipart/form-data',
          encoding: 'multipart',
          schema: {
            type: 'object',
            properties: { f: { type: 'string', format: 'binary' }, note: { type: 'string', description: 'n' } },
            required: ['f'],
          },
        },
      ],
    });
  });

  it('turns file-less formData into a urlencoded body with collectionFormat as property encoding', () => {
    const ir = normaliseSpec(
      swagger2({
        paths: {
          '/u': {
            post: {
              consumes: ['application/x-www-form-urlencoded'],
              parameters: [{ name: 'tags', in: 'formData', type: 'array', collectionFormat: 'multi', items: { type: 'string' } }],
              responses: ok,
            },
          },
        },
      }),
    );
    expect(ir.operations[0].requestBody).toEqual({
      required: false,
      contents: [
        {
          mediaType: 'application/x-www-form-urlencoded',
          encoding: 'form',
          schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } },
          propertyEncoding: { tags: { style: 'form', explode: true } },
        },
      ],
    });
  });

  it('maps collectionFormat to style/explode, with a warning for tsv', () => {
    const formats = ['csv', 'ssv', 'pipes', 'multi', 'tsv', undefined];
    const ir = normaliseSpec(
      swagger2({
        paths: {
          '/q': {
            get: {
              parameters: formats.map((format, index) => ({ name: `p${index}`, in: 'query', type: 'array', items: { type: 'string' }, ...(format ? { collectionFormat: format } : {}) })),
              responses: ok,
            },
          },
        },
      }),
    );
    expect(ir.operations[0].parameters.map(({ style, explode }) => [style, explode])).toEqual([
      ['form', false],
      ['spaceDelimited', false],
      ['pipeDelimited', false],
      ['form', true],
      ['form', false],
      ['form', false],
    ]);
    expect(ir.warnings).toEqual([{ pointer: '/paths/~1q/get/parameters/4/collectionFormat', message: expect.stringContaining('tsv') }]);
  });

  it('builds servers from schemes, host and basePath with https first, defaulting to https', () => {
    expect(normaliseSpec(swagger2({ host: 'h.example', basePath: '/v1/', schemes: ['http', 'https'], paths: {} })).servers).toEqual([
      { url: 'https://h.example/v1', variables: {} },
      { url: 'http://h.example/v1', variables: {} },
    ]);
    expect(normaliseSpec(swagger2({ host: 'h.example', paths: {} })).servers).toEqual([{ url: 'https://h.example', variables: {} }]);
    expect(normaliseSpec(swagger2({ basePath: '/api', paths: {} })).servers).toEqual([{ url: '/api', variables: {} }]);
    expect(normaliseSpec(swagger2({ paths: {} })).servers).toEqual([]);
  });

  it('converts securityDefinitions including OAuth2 flow names', () => {
    const ir = normaliseSpec(
      swagger2({
        paths: {},
        securityDefinitions: {
          b: { type: 'basic' },
          k: { type: 'apiKey', in: 'query', name: 'key' },
          code: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: { s: 'S' } },
          app: { type: 'oauth2', flow: 'application', tokenUrl: 'https://t', scopes: {} },
        },
      }),
    );
    expect(ir.securitySchemes).toEqual([
      { name: 'b', type: 'http', scheme: 'basic' },
      { name: 'k', type: 'apiKey', in: 'query', paramName: 'key' },
      { name: 'code', type: 'oauth2', flows: [{ flow: 'authorizationCode', authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: { s: 'S' } }] },
      { name: 'app', type: 'oauth2', flows: [{ flow: 'clientCredentials', tokenUrl: 'https://t', scopes: {} }] },
    ]);
  });

  it('uses produces for response media types and folds x-nullable and a string discriminator', () => {
    const ir = normaliseSpec(
      swagger2({
        produces: ['application/json', 'application/xml'],
        paths: { '/a': { get: { produces: ['image/png'], responses: { '200': { description: 'img', schema: { type: 'file' } } } } } },
        definitions: { P: { type: 'object', discriminator: 'kind', properties: { n: { type: 'string', 'x-nullable': true } } } },
      }),
    );
    expect(ir.operations[0].responses[0].contents).toEqual([{ mediaType: 'image/png', schema: { type: 'string', format: 'binary' } }]);
    expect(ir.schemas.P).toEqual({ type: 'object', discriminator: { propertyName: 'kind' }, properties: { n: { type: ['string', 'null'] } } });
  });

  it('passes non-standard type arrays (Slack) through', () => {
    const ir = normaliseSpec(swagger2({ paths: {}, definitions: { S: { type: ['null', 'string'] } } }));
    expect(ir.schemas.S).toEqual({ type: ['null', 'string'] });
  });
});
