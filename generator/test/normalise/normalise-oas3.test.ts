import { describe, expect, it } from 'vitest';
import { normaliseSpec } from '../../src/normalise/index.ts';
import type { LoadedSpec, SpecVersion } from '../../src/load/index.ts';

function oas(version: SpecVersion, document: Record<string, unknown>): LoadedSpec {
  return {
    file: 'inline.yaml',
    document: { openapi: version === '3.0' ? '3.0.3' : '3.1.0', info: { title: 'T', version: '1' }, paths: {}, ...document },
    sha256: '',
    specVersion: version,
    declaredVersion: version,
    warnings: [],
  };
}

const ok = { '200': { description: 'ok' } };

describe('normaliseSpec on OpenAPI 3.0', () => {
  it('folds nullable into type arrays, enums, and anyOf wrappers for refs and allOf', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        components: {
          schemas: {
            S: { type: 'string', nullable: true, enum: ['a', 'b'] },
            R: { $ref: '#/components/schemas/S', nullable: true, description: 'd' },
            A: { allOf: [{ $ref: '#/components/schemas/S' }], nullable: true },
            U: { nullable: true },
            F: { type: 'integer', nullable: false },
          },
        },
      }),
    );
    expect(ir.schemas).toEqual({
      S: { type: ['string', 'null'], enum: ['a', 'b', null] },
      R: { anyOf: [{ $ref: '#/components/schemas/S' }, { type: 'null' }], description: 'd' },
      A: { anyOf: [{ allOf: [{ $ref: '#/components/schemas/S' }] }, { type: 'null' }] },
      U: {},
      F: { type: 'integer' },
    });
  });

  it('converts boolean exclusiveMinimum/Maximum to the numeric form and keeps example', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        components: { schemas: { N: { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false, example: 5 } } },
      }),
    );
    expect(ir.schemas.N).toEqual({ type: 'number', exclusiveMinimum: 1, maximum: 9, example: 5 });
  });

  it('reads x-webhooks as webhooks', () => {
    const ir = normaliseSpec(oas('3.0', { 'x-webhooks': { ping: { post: { summary: 's', responses: ok } } } }));
    expect(ir.webhooks).toEqual([{ name: 'ping', pointer: '/x-webhooks/ping/post', method: 'post', summary: 's' }]);
  });

  it('keeps a $ref with siblings as a ref and keeps the siblings (valid 2020-12)', () => {
    const ir = normaliseSpec(oas('3.0', { components: { schemas: { A: { type: 'string' }, B: { $ref: '#/components/schemas/A', description: 'x' } } } }));
    expect(ir.schemas.B).toEqual({ $ref: '#/components/schemas/A', description: 'x' });
  });

  it('ignores validation keywords beside a $ref, as 3.0 says, and keeps annotations', () => {
    const schemas = {
      Code: { type: 'string', enum: ['a', 'b'] },
      Typed: { $ref: '#/components/schemas/Code', type: 'object', properties: { x: { type: 'string' } }, required: ['x'], description: 'd', readOnly: true },
    };
    expect(normaliseSpec(oas('3.0', { components: { schemas } })).schemas.Typed).toEqual({ $ref: '#/components/schemas/Code', description: 'd', readOnly: true });
    // 3.1 schemas are 2020-12, where the siblings apply beside the ref.
    expect(normaliseSpec(oas('3.1', { components: { schemas } })).schemas.Typed).toEqual(schemas.Typed);
  });
});

