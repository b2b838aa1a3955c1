import { describe, expect, it } from 'vitest';
import type { AuthScheme } from '@specwire/runtime';
import { apiKeyCookie, apiKeyHeader, apiKeyQuery, basic, bearer, defineAction } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

function authRun(options: { schemes: AuthScheme[]; security: string[][]; credentials: Record<string, string> }) {
  return runAction({
    action: defineAction({ api: { security: options.security } }),
    definition: { auth: options.schemes },
    connector: { credentials: options.credentials },
  });
}

describe('auth schemes', () => {
  it('api key in a header', async () => {
    const { srv } = await authRun({ schemes: [apiKeyHeader], security: [['key']], credentials: { apiKey: 'k-123' } });
    expect(srv.requests[0]?.headers['x-api-key']).toBe('k-123');
  });

  it('api key in the query, encoded', async () => {
    const { srv } = await authRun({ schemes: [apiKeyQuery], security: [['qkey']], credentials: { apiKey: 'k 1&x' } });
    expect(srv.requests[0]?.path).toBe('/test?api_key=k%201%26x');
    expect(srv.requests[0]?.query.api_key).toEqual(['k 1&x']);
  });

  it('two schemes of one requirement naming the same query parameter send it once', async () => {
    const twin: AuthScheme = { id: 'qkey2', type: 'apiKey', in: 'query', name: 'api_key', credential: 'apiKey2' };
    const { srv } = await authRun({ schemes: [apiKeyQuery, twin], security: [['qkey', 'qkey2']], credentials: { apiKey: 'k1', apiKey2: 'k2' } });
    expect(srv.requests[0]?.query.api_key).toEqual(['k2']);
  });

  it('api key in a cookie', async () => {
    const { srv } = await authRun({ schemes: [apiKeyCookie], security: [['ckey']], credentials: { apiKey: 'sess-1' } });
    expect(srv.requests[0]?.headers.cookie).toBe('session=sess-1');
  });

  it('bearer and oauth2 tokens', async () => {
    const first = await authRun({ schemes: [bearer], security: [['bearer']], credentials: { accessToken: 't0k' } });
    expect(first.srv.requests[0]?.headers.authorization).toBe('Bearer t0k');
    const oauth: AuthScheme = { id: 'oauth', type: 'oauth2', credential: 'accessToken', scopes: ['repo'] };
    const second = await authRun({ schemes: [oauth], security: [['oauth']], credentials: { accessToken: 'o4uth' } });
    expect(second.srv.requests[0]?.headers.authorization).toBe('Bearer o4uth');
  });

  it('basic credentials', async () => {
    const { srv } = await authRun({ schemes: [basic], security: [['basic']], credentials: { username: 'ann', password: 'pä:ss' } });
    expect(srv.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('ann:pä:ss').toString('base64')}`);
  });

  it('an alternative of two schemes applies both', async () => {
    const { srv } = await authRun({ schemes: [apiKeyHeader, bearer], security: [['key', 'bearer']], credentials: { apiKey: 'k', accessToken: 't' } });
    expect(srv.requests[0]?.headers['x-api-key']).toBe('k');
    expect(srv.requests[0]?.headers.authorization).toBe('Bearer t');
  });
});

describe('choosing an alternative', () => {
  it('takes the first alternative whose credentials are present', async () => {
    const { srv } = await authRun({ schemes: [bearer, apiKeyHeader], security: [['bearer'], ['key']], credentials: { apiKey: 'k' } });
    expect(srv.requests[0]?.headers['x-api-key']).toBe('k');
    expect(srv.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('optional auth ([[]]) sends none without credentials and uses them when present', async () => {
    const none = await authRun({ schemes: [bearer], security: [[], ['bearer']], credentials: {} });
    expect(none.response.success).toBe(true);
    expect(none.srv.requests[0]?.headers.authorization).toBeUndefined();
    const some = await authRun({ schemes: [bearer], security: [[], ['bearer']], credentials: { accessToken: 't' } });
    expect(some.srv.requests[0]?.headers.authorization).toBe('Bearer t');
  });

  it('[] means no auth even when credentials exist', async () => {
    const { srv } = await authRun({ schemes: [bearer], security: [], credentials: { accessToken: 't' } });
    expect(srv.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('missing credentials: an error naming the keys, nothing sent', async () => {
    const { response, srv } = await authRun({ schemes: [bearer, basic], security: [['bearer'], ['basic']], credentials: { username: 'u' } });
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('MISSING_CREDENTIALS');
    expect(response.error?.message).toContain('"accessToken"');
    expect(response.error?.message).toContain('"password"');
    expect(srv.requests).toHaveLength(0);
  });

  it('a credential with a line break is refused without echo', async () => {
    const { response, srv } = await authRun({ schemes: [apiKeyHeader], security: [['key']], credentials: { apiKey: 'abc\r\nX-Evil: 1' } });
    expect(response.error?.code).toBe('CONFIGURATION_ERROR');
    expect(response.error?.message).toContain('"apiKey"');
    expect(JSON.stringify(response)).not.toContain('Evil');
    expect(srv.requests).toHaveLength(0);
  });

  it('an action header parameter cannot replace the credential header', async () => {
    const action = defineAction({
      inputSchema: { auth: { type: 'string', label: 'x' } },
      api: { security: [['bearer']], paramMapping: { auth: { in: 'header', name: 'Authorization', style: 'simple', explode: false } } },
    });
    const { srv } = await runAction({ action, input: { auth: 'Bearer stolen' }, definition: { auth: [bearer] }, connector: { credentials: { accessToken: 'real' } } });
    expect(srv.requests[0]?.headers.authorization).toBe('Bearer real');
  });
});
