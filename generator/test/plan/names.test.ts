import { describe, expect, it } from 'vitest';
import { BASE_CONNECTOR_MEMBERS } from '../../src/plan/index.ts';
import {
  humanLabel,
  planActionIds,
  planConnectorNames,
  planMethodNames,
  planTypeNames,
  toCamelCase,
  toSnakeCase,
} from '../../src/plan/names.ts';
import { makeOperation } from './factories.ts';
import type { ActionOverride } from '../../src/override/types.ts';
import type { OperationIR } from '../../src/ir/types.ts';

function ids(operations: Array<Partial<OperationIR>>, overrides: ActionOverride[] = []): string[] {
  return planActionIds(operations.map((partial, index) => ({ operation: makeOperation(partial), override: overrides[index] ?? {} })));
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

describe('case conversion', () => {
  it.each([
    ['issues/create', 'issues_create'],
    ['getPetById', 'get_pet_by_id'],
    ['repos/get-content', 'repos_get_content'],
    ['getHTTPServer', 'get_http_server'],
    ['  List  Users!! ', 'list_users'],
    ['v2Users', 'v2_users'],
  ])('snake_case(%j) = %j', (input, output) => {
    expect(toSnakeCase(input)).toBe(output);
  });

  it('camelCases snake ids', () => {
    expect(toCamelCase('issues_create')).toBe('issuesCreate');
    expect(toCamelCase('get_http_server')).toBe('getHttpServer');
  });

  it('makes labels from property names', () => {
    expect(humanLabel('per_page')).toBe('Per Page');
    expect(humanLabel('repoName')).toBe('Repo Name');
    expect(humanLabel('__')).toBe('__');
  });
});

describe('planActionIds', () => {
  it('derives ids from operationIds, else from method and path', () => {
    expect(ids([{ operationId: 'issues/create' }, { method: 'get', path: '/pets/{id}' }, { method: 'post', path: '/' }])).toEqual([
      'issues_create',
      'get_pets_id',
      'post',
    ]);
  });

  it('suffixes duplicates in spec order, including ids equal only after sanitising', () => {
    expect(ids([{ operationId: 'listPets' }, { operationId: 'list_pets' }, { operationId: 'list-pets' }, { operationId: 'listPets' }])).toEqual([
      'list_pets',
      'list_pets_2',
      'list_pets_3',
      'list_pets_4',
    ]);
  });

  it('gives override ids priority over derived ids, whatever their position', () => {
    expect(ids([{ operationId: 'create' }, { operationId: 'other' }], [{}, { id: 'create' }])).toEqual(['create_2', 'create']);
  });

  it('falls back to the route when an operationId has no ASCII word', () => {
    expect(ids([{ operationId: '作成', method: 'post', path: '/things' }])).toEqual(['post_things']);
  });
});

describe('planMethodNames', () => {
  it('avoids BaseConnector members, reserved words and Object.prototype members', () => {
    const names = planMethodNames(['execute_action', 'delete', 'to_string', 'constructor', '__proto__', 'on', 'class', 'get_metadata']);
    expect(names).toEqual([
      'executeActionAction',
      'deleteAction',
      'toStringAction',
      'constructorAction',
      'proto',
      'onAction',
      'classAction',
      'getMetadataAction',
    ]);
    for (const member of BASE_CONNECTOR_MEMBERS) expect(names).not.toContain(member);
  });

  it('avoids the names a CommonJS module reserves, since each method name is also a module-level constant', () => {
    expect(planMethodNames(['exports', 'require', 'module'])).toEqual(['exportsAction', 'requireAction', 'moduleAction']);
  });

  it('prefixes names that would start with a digit and keeps them unique', () => {
    expect(planMethodNames(['1abc', '1_abc', 'a_b', 'aB', '', '!!!'])).toEqual(['op1abc', 'op1Abc', 'aB', 'aB2', 'action', 'action2']);
  });

  it('yields valid, unique identifiers for hostile action ids', () => {
    const hostile = ['__proto__', 'constructor', 'toString', 'delete', '1abc', 'a: string; } globalThis.PWNED=1; interface J { b', '*/ x', 'x-y', 'x_y', 'xY'];
    const names = planMethodNames(hostile);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(IDENTIFIER);
  });
});

describe('planTypeNames', () => {
  it('PascalCases ids with Input/Output suffixes, unique and valid', () => {
    const names = planTypeNames(['issues_create', '1abc', 'x_y', 'xY', '__proto__']);
    expect(names.map((name) => name.input)).toEqual(['IssuesCreateInput', 'Op1abcInput', 'XYInput', 'XY2Input', 'ProtoInput']);
    expect(names[0]?.output).toBe('IssuesCreateOutput');
    for (const name of names.flatMap((pair) => [pair.input, pair.output])) expect(name).toMatch(IDENTIFIER);
  });
});

describe('planConnectorNames', () => {
  it('derives the package and class names', () => {
    expect(planConnectorNames('my-api')).toEqual({ name: 'my-api', packageName: '@specwire/connector-my-api', className: 'MyApiConnector' });
    // The class file imports the runtime's BaseConnector, so a connector named `base` needs another class name.
    expect(planConnectorNames('base').className).toBe('BaseApiConnector');
  });

  it('refuses names that are not connector ids', () => {
    expect(() => planConnectorNames('../evil')).toThrow(/connector\.name/);
  });
});