describe('normaliseSpec on OpenAPI 3.1', () => {
  it('keeps schemas as they are and reads webhooks', () => {
    const event = { type: 'object', properties: { note: { type: ['string', 'null'] }, n: { exclusiveMinimum: 0 } } };
    const ir = normaliseSpec(
      oas('3.1', {
        components: { schemas: { E: event } },
        webhooks: {
          created: {
            post: {
              description: 'd',
              requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/E' } } } },
              responses: ok,
            },
          },
        },
      }),
    );
    expect(ir.schemas.E).toEqual(event);
    expect(ir.webhooks).toEqual([
      {
        name: 'created',
        pointer: '/webhooks/created/post',
        method: 'post',
        description: 'd',
        requestBody: { required: false, contents: [{ mediaType: 'application/json', encoding: 'json', schema: { $ref: '#/components/schemas/E' } }] },
      },
    ]);
  });

  it('resolves a path item $ref from components/pathItems', () => {
    const ir = normaliseSpec(
      oas('3.1', {
        paths: { '/a': { $ref: '#/components/pathItems/A' } },
        components: { pathItems: { A: { get: { operationId: 'getA', responses: ok } } } },
      }),
    );
    expect(ir.operations.map(({ pointer, operationId, path }) => ({ pointer, operationId, path }))).toEqual([
      { pointer: '/paths/~1a/get', operationId: 'getA', path: '/a' },
    ]);
  });
});

describe('parameters', () => {
  it('merges path-level and operation-level parameters (operation wins), resolving refs and style defaults', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        paths: {
          '/items/{id}': {
            parameters: [{ $ref: '#/components/parameters/Id' }, { name: 'q', in: 'query', description: 'path-level' }],
            get: {
              parameters: [
                { name: 'q', in: 'query', description: 'operation-level', schema: { type: 'string' } },
                { name: 'h', in: 'header', schema: { type: 'string' } },
                { name: 'c', in: 'cookie', schema: { type: 'string' } },
                { name: 'j', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
              ],
              responses: ok,
            },
          },
        },
        components: { parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } } },
      }),
    );
    const common = { allowReserved: false, deprecated: false };
    expect(ir.operations[0].parameters).toEqual([
      { ...common, name: 'id', in: 'path', required: true, style: 'simple', explode: false, contentJson: false, schema: { type: 'integer' }, pointer: '/paths/~1items~1{id}/parameters/0' },
      { ...common, name: 'q', in: 'query', required: false, style: 'form', explode: true, contentJson: false, schema: { type: 'string' }, description: 'operation-level', pointer: '/paths/~1items~1{id}/get/parameters/0' },
      { ...common, name: 'h', in: 'header', required: false, style: 'simple', explode: false, contentJson: false, schema: { type: 'string' }, pointer: '/paths/~1items~1{id}/get/parameters/1' },
      { ...common, name: 'c', in: 'cookie', required: false, style: 'form', explode: true, contentJson: false, schema: { type: 'string' }, pointer: '/paths/~1items~1{id}/get/parameters/2' },
      { ...common, name: 'j', in: 'query', required: false, style: 'form', explode: true, contentJson: true, schema: { type: 'object' }, pointer: '/paths/~1items~1{id}/get/parameters/3' },
    ]);
  });

  it('leaves out only the operation whose path parameter has no placeholder, saying why and where', () => {
    const loaded = oas('3.0', {
      paths: {
        '/pets': {
          get: { operationId: 'listPets', parameters: [{ name: 'id', in: 'path', required: true }], responses: ok },
          post: { operationId: 'addPet', responses: ok },
        },
      },
    });
    const ir = normaliseSpec(loaded);
    expect(ir.operations.map((operation) => operation.operationId)).toEqual(['addPet']);
    expect(ir.excludedOperations).toEqual([
      { pointer: '/paths/~1pets/get', method: 'get', path: '/pets', operationId: 'listPets', reason: 'path parameter "id" has no placeholder in "/pets" (at /paths/~1pets/get/parameters/0)' },
    ]);
    expect(ir.warnings).toContainEqual({
      pointer: '/paths/~1pets/get',
      message: 'operation left out: path parameter "id" has no placeholder in "/pets" (at /paths/~1pets/get/parameters/0)',
      effect: 'excluded',
    });
  });

  it('synthesises a required string parameter for an undeclared placeholder, with a warning', () => {
    const ir = normaliseSpec(oas('3.0', { paths: { '/a/{x}': { get: { responses: ok } } } }));
    expect(ir.operations[0].parameters).toEqual([
      { name: 'x', in: 'path', required: true, style: 'simple', explode: false, allowReserved: false, contentJson: false, schema: { type: 'string' }, deprecated: false, pointer: '/paths/~1a~1{x}/get' },
    ]);
    expect(ir.warnings).toEqual([{ pointer: '/paths/~1a~1{x}/get', message: 'placeholder "{x}" in "/a/{x}" has no declared parameter; assumed a required string' }]);
  });

  it('drops Content-Type and Authorization header parameters but keeps Accept', () => {
    const headers = ['Accept', 'Content-Type', 'Authorization'].map((name) => ({ name, in: 'header', schema: { type: 'string' } }));
    const ir = normaliseSpec(oas('3.0', { paths: { '/a': { get: { parameters: headers, responses: ok } } } }));
    expect(ir.operations[0].parameters.map((parameter) => parameter.name)).toEqual(['Accept']);
    expect(ir.warnings).toHaveLength(2);
  });
});

