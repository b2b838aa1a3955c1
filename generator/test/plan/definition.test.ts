import { describe, expect, it } from 'vitest';
import type { SecuritySchemeIR } from '../../src/ir/types.ts';
import { planConnector } from '../../src/plan/index.ts';
import {
  apiKeyHeaderScheme,
  apiKeyQueryScheme,
  basicScheme,
  bearerScheme,
  makeApi,
  makeBody,
  makeCurated,
  makeOperation,
  makeParameter,
  makeProvenance,
  makeResponse,
} from './factories.ts';

function plan(options: Parameters<typeof makeCurated>[0]) {
  return planConnector({ curated: makeCurated(options), provenance: makeProvenance() });
}

const oauthScheme: SecuritySchemeIR = {
  name: 'oauth',
  type: 'oauth2',
  flows: [
    { flow: 'clientCredentials', tokenUrl: 'https://auth.test/cc', scopes: { admin: 'Admin' } },
    { flow: 'authorizationCode', authorizationUrl: 'https://auth.test/authorize', tokenUrl: 'https://auth.test/token', scopes: { read: 'Read', write: 'Write' } },
  ],
};

describe('planConnector: metadata and auth', () => {
  it('copies connector metadata and names the package', () => {
    const result = plan({});
    expect(result).toMatchObject({ name: 'test-api', packageName: '@specwire/connector-test-api', className: 'TestApiConnector' });
    expect(result.definition).toMatchObject({
      name: 'test-api',
      display_name: 'Test API',
      category: 'development',
      description: 'A test connector.',
      auth_type: 'none',
      auth_fields: [],
      auth: [],
      webhook_support: false,
      supported_triggers: [],
    });
    expect(result.files.definition).toBe('src/definition.gen.ts');
  });

  it('plans a single bearer scheme', () => {
    const { definition } = plan({ securitySchemes: [bearerScheme] });
    expect(definition.auth_type).toBe('bearer_token');
    expect(definition.auth).toEqual([{ id: 'bearerAuth', type: 'bearer', credential: 'accessToken' }]);
    expect(definition.auth_fields).toEqual([{ key: 'accessToken', label: 'Access Token', type: 'password', required: true, schemes: ['bearerAuth'] }]);
  });

  it('plans basic auth with username and password fields', () => {
    const { definition } = plan({ securitySchemes: [basicScheme] });
    expect(definition.auth_type).toBe('basic_auth');
    expect(definition.auth_fields.map((field) => [field.key, field.type])).toEqual([
      ['username', 'string'],
      ['password', 'password'],
    ]);
  });

  it('gives several API keys distinct credentials and uses override labels', () => {
    const { definition } = plan({
      securitySchemes: [apiKeyHeaderScheme, { name: 'app_key', type: 'apiKey', in: 'query', paramName: 'application_key', description: 'The app key.' }],
      authFieldText: { apiKey: { label: 'Your key', placeholder: 'sk-…' } },
    });
    expect(definition.auth_type).toBe('api_key');
    expect(definition.auth).toEqual([
      { id: 'headerKey', type: 'apiKey', in: 'header', name: 'X-API-Key', credential: 'apiKey' },
      { id: 'app_key', type: 'apiKey', in: 'query', name: 'application_key', credential: 'appKeyApiKey' },
    ]);
    expect(definition.auth_fields).toEqual([
      { key: 'apiKey', label: 'Your key', type: 'password', required: true, placeholder: 'sk-…', schemes: [apiKeyHeaderScheme.name] },
      { key: 'appKeyApiKey', label: 'App Key', type: 'password', required: true, description: 'The app key.', schemes: ['app_key'] },
    ]);
  });

  it('plans oauth2 from the authorizationCode flow and says multiple when kinds differ', () => {
    const { definition } = plan({ securitySchemes: [oauthScheme, apiKeyQueryScheme, { name: 'oidc', type: 'openIdConnect', openIdConnectUrl: 'https://auth.test/.well-known' }] });
    expect(definition.auth_type).toBe('multiple');
    expect(definition.auth[0]).toEqual({
      id: 'oauth',
      type: 'oauth2',
      credential: 'accessToken',
      authorizationUrl: 'https://auth.test/authorize',
      tokenUrl: 'https://auth.test/token',
      scopes: ['read', 'write'],
    });
    expect(definition.auth[2]).toEqual({ id: 'oidc', type: 'bearer', credential: 'accessToken' });
    expect(definition.oauth_config).toEqual({ authorization_url: 'https://auth.test/authorize', token_url: 'https://auth.test/token', scopes: ['read', 'write'] });
    expect(definition.auth_fields.map((field) => [field.key, field.required, field.schemes])).toEqual([
      ['accessToken', false, ['oauth', 'oidc']],
      ['clientId', false, ['oauth']],
      ['clientSecret', false, ['oauth']],
      ['refreshToken', false, ['oauth']],
      ['expiresAt', false, ['oauth']],
      ['apiKey', false, [apiKeyQueryScheme.name]],
    ]);
  });

  it('leaves out schemes the runtime cannot apply and drops security alternatives naming them', () => {
    const digest: SecuritySchemeIR = { name: 'digest', type: 'http', scheme: 'digest' };
    const { definition } = plan({
      securitySchemes: [digest, bearerScheme],
      operations: [makeOperation({ security: [['digest'], ['bearerAuth'], ['digest', 'bearerAuth'], []] })],
    });
    expect(definition.auth.map((scheme) => scheme.id)).toEqual(['bearerAuth']);
    expect(definition.supported_actions[0]?.api.security).toEqual([['bearerAuth'], []]);
  });
});

