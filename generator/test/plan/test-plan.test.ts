import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { planConnector } from '../../src/plan/index.ts';
import { MAX_TEST_CASES } from '../../src/plan/tests/test-plan.ts';
import type { ApiIR } from '../../src/ir/types.ts';
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
} from './factories.ts';

function tests(partial: Partial<ApiIR>) {
  return planConnector({ curated: makeCurated({ api: makeApi(partial) }), provenance: makeProvenance() }).tests;
}

describe('test plan', () => {
  it('expects a bearer action with encoded path params, a query param and a JSON body', () => {
    const plan = tests({
      securitySchemes: [bearerScheme],
      operations: [
        makeOperation({
          operationId: 'createIssue',
          method: 'post',
          path: '/repos/{owner}/issues',
          security: [['bearerAuth']],
          parameters: [
            makeParameter({ name: 'owner', in: 'path' }),
            makeParameter({ name: 'state', schema: { type: 'string', enum: ['open', 'closed'] } }),
            makeParameter({ name: 'X-Request-Id', in: 'header', required: true }),
          ],
          requestBody: makeBody({
            type: 'object',
            required: ['title', 'labels', 'meta', 'due'],
            properties: {
              title: { type: 'string' },
              labels: { type: 'array', items: { type: 'string' } },
              meta: { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 5 }, skip: { type: 'string' } } },
              due: { type: 'string', format: 'date' },
              optional: { type: 'string' },
            },
          }),
        }),
      ],
    });
    expect(plan.credentials).toEqual({ accessToken: 'test-accessToken' });
    expect(plan.basePath).toBe('/v1');
    expect(plan.cases).toEqual([
      {
        actionId: 'create_issue',
        input: {
          owner: 'a b/c',
          'X-Request-Id': 'sample value',
          title: 'sample value',
          labels: ['sample value'],
          meta: { n: 5 },
          due: '2024-01-02',
          state: 'open',
        },
        expect: {
          method: 'POST',
          path: '/v1/repos/a%20b%2Fc/issues',
          query: { state: ['open'] },
          headers: { authorization: 'Bearer test-accessToken' },
          contentType: 'application/json',
          jsonBody: { title: 'sample value', labels: ['sample value'], meta: { n: 5 }, due: '2024-01-02' },
        },
      },
    ]);
  });

  it('expects an API key in the query and basic auth in the header', () => {
    const plan = tests({
      securitySchemes: [apiKeyQueryScheme, basicScheme, apiKeyHeaderScheme],
      operations: [
        makeOperation({ operationId: 'withKey', security: [['queryKey']], parameters: [makeParameter({ name: 'limit', schema: { type: 'integer' } })] }),
        makeOperation({ operationId: 'withBasic', path: '/b', security: [['basicAuth']] }),
        makeOperation({ operationId: 'withBoth', path: '/c', security: [['headerKey', 'queryKey'], ['basicAuth']] }),
      ],
    });
    expect(plan.credentials).toEqual({ apiKey: 'test-apiKey', username: 'test-username', password: 'test-password', headerKeyApiKey: 'test-headerKeyApiKey' });
    expect(plan.cases.map((item) => item.expect)).toEqual([
      { method: 'GET', path: '/v1/items', query: { limit: ['1'], api_key: ['test-apiKey'] }, headers: {} },
      {
        method: 'GET',
        path: '/v1/b',
        query: {},
        headers: { authorization: `Basic ${Buffer.from('test-username:test-password').toString('base64')}` },
      },
      { method: 'GET', path: '/v1/c', query: { api_key: ['test-apiKey'] }, headers: { 'x-api-key': 'test-headerKeyApiKey' } },
    ]);
  });

  it('expects a form body and an API key cookie', () => {
    const plan = tests({
      securitySchemes: [{ name: 'session', type: 'apiKey', in: 'cookie', paramName: 'sid' }],
      operations: [
        makeOperation({
          method: 'post',
          security: [['session']],
          requestBody: makeBody({ type: 'object', required: ['name', 'count'], properties: { name: { type: 'string' }, count: { type: 'number' } } }, { mediaType: 'application/x-www-form-urlencoded' }),
        }),
      ],
    });
    expect(plan.cases[0]?.expect).toEqual({
      method: 'POST',
      path: '/v1/items',
      query: {},
      headers: { cookie: 'sid=test-apiKey' },
      contentType: 'application/x-www-form-urlencoded',
      formBody: { name: ['sample value'], count: ['1'] },
    });
  });

  it('leaves out actions it cannot predict', () => {
    const plan = tests({
      securitySchemes: [bearerScheme],
      schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } },
      operations: [
        makeOperation({ operationId: 'upload', method: 'put', requestBody: makeBody({ type: 'string', format: 'binary' }, { mediaType: 'application/octet-stream' }) }),
        makeOperation({ operationId: 'opaque', method: 'post', requestBody: makeBody({ type: 'array', items: {} , minItems: 1}) }),
        // Every variant's sample fits both: no sample the runtime would accept.
        makeOperation({ operationId: 'variants', method: 'post', requestBody: makeBody({ oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] }) }),
        makeOperation({ operationId: 'label', path: '/x/{id}', parameters: [makeParameter({ name: 'id', in: 'path', style: 'label' })] }),
        makeOperation({ operationId: 'ownServer', servers: [{ url: 'https://other.test', variables: {} }] }),
        makeOperation({ operationId: 'optionalAuth', security: [[], ['bearerAuth']] }),
        makeOperation({ operationId: 'pattern', parameters: [makeParameter({ name: 'code', required: true, schema: { type: 'string', pattern: '^(ab|cd)+-[0-9]{2}$' } })] }),
        makeOperation({ operationId: 'spaces', path: '/a b' }),
        makeOperation({ operationId: 'fine', path: '/ok/{n}', parameters: [makeParameter({ name: 'n', in: 'path', schema: { type: 'integer' } })] }),
      ],
    });
    expect(plan.cases.map((item) => [item.actionId, item.expect.path])).toEqual([['fine', '/v1/ok/1']]);
  });

  it('samples the first variant the runtime accepts, with its discriminator tag', () => {
    const plan = tests({
      securitySchemes: [bearerScheme],
      schemas: {
        Cat: { type: 'object', required: ['kind', 'lives'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
        Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
      },
      operations: [
        makeOperation({ operationId: 'either', method: 'post', requestBody: makeBody({ oneOf: [{ type: 'string' }, { type: 'number' }] }) }),
        makeOperation({
          operationId: 'pet',
          method: 'post',
          requestBody: makeBody({
            oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
            discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
          }),
        }),
      ],
    });
    expect(plan.cases.map((item) => [item.actionId, item.expect.jsonBody])).toEqual([
      ['either', 'sample value'],
      ['pet', { kind: 'cat', lives: 1 }],
    ]);
  });

  it('samples pattern-constrained strings that match', () => {
    const plan = tests({
      operations: [
        makeOperation({
          path: '/Accounts/{Sid}.json',
          parameters: [
            makeParameter({ name: 'Sid', in: 'path', schema: { type: 'string', minLength: 34, maxLength: 34, pattern: '^AC[0-9a-fA-F]{32}$' } }),
            makeParameter({ name: 'code', required: true, schema: { type: 'string', pattern: '^(abc|xyz)$' } }),
            makeParameter({ name: 'slug', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+\\.[a-z]{2,}$' } }),
          ],
        }),
      ],
    });
    expect(plan.cases[0]?.input).toEqual({ Sid: `AC${'0'.repeat(32)}`, code: 'abc', slug: 'a.aa' });
    expect(plan.cases[0]?.expect.path).toBe(`/v1/Accounts/AC${'0'.repeat(32)}.json`);
  });

  it('gives up quickly on patterns that could backtrack badly', () => {
    const started = performance.now();
    const plan = tests({
      operations: [makeOperation({ parameters: [makeParameter({ name: 'evil', required: true, schema: { type: 'string', minLength: 30, pattern: '^s(a+)+$' } })] })],
    });
    expect(plan.cases).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('omits an operation server equal to the default base URL', () => {
    const plan = planConnector({
      curated: makeCurated({ operations: [makeOperation({ servers: [{ url: 'https://api.example.test/v1/', variables: {} }] })] }),
      provenance: makeProvenance(),
    });
    expect(plan.definition.supported_actions[0]?.api.baseUrl).toBeUndefined();
    expect(plan.tests.cases).toHaveLength(1);
  });

  it('caps the cases with an even spread across the actions', () => {
    const operations = Array.from({ length: 150 }, (_, index) => makeOperation({ operationId: `op${index}`, path: `/op${index}` }));
    const plan = tests({ operations });
    expect(plan.cases).toHaveLength(MAX_TEST_CASES);
    expect(plan.cases[0]?.actionId).toBe('op0');
    expect(plan.cases[1]?.actionId).toBe('op2');
    expect(plan.cases[MAX_TEST_CASES - 1]?.actionId).toBe('op147');
  });
});