describe('bodies and media types', () => {
  it('classifies media types into encodings', () => {
    const content = Object.fromEntries(
      [
        ['application/json', { type: 'object' }],
        ['application/vnd.api+json', { type: 'object' }],
        ['application/json; charset=utf-8', {}],
        ['application/x-www-form-urlencoded', { type: 'object' }],
        ['multipart/mixed', { type: 'object' }],
        ['application/octet-stream', { type: 'string' }],
        ['image/png', {}],
        ['application/pdf', {}],
        ['text/csv', { type: 'string' }],
        ['application/x-custom', { type: 'string', format: 'binary' }],
        ['application/x-custom-object', { type: 'object' }],
        ['application/x-custom-text', { type: 'string' }],
      ].map(([mediaType, schema]) => [mediaType, { schema }]),
    );
    const ir = normaliseSpec(oas('3.0', { paths: { '/a': { post: { requestBody: { content }, responses: ok } } } }));
    expect(ir.operations[0].requestBody?.contents.map(({ encoding }) => encoding)).toEqual([
      'json', 'json', 'json', 'form', 'multipart', 'binary', 'binary', 'binary', 'text', 'binary', 'json', 'text',
    ]);
  });

  it('resolves requestBody and response refs and keeps multipart property encoding', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        paths: { '/a': { post: { requestBody: { $ref: '#/components/requestBodies/B' }, responses: { '404': { $ref: '#/components/responses/NF' } } } } },
        components: {
          requestBodies: {
            B: {
              required: true,
              content: { 'multipart/form-data': { schema: { type: 'object' }, encoding: { meta: { contentType: 'application/json' } } } },
            },
          },
          responses: { NF: { description: 'nf', headers: { 'X-Rate': { schema: { type: 'integer' } } }, content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      }),
    );
    expect(ir.operations[0].requestBody).toEqual({
      required: true,
      contents: [{ mediaType: 'multipart/form-data', encoding: 'multipart', schema: { type: 'object' }, propertyEncoding: { meta: { contentType: 'application/json' } } }],
    });
    expect(ir.operations[0].responses).toEqual([{ status: '404', description: 'nf', headers: ['X-Rate'], contents: [{ mediaType: 'text/plain', schema: { type: 'string' } }] }]);
  });

  it('hoists a schema ref that points outside components/schemas to a synthetic component', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        paths: {
          '/a': {
            get: { responses: { '200': { description: 'a', content: { 'application/json': { schema: { type: 'object', properties: { self: { $ref: '#/paths/~1a/get/responses/200/content/application~1json/schema' } } } } } } } },
          },
        },
      }),
    );
    const name = 'paths_a_get_responses_200_content_application_json_schema';
    expect(ir.schemas[name]).toEqual({ type: 'object', properties: { self: { $ref: `#/components/schemas/${name}` } } });
    expect(JSON.stringify(ir)).toContain(`"#/components/schemas/${name}"`);
  });
});

