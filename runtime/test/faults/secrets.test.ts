import { describe, expect, it } from 'vitest';
import { BaseConnector, ConnectorError, type ConnectorEvents } from '@specwire/runtime';
import { apiKeyHeader, apiKeyQuery, basic, defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { expectNoSecrets } from '../support/expect-clean.ts';
import { oauthSetup } from '../support/oauth-fixture.ts';
import { createTestClock } from '../support/test-clock.ts';

const CREDENTIALS = { accessToken: 'old-access-AAAA', refreshToken: 'refresh-BBBB', clientId: 'client-1', clientSecret: 'client-secret-CCCC' };
const ALL = ['old-access-AAAA', 'refresh-BBBB', 'client-secret-CCCC', 'rotated-access-DDDD', 'rotated-refresh-EEEE'];

function collect(connector: BaseConnector): unknown[] {
  const events: unknown[] = [];
  for (const name of ['error.occurred', 'action.completed', 'request.completed', 'request.retrying'] as const) {
    connector.on(name, (payload: ConnectorEvents[typeof name]) => events.push(payload));
  }
  return events;
}

/** HOSTILE-INPUTS 34: no token, basic credential or API-key value in anything logged, stringified, serialised or thrown. */
describe('secrets stay out of errors, events and thrown values', () => {
  it('an upstream echoing the rotated OAuth2 token, refresh token and client secret in its error body', async () => {
    const { connector, api } = await oauthSetup({
      api: (req) =>
        req.headers.authorization === 'Bearer rotated-access-DDDD'
          ? { status: 500, headers: { 'x-debug': req.headers.authorization }, json: { message: `denied ${req.headers.authorization}`, echo: ALL } }
          : { status: 401, json: { message: `bad ${req.headers.authorization}` } },
      token: () => ({ json: { access_token: 'rotated-access-DDDD', refresh_token: 'rotated-refresh-EEEE', expires_in: 3600 } }),
      connector: { credentials: CREDENTIALS, retry: { maxAttempts: 2 }, clock: createTestClock().clock },
    });
    const events = collect(connector);
    const response = await connector.executeAction('test_action');
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(['Bearer old-access-AAAA', 'Bearer rotated-access-DDDD', 'Bearer rotated-access-DDDD']);
    expect(response.error).toMatchObject({ code: 'HTTP_500', attempts: 2 });
    expect(response.error?.message).toBe('HTTP 500 Internal Server Error: denied Bearer [REDACTED]');
    expect(response.error?.details).toMatchObject({ body: { echo: ['[REDACTED]', '[REDACTED]', '[REDACTED]', '[REDACTED]', '[REDACTED]'] } });
    expectNoSecrets(response, ALL);
    expectNoSecrets(events, ALL);
  });

  it('the token endpoint echoing the client secret and refresh token in its error', async () => {
    const { connector } = await oauthSetup({
      api: () => ({ status: 401 }),
      token: (req) => ({ status: 400, json: { error: 'invalid_request', error_description: `bad ${req.body.toString()}` } }),
      connector: { credentials: CREDENTIALS },
    });
    const events = collect(connector);
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'OAUTH_ERROR', message: 'the token endpoint answered HTTP 400 (invalid_request)' });
    expectNoSecrets(response, ALL);
    expectNoSecrets(events, ALL);
  });

  it('paginate rejects with a redacted ConnectorError: message, stack, JSON, String, no cause', async () => {
    const srv = await server((req) => ({ status: 403, body: `forbidden for ${req.path} ${req.headers['x-api-key']}`, headers: { 'content-type': 'text/plain' } }));
    const connector = new BaseConnector(
      defineConnector({ auth: [apiKeyHeader, apiKeyQuery], supported_actions: [defineAction({ api: { security: [['key', 'qkey']] } })] }),
      { baseUrl: srv.url, credentials: { apiKey: 'key-FFFF' }, retry: false, rateLimit: false },
    );
    let thrown: unknown;
    try {
      for await (const item of connector.paginate('test_action')) void item;
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    const error = thrown as ConnectorError;
    expect(error.code).toBe('HTTP_403');
    expect(error.request?.url).toMatch(/\?api_key=\[REDACTED\]$/);
    for (const rendered of [error.message, error.stack ?? '', JSON.stringify(error), String(error), JSON.stringify(error.details)]) {
      expectNoSecrets(rendered, ['key-FFFF']);
    }
    expect(error.cause).toBeUndefined();
  });

  it('basic credentials on a retried request, and a spec-declared API-key header name', async () => {
    const srv = await server((req) => ({ status: 503, json: { authorization: req.headers.authorization, 'X-API-Key': 'whatever' } }));
    const connector = new BaseConnector(
      defineConnector({ auth: [basic, apiKeyHeader], supported_actions: [defineAction({ api: { security: [['basic', 'key']] } })] }),
      { baseUrl: srv.url, credentials: { username: 'ann', password: 'pw-GGGG', apiKey: 'k' }, clock: createTestClock().clock, rateLimit: false },
    );
    const events = collect(connector);
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'HTTP_503', attempts: 3, details: { body: { authorization: '[REDACTED]', 'X-API-Key': '[REDACTED]' } } });
    expectNoSecrets([response, events], ['pw-GGGG', Buffer.from('ann:pw-GGGG').toString('base64')]);
  });
});
