import { BaseConnector } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { readPath } from '../src/connector/load-options.ts';
import { bearer, defineAction, defineConnector, field } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

/** A repository picker: `create_issue.repo` takes its choices from `list_repos`. */
const listRepos = defineAction({
  id: 'list_repos',
  inputSchema: { per_page: field('number'), owner: field('string') },
  api: {
    endpoint: '/repos',
    paramMapping: {
      per_page: { in: 'query', name: 'per_page', style: 'form', explode: true },
      owner: { in: 'query', name: 'owner', style: 'form', explode: true },
    },
    security: [['bearer']],
  },
});

const createIssue = defineAction({
  id: 'create_issue',
  inputSchema: {
    repo: field('string', {
      required: true,
      loadOptionsMethod: 'loadOptions',
      loadOptionsSource: { action: 'list_repos', valuePath: 'name', labelPath: 'full_name', input: { per_page: 100 } },
    }),
    title: field('string', { required: true }),
    labels: field('string', {
      loadOptionsMethod: 'loadOptions',
      loadOptionsSource: { action: 'list_repos', itemsPath: 'data.items', valuePath: 'owner.id' },
    }),
    state: field('string', { default: 'open' }),
  },
  api: {
    endpoint: '/issues',
    method: 'POST',
    paramMapping: {
      repo: { in: 'body', name: 'repo' },
      title: { in: 'body', name: 'title' },
      labels: { in: 'body', name: 'labels' },
      state: { in: 'body', name: 'state' },
      source: { in: 'query', name: 'source', style: 'form', explode: true },
    },
    body: { encoding: 'json', contentType: 'application/json', required: true },
    security: [['bearer']],
    fixedValues: { source: 'workflow' },
    defaultValues: { state: 'closed' },
  },
});

const ping = defineAction({ id: 'ping', api: { endpoint: '/ping', security: [['bearer']] } });

async function connectorFor(handler: Parameters<typeof server>[0], extra: { connectionTest?: boolean } = {}) {
  const srv = await server(handler);
  const definition = defineConnector({
    auth_type: 'bearer_token',
    auth: [bearer],
    auth_fields: [{ key: 'accessToken', label: 'Token', type: 'password', required: true }],
    supported_actions: [listRepos, createIssue, ping],
    ...(extra.connectionTest ? { connection_test: { actionId: 'ping' } } : {}),
  });
  return { srv, connector: new BaseConnector(definition, { baseUrl: srv.url, credentials: { accessToken: 'secret-token' } }) };
}

describe('loadOptions', () => {
  it('runs the source action and maps each item to { label, value }', async () => {
    const { srv, connector } = await connectorFor(() => ({
      json: [
        { name: 'hello', full_name: 'octo/hello' },
        { name: 'world', full_name: 'octo/world' },
        { name: 'hello', full_name: 'duplicate' },
        { full_name: 'no value' },
        { name: { nested: true }, full_name: 'not a primitive' },
      ],
    }));
    const result = await connector.loadOptions('create_issue', 'repo', { input: { owner: 'octo', title: 'ignored: not an input of list_repos' } });
    expect(result).toMatchObject({
      success: true,
      data: [
        { label: 'octo/hello', value: 'hello' },
        { label: 'octo/world', value: 'world' },
      ],
    });
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]).toMatchObject({ method: 'GET', pathname: '/repos', query: { per_page: ['100'], owner: ['octo'] } });
    expect(srv.requests[0]!.headers.authorization).toBe('Bearer secret-token');
  });

  it('reads items and values by dotted paths, labelling by value when no label path is given', async () => {
    const { connector } = await connectorFor(() => ({ json: { data: { items: [{ owner: { id: 7 } }, { owner: { id: 9 } }] } } }));
    expect((await connector.loadOptions('create_issue', 'labels')).data).toEqual([
      { label: '7', value: 7 },
      { label: '9', value: 9 },
    ]);
  });

  it('fails cleanly when the response holds no list, the field has no source, or the source fails', async () => {
    const { srv, connector } = await connectorFor(() => ({ json: { not: 'a list' } }));
    expect((await connector.loadOptions('create_issue', 'repo')).error).toMatchObject({
      code: 'CONFIGURATION_ERROR',
      message: 'dynamic options: the response body is not a list',
    });
    expect((await connector.loadOptions('create_issue', 'title')).error).toMatchObject({
      code: 'CONFIGURATION_ERROR',
      message: 'field "title" of action "create_issue" has no dynamic options',
    });
    expect((await connector.loadOptions('nope', 'repo')).error).toMatchObject({ code: 'UNKNOWN_ACTION', message: 'unknown action "nope"' });
    srv.respondWith(() => ({ status: 401, json: { message: 'Bad credentials' } }));
    const failed = await connector.loadOptions('create_issue', 'repo');
    expect(failed.success).toBe(false);
    expect(failed.error?.statusCode).toBe(401);
    expect(JSON.stringify(failed)).not.toContain('secret-token');
  });

  it('reads own properties only', () => {
    expect(readPath({ value: { a: { b: 1 } }, path: 'a.b' })).toBe(1);
    expect(readPath({ value: { a: 1 }, path: '' })).toEqual({ a: 1 });
    expect(readPath({ value: {}, path: 'constructor' })).toBeUndefined();
    expect(readPath({ value: { a: [{ b: 2 }] }, path: 'a.0.b' })).toBe(2);
  });
});

describe('override presets: fixed and default values', () => {
  it('always sends fixed values and sends defaults for omitted fields only', async () => {
    const { srv, connector } = await connectorFor(() => ({ json: { ok: true } }));
    expect((await connector.executeAction('create_issue', { repo: 'hello', title: 'Hi' })).success).toBe(true);
    expect(srv.requests[0]!.query).toEqual({ source: ['workflow'] });
    expect(JSON.parse(srv.requests[0]!.body.toString('utf8'))).toEqual({ repo: 'hello', title: 'Hi', state: 'closed' });
    await connector.executeAction('create_issue', { repo: 'hello', title: 'Hi', state: 'open' });
    expect(JSON.parse(srv.requests[1]!.body.toString('utf8'))).toEqual({ repo: 'hello', title: 'Hi', state: 'open' });
  });

  it('refuses input for a fixed field', async () => {
    const { srv, connector } = await connectorFor(() => ({ json: {} }));
    const result = await connector.executeAction('create_issue', { repo: 'hello', title: 'Hi', source: 'mine' });
    expect(result.error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(srv.requests).toHaveLength(0);
  });
});

describe('connection test action', () => {
  it('runs the named action and reports its failure', async () => {
    const { srv, connector } = await connectorFor(() => ({ json: { login: 'octo' } }), { connectionTest: true });
    expect(await connector.testConnection()).toEqual({ success: true, data: true, status: 'verified' });
    expect(srv.requests.map((request) => request.pathname)).toEqual(['/ping']);
    srv.respondWith(() => ({ status: 401, json: {} }));
    const failed = await connector.testConnection();
    expect(failed.success).toBe(false);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ statusCode: 401 });
    expect(failed.error?.message).toBe('HTTP 401 Unauthorized');
  });
});
