import { describe, expect, it } from 'vitest';
import type { ApiIR, OperationIR } from '../../src/ir/types.ts';
import { applyOverrides, parseOverrides } from '../../src/override/index.ts';
import { errorOf } from '../support/error-of.ts';

function operation(partial: Partial<OperationIR> & Pick<OperationIR, 'method' | 'path'>): OperationIR {
  return {
    pointer: `/paths/${partial.path.replace(/\//g, '~1')}/${partial.method}`,
    tags: [],
    deprecated: false,
    parameters: [],
    responses: [],
    security: [],
    callbacks: [],
    extensions: {},
    ...partial,
  };
}

const ir: ApiIR = {
  specVersion: '3.0',
  info: { title: 'Tiny API', version: '1', description: 'First paragraph.\n\nSecond.' },
  servers: [{ url: 'https://{region}.tiny.test/v1', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }],
  securitySchemes: [{ name: 'key', type: 'apiKey', in: 'header', paramName: 'X-Key' }],
  operations: [
    operation({ method: 'get', path: '/issues', operationId: 'issues/list', tags: ['issues'] }),
    operation({ method: 'post', path: '/issues', operationId: 'issues/create', tags: ['issues'] }),
    operation({ method: 'delete', path: '/issues/{id}', operationId: 'issues/delete', tags: ['issues'], deprecated: true }),
    operation({ method: 'get', path: '/users/{id}', tags: ['users'] }),
  ],
  schemas: {},
  webhooks: [],
  warnings: [],
};

function curate(yamlText: string) {
  return applyOverrides({ ir, overrides: parseOverrides({ file: 'overrides/tiny.yaml', text: yamlText }), defaultName: 'tiny' });
}


describe('applyOverrides', () => {
  it('keeps every operation and takes metadata from the spec when there is no override file', () => {
    const curated = applyOverrides({ ir, defaultName: 'tiny' });
    expect(curated.selected.map((entry) => entry.operation.operationId ?? 'GET /users/{id}')).toEqual([
      'issues/list', 'issues/create', 'issues/delete', 'GET /users/{id}',
    ]);
    expect(curated.connector).toMatchObject({ name: 'tiny', displayName: 'Tiny API', description: 'First paragraph.' });
    expect(curated.servers[0].userSettable).toEqual(['region']);
  });

  it('applies ordered rules where the first match wins', () => {
    const curated = curate(['operations:', '  - exclude: { deprecated: true }', '  - include: { tag: issues }'].join('\n'));
    expect(curated.selected.map((entry) => entry.operation.operationId)).toEqual(['issues/list', 'issues/create']);
    expect(curated.excluded.map((entry) => entry.reason)).toEqual([
      'operations[0] exclude deprecated=true',
      'matched by no include rule',
    ]);
  });

  it('matches paths by glob and operations without an id by METHOD /path', () => {
    const curated = curate(['operations:', '  - include: { path: "/users/*" }', 'actions:', '  GET /users/{id}: { name: Get user }'].join('\n'));
    expect(curated.selected).toHaveLength(1);
    expect(curated.selected[0].override).toEqual({ key: 'GET /users/{id}', name: 'Get user' });
  });

  it('adds auth.define schemes to operations that declare none', () => {
    const curated = curate(['auth:', '  define:', '    token: { type: http, scheme: bearer }'].join('\n'));
    expect(curated.authSchemes.map((scheme) => scheme.name)).toEqual(['key', 'token']);
    expect(curated.selected[0].operation.security).toEqual([['token']]);
  });
});

describe('override errors name file, line and column', () => {
  it('refuses unknown keys', () => {
    expect(errorOf(() => curate('connector:\n  nme: tiny\n'))).toBe('overrides/tiny.yaml:2:3: unknown key "nme" in "connector"');
  });

  it('suggests the operationId a rule probably meant', () => {
    expect(errorOf(() => curate('operations:\n  - include:\n      operationId: issues/craete\n'))).toBe(
      'overrides/tiny.yaml:3:20: operationId "issues/craete" names no operation in the spec (did you mean "issues/create"?)',
    );
  });

  it('suggests the tag a rule probably meant', () => {
    expect(errorOf(() => curate('operations:\n  - include: { tag: isues }\n'))).toBe(
      'overrides/tiny.yaml:2:21: tag "isues" is used by no operation in the spec (did you mean "issues"?)',
    );
  });

  it('refuses an action key that names nothing', () => {
    expect(errorOf(() => curate('actions:\n  issues/lst: { name: List }\n'))).toBe(
      'overrides/tiny.yaml:2:3: actions key "issues/lst" names no operation (use an operationId, or "METHOD /path" where it has none) (did you mean "issues/list"?)',
    );
  });

  it('refuses an unknown security scheme', () => {
    expect(errorOf(() => curate('auth:\n  schemes: [kye]\n'))).toBe(
      'overrides/tiny.yaml:2:13: security scheme "kye" is not defined in the spec (did you mean "key"?)',
    );
  });

  it('refuses wrong types with the schema path', () => {
    expect(errorOf(() => curate('rate_limits:\n  requests_per_minute: "3"\n'))).toBe(
      'overrides/tiny.yaml:2:24: "rate_limits.requests_per_minute" must be integer',
    );
  });

  it('refuses prototype-polluting keys before anything is merged', () => {
    expect(errorOf(() => curate('actions:\n  __proto__: { name: x }\n'))).toBe(
      'overrides/tiny.yaml:2:3: key "__proto__" is not allowed (it could alter object prototypes)',
    );
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('caps YAML aliases', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]'].join('\n');
    expect(errorOf(() => parseOverrides({ file: 'overrides/bomb.yaml', text: bomb }))).toMatch(/^overrides\/bomb\.yaml:1:1: refused: .*alias/i);
  });

  it('reports invalid YAML with its position', () => {
    expect(errorOf(() => parseOverrides({ file: 'overrides/bad.yaml', text: 'connector:\n  name: [unclosed\n' }))).toMatch(/^overrides\/bad\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('refuses a server variable no server declares', () => {
    expect(errorOf(() => curate('servers:\n  variables:\n    regoin: { default: us }\n'))).toBe(
      'overrides/tiny.yaml:3:5: server variable "regoin" is not declared by any server (did you mean "region"?)',
    );
  });
});
