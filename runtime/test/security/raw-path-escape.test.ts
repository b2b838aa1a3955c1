/**
 * `executeRequest` must not leave the base path: dot segments are judged on the raw endpoint, before
 * URL parsing resolves them away (`https://host/v1/../admin` would otherwise become `/admin`).
 */
import { BaseConnector } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';

function connector(baseUrl: string): BaseConnector {
  return new BaseConnector(defineConnector(), { baseUrl, retry: false, rateLimit: false });
}

describe('executeRequest and dot segments', () => {
  const absolute = ['/v1/../admin', '/v1/%2e%2e/admin', '/v1/%2E./admin', '/v1/./admin', '/v1/%2e/admin', '/v1/%252e%252e/admin', '/v1\\..\\admin'];
  it.each(absolute)('refuses the absolute same-origin URL <origin>%s without sending', async (path) => {
    const srv = await server();
    const response = await connector(`${srv.url}/v1`).executeRequest({ method: 'GET', endpoint: `${srv.url}${path}` });
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('UNSAFE_REQUEST');
    expect(srv.requests).toHaveLength(0);
  });

  it.each(['/v1/./admin', '/./admin', '/%2e/admin', '/%252e%252e/admin', 'a/../../admin'])('refuses the relative endpoint %s', async (endpoint) => {
    const srv = await server();
    const response = await connector(`${srv.url}/v1`).executeRequest({ method: 'GET', endpoint });
    expect(response.error?.code).toBe('UNSAFE_REQUEST');
    expect(srv.requests).toHaveLength(0);
  });

  it('still sends paths whose segments only contain dots', async () => {
    const srv = await server();
    const response = await connector(`${srv.url}/v1`).executeRequest({ method: 'GET', endpoint: `${srv.url}/v1/files/a..b/.well-known/...` });
    expect(response.success).toBe(true);
    expect(srv.requests[0]?.path).toBe('/v1/files/a..b/.well-known/...');
  });
});
