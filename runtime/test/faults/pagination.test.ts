import { describe, expect, it } from 'vitest';
import { BaseConnector, type ActionDefinition, type ConnectorError, type PaginationDefinition } from '@specwire/runtime';
import type { RecordingHandler } from '@specwire/runtime/testing';
import { apiKeyQuery, defineAction, defineConnector, field } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';

function listAction(options: { pagination?: PaginationDefinition; params?: string[] } = {}): ActionDefinition {
  const params = options.params ?? ['cursor', 'offset', 'limit', 'page', 'starting_after'];
  return defineAction({
    id: 'list',
    inputSchema: Object.fromEntries(params.map((name) => [name, field(name === 'cursor' || name === 'starting_after' ? 'string' : 'number')])),
    api: {
      endpoint: '/items',
      security: [['qkey']],
      pagination: options.pagination,
      paramMapping: Object.fromEntries(params.map((name) => [name, { in: 'query', name, style: 'form', explode: true }])),
    },
  });
}

async function setup(options: { handler: RecordingHandler; action?: ActionDefinition; maxPages?: number }) {
  const srv = await server(options.handler);
  const connector = new BaseConnector(
    defineConnector({ auth: [apiKeyQuery], supported_actions: [options.action ?? listAction()] }),
    { baseUrl: srv.url, retry: false, rateLimit: false, credentials: { apiKey: 'key-1' }, pagination: { maxPages: options.maxPages } },
  );
  return { srv, connector };
}

async function collect(iterable: AsyncIterable<unknown>): Promise<{ items: unknown[]; error?: ConnectorError }> {
  const items: unknown[] = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error: error as ConnectorError };
  }
  return { items };
}

describe('pagination styles', () => {
  it('cursor (declared): items in order, the cursor sent back as an input field', async () => {
    const pages: Record<string, unknown> = { '': { data: [1, 2], meta: { next: 'c2' } }, c2: { data: [3], meta: { next: 'c3' } }, c3: { data: [4], meta: { next: null } } };
    const { srv, connector } = await setup({
      handler: (req) => ({ json: pages[req.query.cursor?.[0] ?? ''] }),
      action: listAction({ pagination: { style: 'cursor', cursorParam: 'cursor', cursorPath: 'meta.next', itemsPath: 'data' } }),
    });
    expect((await collect(connector.paginate('list', { limit: 2 }))).items).toEqual([1, 2, 3, 4]);
    expect(srv.requests.map((r) => r.path)).toEqual(['/items?limit=2&api_key=key-1', '/items?cursor=c2&limit=2&api_key=key-1', '/items?cursor=c3&limit=2&api_key=key-1']);
  });

  it('offset/limit: stops after a short page', async () => {
    const all = [1, 2, 3, 4, 5];
    const { srv, connector } = await setup({
      handler: (req) => {
        const offset = Number(req.query.offset?.[0] ?? 0);
        return { json: { results: all.slice(offset, offset + 2) } };
      },
      action: listAction({ pagination: { style: 'offset', offsetParam: 'offset', limitParam: 'limit' } }),
    });
    expect((await collect(connector.paginate('list', { limit: 2 }))).items).toEqual(all);
    expect(srv.requests.map((r) => r.query.offset?.[0])).toEqual([undefined, '2', '4']);
  });

  it('page number with a total page count', async () => {
    const { srv, connector } = await setup({
      handler: (req) => ({ json: { items: [`p${req.query.page?.[0] ?? 1}`], total_pages: 3 } }),
      action: listAction({ pagination: { style: 'page', pageParam: 'page', totalPagesPath: 'total_pages', itemsPath: 'items' } }),
    });
    const pages: unknown[] = [];
    for await (const page of connector.paginatePages('list')) pages.push([page.index, page.items, page.metadata.status]);
    expect(pages).toEqual([
      [0, ['p1'], 200],
      [1, ['p2'], 200],
      [2, ['p3'], 200],
    ]);
    expect(srv.requests).toHaveLength(3);
  });

  it('Link header (inferred, GitHub style): follows rel="next" on the same origin, credentials re-applied once', async () => {
    const { srv, connector } = await setup({
      handler: (req) => {
        const page = Number(req.query.page?.[0] ?? 1);
        const link = page < 3 ? `<${srv.url}/items?page=${page + 1}&api_key=echoed>; rel="next", <${srv.url}/items?page=3>; rel="last"` : `<${srv.url}/items?page=1>; rel="first"`;
        return { json: [page * 10], headers: { link } };
      },
    });
    expect((await collect(connector.paginate('list'))).items).toEqual([10, 20, 30]);
    expect(srv.requests.map((r) => r.path)).toEqual(['/items?api_key=key-1', '/items?page=2&api_key=key-1', '/items?page=3&api_key=key-1']);
  });

  it('next URL in the body (inferred) and Stripe has_more + starting_after (inferred)', async () => {
    const first = await setup({
      handler: (req) => (req.query.after ? { json: { results: ['b'], next: null } } : { json: { results: ['a'], next: '/items?after=a' } }),
    });
    expect((await collect(first.connector.paginate('list'))).items).toEqual(['a', 'b']);

    const stripe = await setup({
      handler: (req) =>
        req.query.starting_after?.[0] === 'ch_2'
          ? { json: { object: 'list', data: [{ id: 'ch_3' }], has_more: false } }
          : { json: { object: 'list', data: [{ id: 'ch_1' }, { id: 'ch_2' }], has_more: true } },
    });
    expect((await collect(stripe.connector.paginate('list'))).items).toEqual([{ id: 'ch_1' }, { id: 'ch_2' }, { id: 'ch_3' }]);
    expect(stripe.srv.requests[1]?.query.starting_after).toEqual(['ch_2']);
  });

  it('no pagination to infer: one page', async () => {
    const { srv, connector } = await setup({ handler: () => ({ json: [1, 2] }) });
    expect((await collect(connector.paginate('list'))).items).toEqual([1, 2]);
    expect(srv.requests).toHaveLength(1);
  });
});

