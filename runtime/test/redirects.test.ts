import { describe, expect, it } from 'vitest';
import { BaseConnector, type AuthScheme, type ConnectorOptions } from '@specwire/runtime';
import { apiKeyHeader, apiKeyQuery, bearer, defineAction, defineConnector } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

const SCHEMES: AuthScheme[] = [bearer, apiKeyHeader, apiKeyQuery];

function connector(options: ConnectorOptions & { method?: 'GET' | 'POST' }) {
  const { method = 'GET', ...rest } = options;
  return new BaseConnector(
    defineConnector({
      auth: SCHEMES,
      supported_actions: [
        defineAction({
          inputSchema: { c: { type: 'string', label: 'c' }, name: { type: 'string', label: 'n' } },
          api: {
            method,
            endpoint: '/start',
            security: [['bearer', 'key', 'qkey']],
            paramMapping: { c: { in: 'cookie', name: 'pref', style: 'form', explode: true }, name: { in: 'body', name: 'name' } },
            body: method === 'POST' ? { encoding: 'json', contentType: 'application/json', required: false } : undefined,
          },
        }),
      ],
    }),
    { credentials: { accessToken: 'bearer-secret', apiKey: 'key-secret' }, ...rest },
  );
}

describe('redirects', () => {
  it('follows same-origin redirects with credentials', async () => {
    const srv = await server((req) => (req.pathname === '/start' ? { status: 302, headers: { location: '/next?page=2' } } : { json: { done: true } }));
    const response = await connector({ baseUrl: srv.url }).executeAction('test_action', { c: 'dark' });
    expect(response.data).toEqual({ done: true });
    const second = srv.requests[1];
    expect(second?.path).toBe('/next?page=2&api_key=key-secret');
    expect(second?.headers.authorization).toBe('Bearer bearer-secret');
    expect(second?.headers['x-api-key']).toBe('key-secret');
    expect(second?.headers.cookie).toBe('pref=dark');
  });

  it('follows a cross-origin redirect without any credential', async () => {
    const other = await server(() => ({ json: { elsewhere: true } }));
    const srv = await server(() => ({ status: 307, headers: { location: `${other.url}/landing?api_key=key-secret&keep=1` } }));
    const response = await connector({ baseUrl: srv.url }).executeAction('test_action', { c: 'dark' });
    expect(response.data).toEqual({ elsewhere: true });
    expect(srv.requests[0]?.headers.authorization).toBe('Bearer bearer-secret');
    const landed = other.requests[0];
    expect(landed?.path).toBe('/landing?keep=1');
    expect(landed?.headers.authorization).toBeUndefined();
    expect(landed?.headers['x-api-key']).toBeUndefined();
    expect(landed?.headers.cookie).toBeUndefined();
    expect(JSON.stringify(landed)).not.toContain('secret');
  });

  it('drops credential headers a raw request set itself on a cross-origin hop', async () => {
    const other = await server();
    const srv = await server(() => ({ status: 302, headers: { location: `${other.url}/x` } }));
    await connector({ baseUrl: srv.url, credentials: {} }).executeRequest({
      method: 'GET',
      endpoint: '/raw',
      headers: { Authorization: 'Bearer manual', 'X-API-Key': 'manual-key', 'Proxy-Authorization': 'Basic x', Cookie: 'a=b', 'X-Safe': '1' },
    });
    expect(srv.requests[0]?.headers.authorization).toBe('Bearer manual');
    const landed = other.requests[0]?.headers ?? {};
    expect([landed.authorization, landed['x-api-key'], landed['proxy-authorization'], landed.cookie]).toEqual([undefined, undefined, undefined, undefined]);
    expect(landed['x-safe']).toBe('1');
  });

  it('keeps credentials off once the chain has left the origin, even when it comes back', async () => {
    const srv = await server((req) => (req.pathname === '/start' ? { status: 302, headers: { location: `${other.url}/bounce` } } : { json: { back: true } }));
    const other = await server(() => ({ status: 302, headers: { location: `${srv.url}/back` } }));
    const response = await connector({ baseUrl: srv.url }).executeAction('test_action', {});
    expect(response.data).toEqual({ back: true });
    expect(srv.requests[1]?.pathname).toBe('/back');
    expect(srv.requests[1]?.headers.authorization).toBeUndefined();
    expect(srv.requests[1]?.query.api_key).toBeUndefined();
  });

  it('refuses a cross-origin redirect when configured to', async () => {
    const other = await server();
    const srv = await server(() => ({ status: 302, headers: { location: `${other.url}/x` } }));
    const response = await connector({ baseUrl: srv.url, crossOriginRedirects: 'refuse' }).executeAction('test_action', {});
    expect(response.error?.code).toBe('REDIRECT_REFUSED');
    expect(other.requests).toHaveLength(0);
  });

  it('caps the number of redirects', async () => {
    const srv = await server((req) => ({ status: 302, headers: { location: `/loop${req.path.length}` } }));
    const response = await connector({ baseUrl: srv.url, maxRedirects: 5 }).executeAction('test_action', {});
    expect(response.error?.code).toBe('TOO_MANY_REDIRECTS');
    expect(srv.requests).toHaveLength(6);
  });

  it('303 turns POST into GET without body; 307 keeps method and body', async () => {
    const see = await server((req) => (req.pathname === '/start' ? { status: 303, headers: { location: '/after' } } : {}));
    await connector({ baseUrl: see.url, method: 'POST' }).executeAction('test_action', { name: 'n' });
    expect(see.requests.map((r) => [r.method, r.body.toString(), r.contentType])).toEqual([
      ['POST', '{"name":"n"}', 'application/json'],
      ['GET', '', undefined],
    ]);
    const temp = await server((req) => (req.pathname === '/start' ? { status: 307, headers: { location: '/after' } } : {}));
    await connector({ baseUrl: temp.url, method: 'POST' }).executeAction('test_action', { name: 'n' });
    expect(temp.requests.map((r) => [r.method, r.body.toString()])).toEqual([
      ['POST', '{"name":"n"}'],
      ['POST', '{"name":"n"}'],
    ]);
  });

  it('refuses a redirect to a non-HTTP scheme', async () => {
    const srv = await server(() => ({ status: 302, headers: { location: 'file:///etc/passwd' } }));
    const response = await connector({ baseUrl: srv.url }).executeAction('test_action', {});
    expect(response.error?.code).toBe('REDIRECT_REFUSED');
  });
});