describe('security, servers, order and safety', () => {
  it('computes effective security per operation', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        security: [{ key: [] }],
        components: { securitySchemes: { key: { type: 'apiKey', in: 'cookie', name: 'k' }, bearer: { type: 'http', scheme: 'Bearer', bearerFormat: 'JWT' } } },
        paths: {
          '/a': {
            get: { responses: ok },
            put: { security: [], responses: ok },
            post: { security: [{ bearer: [] }, {}], responses: ok },
          },
        },
      }),
    );
    expect(ir.operations.map(({ method, security }) => [method, security])).toEqual([
      ['get', [['key']]],
      ['put', []],
      ['post', [['bearer'], []]],
    ]);
    expect(ir.securitySchemes).toEqual([
      { name: 'key', type: 'apiKey', in: 'cookie', paramName: 'k' },
      { name: 'bearer', type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    ]);
  });

  it('keeps relative and templated servers and takes operation servers over path servers', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        servers: [{ url: '/api/v3' }, { url: 'https://{r}.x.example', variables: { r: { default: 'eu', enum: ['eu', 'us'] } } }],
        paths: {
          '/a': {
            servers: [{ url: 'https://path.example' }],
            get: { responses: ok },
            put: { servers: [{ url: 'https://op.example', description: 'op' }], responses: ok },
          },
        },
      }),
    );
    expect(ir.servers).toEqual([
      { url: '/api/v3', variables: {} },
      { url: 'https://{r}.x.example', variables: { r: { default: 'eu', enum: ['eu', 'us'] } } },
    ]);
    expect(ir.operations.map((operation) => operation.servers)).toEqual([
      [{ url: 'https://path.example', variables: {} }],
      [{ url: 'https://op.example', description: 'op', variables: {} }],
    ]);
  });

  it('lists operations in path order with the fixed method order', () => {
    const ir = normaliseSpec(
      oas('3.0', { paths: { '/b': { patch: { responses: ok }, get: { responses: ok } }, '/a': { head: { responses: ok }, delete: { responses: ok }, put: { responses: ok } } } }),
    );
    expect(ir.operations.map(({ method, path }) => `${method} ${path}`)).toEqual(['get /b', 'patch /b', 'put /a', 'delete /a', 'head /a']);
  });

  it('treats __proto__ and constructor keys as ordinary data without polluting prototypes', () => {
    const properties = JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "integer"}}') as Record<string, unknown>;
    const ir = normaliseSpec(oas('3.0', { components: { schemas: JSON.parse('{"__proto__": {"type": "object"}}'), }, paths: { '/a': { get: { responses: ok } } } }));
    const withProps = normaliseSpec(oas('3.0', { components: { schemas: { P: { type: 'object', properties } } } }));
    expect(Object.keys(ir.schemas)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(ir.schemas)).toBe(Object.prototype);
    expect(Object.keys((withProps.schemas.P as { properties: object }).properties)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('terminates on circular schemas and yields serialisable IR', () => {
    const ir = normaliseSpec(
      oas('3.0', {
        components: {
          schemas: {
            A: { allOf: [{ $ref: '#/components/schemas/B' }] },
            B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' }, self: { allOf: [{ $ref: '#/components/schemas/B' }] } } },
          },
        },
      }),
    );
    expect(JSON.parse(JSON.stringify(ir.schemas))).toEqual({
      A: { allOf: [{ $ref: '#/components/schemas/B' }] },
      B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' }, self: { allOf: [{ $ref: '#/components/schemas/B' }] } } },
    });
  });

  it('is deterministic: the same input gives identical output, warnings sorted', () => {
    const make = () => oas('3.0', { paths: { '/z/{b}': { get: { responses: ok } }, '/a/{a}': { get: { responses: ok } } } });
    const first = normaliseSpec(make());
    expect(JSON.stringify(normaliseSpec(make()))).toBe(JSON.stringify(first));
    expect(first.warnings.map((warning) => warning.pointer)).toEqual(['/paths/~1a~1{a}/get', '/paths/~1z~1{b}/get']);
  });
});