describe('planConnector: endpoints', () => {
  it('substitutes server variable defaults and marks user-settable ones', () => {
    const { definition, tests } = plan({
      servers: [
        {
          url: 'https://{region}.api.test/{version}/',
          description: 'Regional',
          variables: { region: { default: 'eu', enum: ['eu', 'us'] }, version: { default: 'v2' } },
          userSettable: ['region'],
        },
      ],
    });
    expect(definition.endpoints).toEqual({
      base_url: 'https://eu.api.test/v2',
      servers: [
        {
          url: 'https://{region}.api.test/{version}/',
          description: 'Regional',
          variables: {
            region: { default: 'eu', enum: ['eu', 'us'], userSettable: true },
            version: { default: 'v2', userSettable: false },
          },
        },
      ],
    });
    expect(tests.basePath).toBe('/v2');
  });

  it('keeps a relative server URL relative and gives "" without servers', () => {
    expect(plan({ servers: [{ url: '/api/v3', variables: {}, userSettable: [] }] }).definition.endpoints.base_url).toBe('/api/v3');
    const none = plan({ servers: [] });
    expect(none.definition.endpoints).toEqual({ base_url: '', servers: [] });
    expect(none.tests.basePath).toBe('');
  });

  it('gives an action with its own servers a baseUrl', () => {
    const { definition } = plan({ operations: [makeOperation({ servers: [{ url: 'https://uploads.test/{v}', variables: { v: { default: 'x' } } }] })] });
    expect(definition.supported_actions[0]?.api.baseUrl).toBe('https://uploads.test/x');
  });
});