/** HOSTILE-INPUTS 30 (and 23 for pagination values): stop with an error, page cap. */
describe('pagination stops with an error', () => {
  it.each([
    ['an absolute next link on another origin', 'http://127.0.0.2:1/items?page=2'],
    ['a protocol-relative next link', '//evil.example/items'],
  ])('%s → PAGINATION_ERROR, never requested', async (_name, next) => {
    const { srv, connector } = await setup({ handler: () => ({ json: { results: [1], next } }) });
    const { items, error } = await collect(connector.paginate('list'));
    expect(items).toEqual([1]);
    expect(error).toMatchObject({ code: 'PAGINATION_ERROR', details: { reason: 'foreign_origin', page: 1 } });
    expect(srv.requests).toHaveLength(1);
  });

  it('a next link with dot segments', async () => {
    const { srv, connector } = await setup({ handler: () => ({ json: { results: [1], next: '/items/../admin' } }) });
    expect((await collect(connector.paginate('list'))).error).toMatchObject({ details: { reason: 'unsafe_next' } });
    expect(srv.requests).toHaveLength(1);
  });

  it('a cursor that looks like a URL is just a query value', async () => {
    const { srv, connector } = await setup({
      handler: (req) => ({ json: req.query.cursor ? { data: [2], next_cursor: '' } : { data: [1], next_cursor: 'https://evil.example/x?y=1' } }),
    });
    expect((await collect(connector.paginate('list'))).items).toEqual([1, 2]);
    expect(srv.requests[1]?.path).toBe('/items?cursor=https%3A%2F%2Fevil.example%2Fx%3Fy%3D1&api_key=key-1');
  });

  it('a repeated cursor', async () => {
    const { srv, connector } = await setup({ handler: () => ({ json: { data: [1], next_cursor: 'same' } }) });
    const { items, error } = await collect(connector.paginate('list'));
    expect(error).toMatchObject({ code: 'PAGINATION_ERROR', details: { reason: 'repeated_cursor', page: 2 } });
    expect(items).toEqual([1, 1]);
    expect(srv.requests).toHaveLength(2);
  });

  it('a repeated next link', async () => {
    const { srv, connector } = await setup({ handler: () => ({ json: [1], headers: { link: '</items?page=2>; rel="next"' } }) });
    expect((await collect(connector.paginate('list'))).error).toMatchObject({ details: { reason: 'repeated_cursor' } });
    expect(srv.requests).toHaveLength(2);
  });

  it('an empty page that still says next', async () => {
    const { srv, connector } = await setup({ handler: (req) => ({ json: { data: req.query.cursor ? [] : [1], next_cursor: req.query.cursor ? 'c3' : 'c2' } }) });
    const { items, error } = await collect(connector.paginate('list'));
    expect(items).toEqual([1]);
    expect(error).toMatchObject({ details: { reason: 'empty_page', page: 2 } });
    expect(srv.requests).toHaveLength(2);
  });

  it('the page cap: an error after maxPages pages, not a silent cut', async () => {
    const { srv, connector } = await setup({ handler: (req) => ({ json: { data: [Number(req.query.page?.[0] ?? 1)] } }), action: listAction({ pagination: { style: 'page', pageParam: 'page' } }), maxPages: 3 });
    const { items, error } = await collect(connector.paginate('list'));
    expect(items).toEqual([1, 2, 3]);
    expect(error).toMatchObject({ code: 'PAGINATION_ERROR', details: { reason: 'page_cap', page: 3 } });
    expect(srv.requests).toHaveLength(3);
    // A per-call cap wins.
    expect((await collect(connector.paginate('list', {}, { maxPages: 1 }))).items).toEqual([1]);
  });

  it('ambiguous shapes are refused rather than guessed', async () => {
    const { connector } = await setup({ handler: () => ({ json: { a: [1], b: [2] } }) });
    expect((await collect(connector.paginate('list'))).error).toMatchObject({ details: { reason: 'ambiguous' } });
  });

  it('a failing page rejects the iterator with its error', async () => {
    const { connector } = await setup({ handler: (req) => (req.query.cursor ? { status: 500 } : { json: { data: [1], next_cursor: 'c2' } }) });
    const { items, error } = await collect(connector.paginate('list'));
    expect(items).toEqual([1]);
    expect(error).toMatchObject({ code: 'HTTP_500' });
  });
});
