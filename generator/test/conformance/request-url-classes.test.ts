import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectorDefinition } from '@specwire/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, readVendorSpec, sampleActionInputs, type ConformanceReport } from '../../src/conformance/index.ts';
import { matchPathTemplate, matchTemplateQuery } from '../../src/conformance/path-template.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';

/** Small specs for each class of request-URL verdict the directory run showed; each judged end to end. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specwire-url-classes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ok = { '200': { description: 'ok' } };

async function generate(name: string, spec: Record<string, unknown>): Promise<{ file: string; definition: ConnectorDefinition }> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ openapi: '3.0.0', info: { title: name, version: '1' }, ...spec }));
  const generated = await generateConnector({ specFile: file, specLabel: `${name}.json`, defaultName: name, runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
  return { file, definition: generated.plan.definition };
}

async function judge(options: { file: string; definition: ConnectorDefinition }): Promise<Map<string, ConformanceReport['operations'][number]>> {
  const { samples, unsampled } = sampleActionInputs(options.definition);
  const report = await checkConformance({ spec: await readVendorSpec(options.file), definition: options.definition, samples, unsampled });
  return new Map(report.operations.map((operation) => [operation.operation, operation]));
}

describe('request URLs judged against the vendor spec', () => {
  it('a connector whose only server is private gets the vendor base path from its user, as the judge plays the user', async () => {
    const generated = await generate('on-premises', {
      servers: [{ url: 'http://tools.local/context' }],
      paths: { '/rest-service/projects': { get: { operationId: 'listProjects', responses: ok } } },
    });
    expect(generated.definition.endpoints.base_url).toBe('');
    const verdicts = await judge(generated);
    expect(verdicts.get('GET /rest-service/projects')?.outcome).toBe('valid');
  });

  it('a query in the path key: placeholders filled from path parameters, literal pairs kept, an unfilled placeholder caught', async () => {
    const generated = await generate('path-key-query', {
      servers: [{ url: 'https://api.example.com/v3' }],
      paths: {
        '/history/export?filename={filename}': {
          get: { operationId: 'exportHistory', parameters: [{ name: 'filename', in: 'path', required: true, schema: { type: 'string', minLength: 3 } }], responses: ok },
        },
        '/numbers/search/{country}?{search}=1': {
          get: {
            operationId: 'searchNumbers',
            parameters: [
              { name: 'country', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'search', in: 'path', required: true, schema: { type: 'string' } },
            ],
            responses: ok,
          },
        },
        '/rest?method=items.list': {
          get: { operationId: 'listItems', parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }], responses: ok },
        },
        '/uploads?convert={convert}': { post: { operationId: 'upload', responses: ok } },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('GET /history/export?filename={filename}')?.outcome).toBe('valid');
    expect(verdicts.get('GET /numbers/search/{country}?{search}=1')?.outcome).toBe('valid');
    expect(verdicts.get('GET /rest?method=items.list')?.outcome).toBe('valid');
    // The key names {convert} and nothing declares it: the spec's own contradiction.
    expect(verdicts.get('POST /uploads?convert={convert}')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining('{convert}') });

    // A connector that leaves the placeholder unfilled is caught.
    const broken = structuredClone(generated.definition);
    const exporting = broken.supported_actions.find((action) => action.api.endpoint.startsWith('/history/export'))!;
    exporting.api.paramMapping.filename = { in: 'path', name: 'file', style: 'simple', explode: false };
    const brokenVerdicts = await judge({ file: generated.file, definition: broken });
    expect(brokenVerdicts.get('GET /history/export?filename={filename}')).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining("'filename'") });
  });

  it('matches the query part of a path key pair by pair, and names a literal pair the request lacks', () => {
    const query = new URLSearchParams('page=2&88=1&filename=a%20b.csv');
    const match = matchTemplateQuery({ template: '/x?filename={filename}&{search}=1&method=items.list', query });
    expect(match.values).toEqual({ filename: 'a%20b.csv', search: '88' });
    expect(match.rest.toString()).toBe('page=2');
    expect(match.missing).toEqual(['method=items.list']);
  });

  it('adjacent placeholders are split by the enum of the second (`{id}{mediaTypeExtension}`)', async () => {
    const generated = await generate('extensions', {
      servers: [{ url: 'https://api.example.com/1' }],
      paths: {
        '/profiles/{id}{mediaTypeExtension}': {
          get: {
            operationId: 'getProfile',
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'mediaTypeExtension', in: 'path', required: true, schema: { type: 'string', enum: ['.json'] } },
            ],
            responses: ok,
          },
        },
      },
    });
    expect((await judge(generated)).get('GET /profiles/{id}{mediaTypeExtension}')?.outcome).toBe('valid');
    expect(matchPathTemplate({ template: '/p/{id}{ext}', path: '/p/a.b.json', parameters: [{ name: 'ext', in: 'path', schema: { enum: ['.json', '.xml'] } }] })).toEqual({ id: 'a.b', ext: '.json' });
  });

  it('a query parameter named with brackets stays flat, while a deepObject parameter is still nested', async () => {
    const generated = await generate('brackets', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/categories': {
          get: {
            operationId: 'listCategories',
            parameters: [
              { name: 'limit[subcategories]', in: 'query', required: true, schema: { type: 'integer', maximum: 50 } },
              { name: 'filter[kind]', in: 'query', required: true, style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } },
              { name: 'page', in: 'query', required: true, style: 'deepObject', explode: true, schema: { type: 'object', required: ['size'], properties: { size: { type: 'string' } } } },
            ],
            responses: ok,
          },
        },
      },
    });
    expect((await judge(generated)).get('GET /categories')).toMatchObject({ outcome: 'valid' });
  });

  it('an exploded form object parameter is gathered back from its pairs; an array of objects in form style is the spec contradicting itself', async () => {
    const generated = await generate('exploded', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/attributes': {
          get: {
            operationId: 'setAttributes',
            parameters: [
              { name: 'EndpointArn', in: 'query', required: true, schema: { type: 'string' } },
              { name: 'Attributes', in: 'query', required: true, schema: { type: 'object', additionalProperties: { type: 'string' } } },
            ],
            responses: ok,
          },
        },
        '/point': {
          get: {
            operationId: 'getPoint',
            parameters: [{ name: 'point', in: 'query', required: true, schema: { type: 'object', required: ['x'], properties: { x: { type: 'integer' }, y: { type: 'integer' } } } }],
            responses: ok,
          },
        },
        '/tags': {
          get: {
            operationId: 'tagResource',
            parameters: [{ name: 'Tags', in: 'query', required: true, schema: { type: 'array', items: { type: 'object', required: ['Key'], properties: { Key: { type: 'string' } } } } }],
            responses: ok,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('GET /attributes')?.outcome).toBe('valid');
    expect(verdicts.get('GET /point')?.outcome).toBe('valid');
    expect(verdicts.get('GET /tags')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("'Tags' is an array of objects") });
    // A connector that sends the object unexploded (`point=x,1`) is caught.
    const broken = structuredClone(generated.definition);
    const point = broken.supported_actions.find((action) => action.api.endpoint === '/point')!;
    point.api.paramMapping.point = { in: 'query', name: 'point', style: 'form', explode: false };
    expect((await judge({ file: generated.file, definition: broken })).get('GET /point')).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining('/query/point') });
  });

  it("a path parameter placed after the path key's '#' is never sent: the spec contradicts itself there, not the connector", async () => {
    const generated = await generate('after-hash', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/send/#env/v1/partners/{partnerId}/transfers': {
          get: { operationId: 'listTransfers', parameters: [{ name: 'partnerId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok },
        },
        '/v1/{partnerId}/#Action=List': {
          get: { operationId: 'listActions', parameters: [{ name: 'partnerId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('GET /send/#env/v1/partners/{partnerId}/transfers')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("path parameter 'partnerId' is placed after the path key's '#'") });
    expect(verdicts.get('GET /v1/{partnerId}/#Action=List')?.outcome).toBe('valid');
  });

  it('objects and arrays reached through $ref and allOf inside a query parameter, and arrays of arrays in a path, are the same contradiction', async () => {
    const generated = await generate('nested-through-refs', {
      servers: [{ url: 'https://api.example.com' }],
      components: {
        schemas: {
          Tag: { type: 'object', properties: { Key: { type: 'string' }, Value: { type: 'string' } } },
          Content: { type: 'object', required: ['Data'], properties: { Data: { type: 'string' } } },
          EventTypes: { type: 'array', items: { type: 'string', enum: ['send', 'bounce'] } },
        },
      },
      paths: {
        '/tags': {
          get: {
            operationId: 'createTags',
            parameters: [{ name: 'Tag', in: 'query', required: true, schema: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Tag' }, { xml: { name: 'item' } }] } } }],
            responses: ok,
          },
        },
        '/email': {
          get: {
            operationId: 'sendEmail',
            parameters: [
              {
                name: 'Message',
                in: 'query',
                required: true,
                schema: { type: 'object', required: ['Subject'], properties: { Subject: { allOf: [{ $ref: '#/components/schemas/Content' }, { description: 'The subject.' }] } } },
              },
            ],
            responses: ok,
          },
        },
        '/destinations': {
          get: {
            operationId: 'createDestination',
            parameters: [
              {
                name: 'EventDestination',
                in: 'query',
                required: true,
                schema: { type: 'object', required: ['Name', 'MatchingEventTypes'], properties: { Name: { type: 'string' }, MatchingEventTypes: { allOf: [{ $ref: '#/components/schemas/EventTypes' }, { description: 'Types.' }] } } },
              },
            ],
            responses: ok,
          },
        },
        '/values/{rows}': {
          get: {
            operationId: 'getValues',
            parameters: [{ name: 'rows', in: 'path', required: true, schema: { type: 'array', items: { type: 'array', items: { type: 'string' } } } }],
            responses: ok,
          },
        },
        '/ranges': {
          get: {
            operationId: 'getRanges',
            parameters: [{ name: 'Range', in: 'query', required: true, schema: { $ref: '#/components/schemas/Content' } }],
            responses: ok,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('GET /tags')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("'Tag' is an array of objects") });
    expect(verdicts.get('GET /email')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("'Message' is an object holding objects or arrays") });
    expect(verdicts.get('GET /destinations')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("'EventDestination' is an object holding objects or arrays") });
    expect(verdicts.get('GET /values/{rows}')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("path parameter 'rows' is an array of arrays, which its style (simple)") });
    // A flat object behind a $ref is serialisable, and judged as sent.
    expect(verdicts.get('GET /ranges')?.outcome).toBe('valid');
  });

  it('API-key schemes of one requirement that name the same query parameter are one credential, sent once', async () => {
    const generated = await generate('twin-keys', {
      servers: [{ url: 'https://api.example.com/v1' }],
      components: {
        securitySchemes: {
          HeaderKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          QueryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
          apiKey: { type: 'apiKey', in: 'query', name: 'api_key' },
        },
      },
      security: [{ HeaderKey: [], QueryKey: [], apiKey: [] }],
      paths: {
        '/audits': {
          get: { operationId: 'listAudits', parameters: [{ name: 'api_key', in: 'query', required: true, schema: { type: 'string' } }], responses: ok },
        },
      },
    });
    expect(generated.definition.auth_fields.map((field) => field.key)).toEqual(['apiKey', 'queryKeyApiKey']);
    expect((await judge(generated)).get('GET /audits')?.outcome).toBe('valid');
  });

  it('a requirement whose two schemes share the Authorization header is a spec contradiction', async () => {
    const generated = await generate('shared-authorization', {
      servers: [{ url: 'https://registry.example.com' }],
      components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' }, tokenKey: { type: 'apiKey', in: 'header', name: 'Authorization' } } },
      security: [{ basicAuth: [], tokenKey: [] }],
      paths: { '/catalog': { get: { operationId: 'getCatalog', responses: ok } } },
    });
    expect((await judge(generated)).get('GET /catalog')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining('basicAuth + tokenKey') });
  });

  it('headers fetch adds by itself are not the mapping\'s; headers the connector sets are judged, arrays split as simple style', async () => {
    const generated = await generate('headers', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/search': {
          get: {
            operationId: 'search',
            parameters: [
              { name: 'Accept-Language', in: 'header', schema: { type: 'string', enum: ['de', 'en-us'] } },
              { name: 'Accept-Encoding', in: 'header', schema: { type: 'string', enum: ['base64'] } },
              { name: 'X-Fields', in: 'header', required: true, schema: { type: 'array', items: { type: 'string' } } },
            ],
            responses: ok,
          },
        },
      },
    });
    expect((await judge(generated)).get('GET /search')?.outcome).toBe('valid');
    const broken = structuredClone(generated.definition);
    broken.supported_actions[0]!.api.headers = { 'Accept-Language': 'xx' };
    expect((await judge({ file: generated.file, definition: broken })).get('GET /search')).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining('/header/accept-language') });
  });

  it('a header declared with a JSON content media type is sent and judged as JSON text', async () => {
    const generated = await generate('json-header', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/files': {
          post: {
            operationId: 'uploadFile',
            parameters: [
              {
                name: 'x-metadata',
                in: 'header',
                required: true,
                content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
              },
            ],
            responses: ok,
          },
        },
      },
    });
    expect((await judge(generated)).get('POST /files')).toMatchObject({ outcome: 'valid' });
  });

  it('a path sample is never empty (enum with "") and an id that is an integer or a string is no ambiguity on the wire', async () => {
    const generated = await generate('path-samples', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/jobs/{state}': {
          get: { operationId: 'listJobs', parameters: [{ name: 'state', in: 'path', required: true, schema: { type: 'string', enum: ['', 'active', 'failed'] } }], responses: ok },
        },
        '/videos/{id}': {
          get: {
            operationId: 'getVideo',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', minLength: 36, maxLength: 36 }, { type: 'string' }] } }],
            responses: ok,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('GET /jobs/{state}')?.outcome).toBe('valid');
    expect(verdicts.get('GET /videos/{id}')?.outcome).toBe('valid');
  });

  it('an object path parameter is sent with an entry; one that admits only {} is a spec contradiction', async () => {
    const readOnlyVersion = { type: 'object', additionalProperties: false, properties: { Major: { type: 'integer', readOnly: true }, Minor: { type: 'integer', readOnly: true } } };
    const generated = await generate('object-paths', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/plugins/{version}': { delete: { operationId: 'uninstall', parameters: [{ name: 'version', in: 'path', required: true, schema: readOnlyVersion }], responses: ok } },
        '/points/{point}': {
          get: { operationId: 'getPoint', parameters: [{ name: 'point', in: 'path', required: true, schema: { type: 'object', additionalProperties: false, properties: { x: { type: 'integer' } } } }], responses: ok },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('DELETE /plugins/{version}')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("'version' admits only an empty object") });
    expect(verdicts.get('GET /points/{point}')?.outcome).toBe('valid');
  });

  it('a literal path segment with a space matches its percent-encoded form', async () => {
    const generated = await generate('spaced', {
      servers: [{ url: 'https://api.example.com/Your API' }],
      paths: { '/Pull Request Path': { post: { operationId: 'pull', responses: ok } } },
    });
    expect((await judge(generated)).get('POST /Pull Request Path')?.outcome).toBe('valid');
  });

  it('an exploded form object whose properties sit in oneOf branches is gathered back from its pairs; an untyped enum of booleans reads the text true', async () => {
    const only = (name: string) => ({ title: name, properties: { [name]: { type: 'string' } }, required: [name], additionalProperties: false });
    const generated = await generate('query-branches', {
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/events': {
          get: {
            operationId: 'listEvents',
            parameters: [
              { name: 'filter', in: 'query', required: true, style: 'form', explode: true, schema: { type: 'object', oneOf: [only('user_id'), only('email')] } },
              { name: 'type', in: 'query', required: true, schema: { type: 'string' } },
            ],
            responses: ok,
          },
        },
        '/verification': { get: { operationId: 'verify', parameters: [{ name: 'retry', in: 'query', schema: { enum: [true] } }], responses: ok } },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('GET /events')?.outcome).toBe('valid');
    expect(verdicts.get('GET /verification')?.outcome).toBe('valid');
    // The enum still binds: another value is caught.
    const broken = structuredClone(generated.definition);
    const verify = broken.supported_actions.find((action) => action.id === 'verify')!;
    verify.inputSchema.retry = { type: 'boolean', label: 'Retry' };
    const refused = await checkConformance({ spec: await readVendorSpec(generated.file), definition: broken, samples: [{ actionId: 'verify', input: { retry: false } }] });
    expect(refused.operations[0]).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining('/query/retry') });
  });
});