describe('planConnector: actions', () => {
  it('fills name, description and category from overrides, else the spec', () => {
    const { definition, actions } = plan({
      operations: [
        makeOperation({ operationId: 'issues/create', method: 'post', summary: 'Create an\nissue', description: '  **Creates** an issue.  ', tags: ['issues', 'x'] }),
        makeOperation({ operationId: 'getThing', deprecated: true }),
        makeOperation({ operationId: 'other', summary: 'Spec summary' }),
      ],
      overrides: { 2: { name: 'Custom name', description: 'Custom description', category: 'custom' } },
    });
    const [first, second, third] = definition.supported_actions;
    expect(first).toMatchObject({ id: 'issues_create', name: 'Create an issue', description: '**Creates** an issue.', category: 'issues' });
    expect(first?.api).toMatchObject({ endpoint: '/items', method: 'POST', response: { type: 'json', contentType: 'application/json' } });
    // No constant headers: the key is left out rather than written as `{}`.
    expect(first?.api).not.toHaveProperty('headers');
    expect(second).toMatchObject({ id: 'get_thing', name: 'Get Thing', description: '', category: 'general', deprecated: true });
    expect(third).toMatchObject({ name: 'Custom name', description: 'Custom description', category: 'custom' });
    expect(actions.map((action) => [action.actionId, action.methodName, action.inputTypeName, action.outputTypeName])).toEqual([
      ['issues_create', 'issuesCreate', 'IssuesCreateInput', 'IssuesCreateOutput'],
      ['get_thing', 'getThing', 'GetThingInput', 'GetThingOutput'],
      ['other', 'other', 'OtherInput', 'OtherOutput'],
    ]);
    expect(actions[1]).toMatchObject({ deprecated: true, pointer: '/paths/~1items/get' });
  });

  it('maps parameters to fields, skipping runtime headers and API-key duplicates', () => {
    const { definition, actions } = plan({
      securitySchemes: [apiKeyQueryScheme],
      operations: [
        makeOperation({
          path: '/repos/{owner}',
          security: [['queryKey']],
          parameters: [
            makeParameter({ name: 'owner', in: 'path', description: 'The owner.' }),
            makeParameter({ name: 'per_page', schema: { type: 'integer', default: 30 }, example: 10 }),
            makeParameter({ name: 'filter', style: 'deepObject', explode: true, allowReserved: true, schema: { type: 'object' } }),
            makeParameter({ name: 'q', contentJson: true, schema: { type: 'object' } }),
            makeParameter({ name: 'Content-Type', in: 'header' }),
            makeParameter({ name: 'api_key' }),
            makeParameter({ name: 'X-Trace', in: 'header', required: true }),
          ],
        }),
      ],
    });
    const action = definition.supported_actions[0]!;
    expect(Object.keys(action.inputSchema)).toEqual(['owner', 'per_page', 'filter', 'q', 'X-Trace']);
    expect(action.inputSchema.owner).toEqual({ type: 'string', label: 'Owner', required: true, description: 'The owner.' });
    expect(action.inputSchema.per_page).toEqual({ type: 'number', label: 'Per Page', default: 30, format: 'integer', placeholder: '10' });
    expect(action.api.paramMapping).toEqual({
      owner: { in: 'path', name: 'owner', style: 'simple', explode: false },
      per_page: { in: 'query', name: 'per_page', style: 'form', explode: true },
      filter: { in: 'query', name: 'filter', style: 'deepObject', explode: true, allowReserved: true },
      q: { in: 'query', name: 'q', style: 'form', explode: true, json: true },
      'X-Trace': { in: 'header', name: 'X-Trace', style: 'simple', explode: false },
    });
    expect(actions[0]?.typeShape.parameterLocations).toEqual(['path', 'query', 'header']);
  });

  it('prefixes parameters that share a name across locations', () => {
    const { definition, actions } = plan({
      operations: [
        makeOperation({
          path: '/items/{id}',
          parameters: [makeParameter({ name: 'id', in: 'header' }), makeParameter({ name: 'id', in: 'path' }), makeParameter({ name: 'id' })],
        }),
      ],
    });
    expect(Object.keys(definition.supported_actions[0]!.inputSchema)).toEqual(['header_id', 'id', 'query_id']);
    expect(actions[0]?.typeShape.renamedParameters).toEqual([
      { in: 'header', name: 'id', field: 'header_id' },
      { in: 'query', name: 'id', field: 'query_id' },
    ]);
  });

  it('spreads an object body, renaming properties that collide with parameters', () => {
    const { definition, actions } = plan({
      schemas: {
        Issue: {
          type: 'object',
          required: ['title', 'owner'],
          properties: { id: { type: 'integer', readOnly: true }, title: { type: 'string' }, owner: { type: 'string' }, body: { type: 'string' } },
        },
      },
      operations: [
        makeOperation({
          method: 'post',
          path: '/repos/{owner}/issues',
          parameters: [makeParameter({ name: 'owner', in: 'path' })],
          requestBody: {
            required: true,
            contents: [
              { mediaType: 'application/xml', encoding: 'text', schema: { type: 'string' } },
              { mediaType: 'application/json', encoding: 'json', schema: { $ref: '#/components/schemas/Issue' } },
            ],
          },
          responses: [makeResponse({ status: '201' })],
        }),
      ],
    });
    const action = definition.supported_actions[0]!;
    expect(Object.keys(action.inputSchema)).toEqual(['owner', 'title', 'body_owner', 'body']);
    expect(action.inputSchema.title?.required).toBe(true);
    expect(action.inputSchema.body).toEqual({ type: 'string', label: 'Body', inputType: 'textarea' });
    expect(action.api.paramMapping.body_owner).toEqual({ in: 'body', name: 'owner' });
    expect(action.api.body).toEqual({ encoding: 'json', contentType: 'application/json', required: true });
    expect(actions[0]?.typeShape).toEqual({
      parameterLocations: ['path'],
      body: { mediaType: 'application/json', required: true, mode: 'spread', renamed: { owner: 'body_owner' } },
      output: { status: '201', mediaType: 'application/json' },
    });
  });

  it('makes body properties optional when the body is optional', () => {
    const { definition } = plan({
      operations: [makeOperation({ method: 'patch', requestBody: makeBody({ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { required: false }) })],
    });
    // Not required: `required: false` is the default, so it is left out.
    expect(definition.supported_actions[0]?.inputSchema.a).not.toHaveProperty('required');
  });

  it('uses one body field for arrays, top-level oneOf and binary bodies', () => {
    const { definition, actions } = plan({
      operations: [
        makeOperation({ operationId: 'bulk', method: 'post', parameters: [makeParameter({ name: 'body' })], requestBody: makeBody({ type: 'array', items: { type: 'string' } }) }),
        makeOperation({ operationId: 'choose', method: 'post', requestBody: makeBody({ oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'string' }] }) }),
        makeOperation({ operationId: 'upload', method: 'put', requestBody: makeBody({}, { mediaType: 'application/octet-stream' }) }),
      ],
    });
    const [bulk, choose, upload] = definition.supported_actions;
    expect(Object.keys(bulk!.inputSchema)).toEqual(['body', 'body_2']);
    expect(bulk!.api.paramMapping.body_2).toEqual({ in: 'body' });
    expect(actions[0]?.typeShape.body).toEqual({ mediaType: 'application/json', required: true, mode: 'field', field: 'body_2' });
    expect(choose!.inputSchema.body).toMatchObject({ variantMode: 'oneOf', required: true });
    expect(upload!.inputSchema.body).toEqual({ type: 'string', label: 'Body', inputType: 'file', format: 'binary', required: true });
    expect(upload!.api.body).toEqual({ encoding: 'binary', contentType: 'application/octet-stream', required: true });
  });

  it('prefers a form body over multipart and keeps the encoding object', () => {
    const { definition } = plan({
      operations: [
        makeOperation({
          method: 'post',
          requestBody: {
            required: true,
            contents: [
              { mediaType: 'multipart/form-data', encoding: 'multipart', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } }, propertyEncoding: { file: { contentType: 'image/png' } } },
              { mediaType: 'application/x-www-form-urlencoded', encoding: 'form', schema: { type: 'object', properties: { name: { type: 'string' } } } },
            ],
          },
        }),
        makeOperation({
          method: 'put',
          requestBody: {
            required: true,
            contents: [{ mediaType: 'multipart/form-data', encoding: 'multipart', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } }, propertyEncoding: { file: { contentType: 'image/png' } } }],
          },
        }),
      ],
    });
    expect(definition.supported_actions[0]?.api.body).toEqual({ encoding: 'form', contentType: 'application/x-www-form-urlencoded', required: true });
    expect(definition.supported_actions[1]?.api.body?.propertyEncoding).toEqual({ file: { contentType: 'image/png' } });
    expect(definition.supported_actions[1]?.inputSchema.file).toMatchObject({ inputType: 'file' });
  });

  it('reads the first 2XX response with content, inlining refs into the output schema', () => {
    const { definition, actions } = plan({
      schemas: {
        Pet: { type: 'object', properties: { name: { type: 'string', example: 'Rex' }, parent: { $ref: '#/components/schemas/Pet' } }, 'x-internal': true },
      },
      operations: [
        makeOperation({
          responses: [
            makeResponse({ status: '204', contents: [] }),
            makeResponse({ status: '200', contents: [{ mediaType: 'application/xml', schema: {} }, { mediaType: 'application/json', schema: { $ref: '#/components/schemas/Pet' } }] }),
            makeResponse({ status: 'default', contents: [{ mediaType: 'application/json', schema: { type: 'object' } }] }),
          ],
        }),
        makeOperation({ path: '/export', responses: [makeResponse({ contents: [{ mediaType: 'text/csv', schema: { type: 'string' } }] })] }),
        makeOperation({ path: '/gone', method: 'delete', responses: [makeResponse({ status: '204', contents: [] })] }),
      ],
    });
    const [get, exported, gone] = definition.supported_actions;
    expect(get?.outputSchema).toEqual({ $ref: '#/$defs/Pet' });
    // Written once in the shared schemas: examples and x-* dropped, the cycle kept as a ref.
    expect(definition.schemas).toEqual({ Pet: { type: 'object', properties: { name: { type: 'string' }, parent: { $ref: '#/$defs/Pet' } } } });
    expect(actions[0]?.typeShape.output).toEqual({ status: '200', mediaType: 'application/json' });
    expect(exported?.api.headers).toEqual({ Accept: 'text/csv' });
    expect(exported?.api.response).toEqual({ type: 'text', contentType: 'text/csv' });
    expect(gone?.api.response).toEqual({ type: 'none' });
    expect(gone?.outputSchema).toBeUndefined();
    expect(actions[2]?.typeShape.output).toBeUndefined();
  });

  it('writes each reached component schema once, in name order, and inlines refs into part of one', () => {
    const { definition } = plan({
      schemas: {
        A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
        B: { type: 'object', properties: { c: { $ref: '#/components/schemas/C' } } },
        C: { type: 'object', properties: { d: { $ref: '#/components/schemas/D' } } },
        D: { type: 'object', properties: { e: { type: 'string' } } },
        Unused: { type: 'string' },
      },
      operations: [
        makeOperation({ responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/A' } }] })] }),
        makeOperation({ path: '/d', responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/D/properties/e' } }] })] }),
      ],
    });
    expect(definition.supported_actions[0]?.outputSchema).toEqual({ $ref: '#/$defs/A' });
    expect(definition.supported_actions[1]?.outputSchema).toEqual({ type: 'string' });
    expect(Object.keys(definition.schemas ?? {})).toEqual(['A', 'B', 'C', 'D']);
    expect(definition.schemas?.C).toEqual({ type: 'object', properties: { d: { $ref: '#/$defs/D' } } });
  });
});

describe('planConnector: whole plan', () => {
  it('is deterministic and JSON-serialisable', () => {
    const options = {
      api: makeApi({
        securitySchemes: [bearerScheme],
        schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } },
        operations: [
          makeOperation({ operationId: 'a', method: 'post', security: [['bearerAuth']], requestBody: makeBody({ $ref: '#/components/schemas/Node' }) }),
          makeOperation({ operationId: 'b', path: '/b/{id}', parameters: [makeParameter({ name: 'id', in: 'path' })] }),
        ],
      }),
    };
    const first = JSON.stringify(plan(options));
    const second = JSON.stringify(plan(options));
    expect(first).toBe(second);
    expect(JSON.parse(first)).toEqual(plan(options));
  });

  it('survives hostile names from the spec', () => {
    const hostileProperties = JSON.parse('{"__proto__": {"type": "string"}, "a: string; } globalThis.PWNED=1; interface J { b": {"type": "string"}}');
    const result = plan({
      schemas: JSON.parse('{"__proto__": {"type": "object"}, "constructor": {"type": "string"}}'),
      operations: [
        makeOperation({ operationId: '__proto__', path: "/x'; globalThis.PWNED=1; '" }),
        makeOperation({ operationId: 'constructor', method: 'post', requestBody: makeBody({ type: 'object', properties: hostileProperties }) }),
        makeOperation({ operationId: 'toString', path: '/c', responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/__proto__' } }] })] }),
        makeOperation({ operationId: 'delete', path: '/d' }),
        makeOperation({ operationId: '1abc', path: '/e' }),
        makeOperation({ operationId: 'to-string', path: '/f' }),
      ],
    });
    expect(result.actions.map((action) => action.methodName)).toEqual(['proto', 'constructorAction', 'toStringAction', 'deleteAction', 'op1abc', 'toString2']);
    expect(result.actions.map((action) => action.actionId)).toEqual(['proto', 'constructor', 'to_string', 'delete', '1abc', 'to_string_2']);
    expect(Object.keys(result.definition.supported_actions[1]!.inputSchema)).toEqual(['__proto__', 'a: string; } globalThis.PWNED=1; interface J { b']);
    const components = (result.typesDocument.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(components)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).PWNED).toBeUndefined();
    expect((globalThis as Record<string, unknown>).PWNED).toBeUndefined();
  });
});
