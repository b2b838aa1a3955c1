import { describe, expect, it } from 'vitest';
import { BaseConnector, type ServerDefinition } from '@specwire/runtime';
import { bearer, defineAction, defineConnector } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

function connectorFor(options: { servers?: ServerDefinition[]; baseUrl?: string; actionBaseUrl?: string } & ConstructorParameters<typeof BaseConnector>[1]) {
  const { servers = [], actionBaseUrl, ...connectorOptions } = options;
  return new BaseConnector(
    defineConnector({
      auth: [bearer],
      endpoints: { base_url: servers[0]?.url.replace(/\{[^}]+\}/g, 'x') ?? 'https://api.example.invalid', servers },
      supported_actions: [defineAction({ api: { endpoint: '/items', baseUrl: actionBaseUrl, security: [['bearer']] } })],
    }),
    { credentials: { accessToken: 'tok' }, ...connectorOptions },
  );
}

describe('base URL resolution', () => {
  it('keeps the base path (with or without a trailing slash)', async () => {
    const srv = await server();
    for (const baseUrl of [`${srv.url}/v3`, `${srv.url}/v3/`]) {
      const response = await connectorFor({ baseUrl }).executeAction('test_action');
      expect(response.success).toBe(true);
    }
    expect(srv.requests.map((request) => request.pathname)).toEqual(['/v3/items', '/v3/items']);
  });

  it('options.baseUrl wins over the action base URL; the action base URL over the servers', async () => {
    const srv = await server();
    const other = await server();
    await connectorFor({ baseUrl: `${srv.url}/a`, actionBaseUrl: `${other.url}/b` }).executeAction('test_action');
    await connectorFor({ actionBaseUrl: `${other.url}/b`, servers: [{ url: `${srv.url}/s`, variables: {} }] }).executeAction('test_action');
    expect(srv.requests.map((r) => r.pathname)).toEqual(['/a/items']);
    expect(other.requests.map((r) => r.pathname)).toEqual(['/b/items']);
  });

  it('substitutes server variables: defaults, user-settable values encoded as one segment', async () => {
    const srv = await server();
    const servers: ServerDefinition[] = [
      { url: 'https://unused.example.invalid', variables: {} },
      {
        url: `${srv.url}/{tenant}/{version}`,
        variables: {
          tenant: { default: 'acme', userSettable: true },
          version: { default: 'v1', enum: ['v1', 'v2'], userSettable: true },
        },
      },
    ];
    await connectorFor({ servers, serverIndex: 1 }).executeAction('test_action');
    await connectorFor({ servers, serverIndex: 1, serverVariables: { tenant: 'a/b?c', version: 'v2' } }).executeAction('test_action');
    expect(srv.requests.map((r) => r.pathname)).toEqual(['/acme/v1/items', '/a%2Fb%3Fc/v2/items']);
  });

  it('refuses server variables that are not user-settable, not in the enum, or dot segments', async () => {
    const srv = await server();
    const servers: ServerDefinition[] = [
      {
        url: `${srv.url}/{tenant}/{version}`,
        variables: { tenant: { default: 'acme', userSettable: true }, version: { default: 'v1', enum: ['v1'], userSettable: false } },
      },
    ];
    const cases: Array<[Record<string, string>, string]> = [
      [{ version: 'v9' }, 'server variable "version" cannot be set'],
      [{ tenant: '..' }, 'server variable "tenant" cannot be empty, "." or ".."'],
      [{ region: 'eu' }, 'server variable "region" does not exist'],
    ];
    for (const [serverVariables, message] of cases) {
      const response = await connectorFor({ servers, serverIndex: 0, serverVariables }).executeAction('test_action');
      expect(response.error).toMatchObject({ code: 'CONFIGURATION_ERROR', message });
    }
    const enumServers: ServerDefinition[] = [{ url: `${srv.url}/{v}`, variables: { v: { default: 'v1', enum: ['v1', 'v2'], userSettable: true } } }];
    const response = await connectorFor({ servers: enumServers, serverVariables: { v: 'v3' } }).executeAction('test_action');
    expect(response.error?.message).toBe('server variable "v" must be one of: "v1", "v2"');
    expect(srv.requests).toHaveLength(0);
  });

  it('refuses a base URL that is not http(s) or carries credentials', async () => {
    for (const baseUrl of ['file:///etc/passwd', 'https://user:pw@api.example.invalid', 'not a url']) {
      const response = await connectorFor({ baseUrl }).executeAction('test_action');
      expect(response.error?.code).toBe('CONFIGURATION_ERROR');
      expect(JSON.stringify(response)).not.toContain('pw@');
    }
  });
});

describe('executeRequest keeps the origin', () => {
  it('sends a relative request with auth, query and a JSON body', async () => {
    const srv = await server();
    const response = await connectorFor({ baseUrl: `${srv.url}/v1` }).executeRequest({
      method: 'post',
      endpoint: '/things?fixed=1',
      queryParams: { tag: ['a', 'b'], skip: undefined },
      body: { name: 'x' },
      headers: { 'X-Extra': 'y' },
    });
    expect(response.success).toBe(true);
    expect(response.data).toEqual({ ok: true });
    const request = srv.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/things?fixed=1&tag=a&tag=b');
    expect(request?.headers.authorization).toBe('Bearer tok');
    expect(request?.headers['x-extra']).toBe('y');
    expect(request?.body.toString()).toBe('{"name":"x"}');
    expect(request?.contentType).toBe('application/json');
  });

  it('accepts an absolute URL on the same origin', async () => {
    const srv = await server();
    const response = await connectorFor({ baseUrl: `${srv.url}/v1` }).executeRequest({ method: 'GET', endpoint: `${srv.url}/other?x=1` });
    expect(response.success).toBe(true);
    expect(srv.requests[0]?.path).toBe('/other?x=1');
  });

  it.each([
    ['an absolute URL on another origin', 'http://127.0.0.2:9/steal'],
    ['a protocol-relative URL', '//127.0.0.2:9/steal'],
    ['a backslash protocol-relative URL', '/\\127.0.0.2:9/steal'],
    ['a dot-dot segment', '/v1/../admin'],
    ['an encoded dot-dot segment', '/v1/%2e%2E/admin'],
  ])('refuses %s', async (_name, endpoint) => {
    const srv = await server();
    const response = await connectorFor({ baseUrl: `${srv.url}/v1` }).executeRequest({ method: 'GET', endpoint });
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('UNSAFE_REQUEST');
    expect(srv.requests).toHaveLength(0);
  });

  it('refuses CR/LF in a raw header without echo', async () => {
    const srv = await server();
    const response = await connectorFor({ baseUrl: srv.url }).executeRequest({ method: 'GET', endpoint: '/x', headers: { 'X-A': 'v\r\nX-Injected: 1' } });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(response)).not.toContain('Injected');
  });
});
