import { BaseConnector } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { bearer, defineAction, defineConnector, field } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

const query = (name: string) => ({ in: 'query' as const, name, style: 'form' as const, explode: true });

/** A branch picker: `list_branches` needs owner and repo, filters by `q` and pages by cursor. */
const listBranches = defineAction({
  id: 'list_branches',
  inputSchema: {
    owner: field('string', { required: true }),
    repo: field('string', { required: true }),
    q: field('string'),
    after: field('string'),
  },
  api: {
    endpoint: '/branches',
    paramMapping: { owner: query('owner'), repo: query('repo'), q: query('q'), after: query('after') },
    security: [['bearer']],
    pagination: { style: 'cursor', cursorParam: 'after', cursorPath: 'next', itemsPath: 'items' },
  },
});

const mergeBranch = defineAction({
  id: 'merge_branch',
  inputSchema: {
    owner: field('string', { required: true }),
    repo: field('string', { required: true }),
    branch: field('string', {
      required: true,
      loadOptionsMethod: 'loadOptions',
      loadOptionsSource: { action: 'list_branches', itemsPath: 'items', valuePath: 'name', dependsOn: ['owner', 'repo'], searchParam: 'q' },
    }),
  },
  api: { endpoint: '/merge', method: 'POST', paramMapping: {}, security: [['bearer']] },
});

/** Two pages of branches, filtered by `q` when given. */
function branchServer() {
  const all = Array.from({ length: 5 }, (_, index) => ({ name: index % 2 === 0 ? `main-${index}` : `feature-${index}` }));
  return server((request) => {
    const search = request.query.q?.[0] ?? '';
    const matching = all.filter((branch) => branch.name.includes(search));
    const second = request.query.after?.[0] === 'page-2';
    return { json: second ? { items: matching.slice(3) } : { items: matching.slice(0, 3), ...(matching.length > 3 ? { next: 'page-2' } : {}) } };
  });
}

async function connectorFor() {
  const srv = await branchServer();
  const definition = defineConnector({
    auth_type: 'bearer_token',
    auth: [bearer],
    auth_fields: [{ key: 'accessToken', label: 'Token', type: 'password', required: true }],
    supported_actions: [listBranches, mergeBranch],
  });
  return { srv, connector: new BaseConnector(definition, { baseUrl: srv.url, credentials: { accessToken: 't' } }) };
}

describe('loadOptionsPage', () => {
  it('sends the dependency values and pages through the source by cursor', async () => {
    const { srv, connector } = await connectorFor();
    const values = { owner: 'octo', repo: 'hello' };
    const first = await connector.loadOptionsPage('merge_branch', 'branch', { values });
    expect(first).toMatchObject({ success: true, data: { options: [{ value: 'main-0' }, { value: 'feature-1' }, { value: 'main-2' }], nextCursor: 'page-2' } });
    expect(srv.requests[0]!.query).toEqual({ owner: ['octo'], repo: ['hello'] });
    const second = await connector.loadOptionsPage('merge_branch', 'branch', { values, cursor: first.data!.nextCursor });
    expect(second.data).toEqual({ options: [{ label: 'feature-3', value: 'feature-3' }, { label: 'main-4', value: 'main-4' }] });
    expect(srv.requests[1]!.query).toEqual({ owner: ['octo'], repo: ['hello'], after: ['page-2'] });
  });

  it('sends the search term in the declared parameter', async () => {
    const { srv, connector } = await connectorFor();
    const result = await connector.loadOptionsPage('merge_branch', 'branch', { values: { owner: 'octo', repo: 'hello' }, search: 'feature' });
    expect(result.data).toEqual({ options: [{ label: 'feature-1', value: 'feature-1' }, { label: 'feature-3', value: 'feature-3' }] });
    expect(srv.requests[0]!.query.q).toEqual(['feature']);
  });

  it('refuses before any request while a dependency is empty', async () => {
    const { srv, connector } = await connectorFor();
    const result = await connector.loadOptionsPage('merge_branch', 'branch', { values: { owner: 'octo', repo: '' } });
    expect(result.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'field "branch" loads its options from "repo": fill it first' });
    expect(srv.requests).toHaveLength(0);
  });

  it('is not cut off at 1,000 choices', async () => {
    const srv = await server(() => ({ json: { items: Array.from({ length: 1500 }, (_, index) => ({ name: `b${index}` })) } }));
    const definition = defineConnector({
      auth_type: 'bearer_token',
      auth: [bearer],
      auth_fields: [{ key: 'accessToken', label: 'Token', type: 'password', required: true }],
      supported_actions: [listBranches, mergeBranch],
    });
    const connector = new BaseConnector(definition, { baseUrl: srv.url, credentials: { accessToken: 't' } });
    const result = await connector.loadOptionsPage('merge_branch', 'branch', { values: { owner: 'o', repo: 'r' } });
    expect(result.data?.options).toHaveLength(1500);
  });
});
