import { describe, expect, it } from 'vitest';
import { BaseConnector, type AuthScheme } from '@specwire/runtime';
import { apiKeyCookie, apiKeyHeader, apiKeyQuery, bearer, defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { createTestClock } from '../support/test-clock.ts';

const SCHEMES: AuthScheme[] = [bearer, apiKeyHeader, apiKeyQuery, apiKeyCookie];

/** HOSTILE-INPUTS 29: a 302 to another host or port drops Authorization, Cookie, Proxy-Authorization, API-key headers and query values. */
describe('302 to another origin', () => {
  it('every credential dropped on a redirect to another port, on every retried attempt too', async () => {
    const other = await server(() => ({ status: 503 }));
    const srv = await server(() => ({ status: 302, headers: { location: `${other.url}/landing?api_key=key-secret&keep=1` } }));
    const connector = new BaseConnector(
      defineConnector({ auth: SCHEMES, supported_actions: [defineAction({ api: { security: [['bearer', 'key', 'qkey', 'ckey']] } })] }),
      { baseUrl: srv.url, credentials: { accessToken: 'bearer-secret', apiKey: 'key-secret' }, clock: createTestClock().clock, rateLimit: false, retry: { maxAttempts: 2 } },
    );
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'HTTP_503', attempts: 2 });
    expect(srv.requests).toHaveLength(2);
    for (const first of srv.requests) {
      expect(first.headers.authorization).toBe('Bearer bearer-secret');
      expect(first.headers['x-api-key']).toBe('key-secret');
      expect(first.headers.cookie).toBe('session=key-secret');
      expect(first.query.api_key).toEqual(['key-secret']);
    }
    expect(other.requests).toHaveLength(2);
    for (const landed of other.requests) {
      expect(landed.path).toBe('/landing?keep=1');
      expect([landed.headers.authorization, landed.headers['x-api-key'], landed.headers.cookie, landed.headers['proxy-authorization']]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(JSON.stringify(landed)).not.toContain('secret');
    }
    expect(JSON.stringify(response)).not.toContain('secret');
  });

  it('a raw request drops its own Proxy-Authorization and Cookie on the hop', async () => {
    const other = await server();
    const srv = await server(() => ({ status: 302, headers: { location: `${other.url}/x` } }));
    const connector = new BaseConnector(defineConnector({ auth: SCHEMES }), { baseUrl: srv.url, rateLimit: false });
    await connector.executeRequest({ method: 'GET', endpoint: '/raw', headers: { 'Proxy-Authorization': 'Basic cHJveHk6cHc=', Cookie: 'sid=1', 'X-API-Key': 'k' } });
    expect(srv.requests[0]?.headers['proxy-authorization']).toBe('Basic cHJveHk6cHc=');
    const landed = other.requests[0]?.headers ?? {};
    expect([landed['proxy-authorization'], landed.cookie, landed['x-api-key']]).toEqual([undefined, undefined, undefined]);
  });
});
