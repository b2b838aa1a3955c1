/**
 * testConnection(): a test action runs with its input, credentials filled in, against a recording
 * server on 127.0.0.1; without one the result is "unverified", never a pass; credentials stay out
 * of what a failed test reports.
 */
import { describe, expect, it } from 'vitest';
import { BaseConnector, CONNECTION_UNVERIFIED, type ConnectorDefinition } from '@specwire/runtime';
import { apiKeyHeader, defineAction, defineConnector, field } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

const SECRET = 'sk-test-5f2a9c0e7b41';

function accountConnector(options: { connectionTest?: ConnectorDefinition['connection_test'] } = {}): ConnectorDefinition {
  return defineConnector({
    auth_type: 'api_key',
    auth_fields: [
      { key: 'apiKey', label: 'API Key', type: 'password', required: true, schemes: ['key'] },
      { key: 'accountId', label: 'Account', type: 'string', required: false },
    ],
    auth: [apiKeyHeader],
    supported_actions: [
      defineAction({
        id: 'account_get',
        inputSchema: { accountId: field('string', { required: true }), verbose: field('boolean') },
        api: {
          endpoint: '/accounts/{accountId}',
          security: [['key']],
          paramMapping: {
            accountId: { in: 'path', name: 'accountId', style: 'simple', explode: false },
            verbose: { in: 'query', name: 'verbose', style: 'form', explode: true },
          },
        },
      }),
    ],
    ...(options.connectionTest ? { connection_test: options.connectionTest } : {}),
  });
}

describe('testConnection with a test action', () => {
  it('sends the test input, a credential mapped into the path, with the API key, and reports verified', async () => {
    const srv = await server(() => ({ json: { id: 'acc-42' } }));
    const definition = accountConnector({ connectionTest: { actionId: 'account_get', input: { accountId: '{{credentials.accountId}}', verbose: true } } });
    const connector = new BaseConnector(definition, { baseUrl: srv.url, credentials: { apiKey: SECRET, accountId: 'acc-42' }, retry: false });
    expect(await connector.testConnection()).toEqual({ success: true, data: true, status: 'verified' });
    expect(srv.requests.map((request) => request.path)).toEqual(['/accounts/acc-42?verbose=true']);
    expect(srv.requests[0]!.headers['x-api-key']).toBe(SECRET);
    expect((await connector.getHealthStatus()).details).toMatchObject({ connected: true, verified: true });
  });

  it('refuses to run when a referenced credential is unset, naming the key and sending nothing', async () => {
    const srv = await server();
    const definition = accountConnector({ connectionTest: { actionId: 'account_get', input: { accountId: '{{credentials.accountId}}' } } });
    const result = await new BaseConnector(definition, { baseUrl: srv.url, credentials: { apiKey: SECRET } }).testConnection();
    expect(result).toMatchObject({ success: false, status: 'failed', error: { code: 'MISSING_CREDENTIALS', message: 'missing credentials: the connection test needs "accountId"' } });
    expect(srv.requests).toHaveLength(0);
  });

  it('reports a rejected test as failed, with the credentials kept out of the error', async () => {
    // The server echoes what it received, the key included, as APIs sometimes do.
    const srv = await server((request) => ({ status: 401, json: { message: `bad key ${request.headers['x-api-key']} for ${request.path}` } }));
    const definition = accountConnector({ connectionTest: { actionId: 'account_get', input: { accountId: '{{credentials.apiKey}}' } } });
    const result = await new BaseConnector(definition, { baseUrl: srv.url, credentials: { apiKey: SECRET }, retry: false }).testConnection();
    expect(result).toMatchObject({ success: false, status: 'failed', error: { statusCode: 401 } });
    expect(srv.requests).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});

describe('testConnection without a test action', () => {
  it('says unverified, not success, and sends nothing', async () => {
    const srv = await server();
    const connector = new BaseConnector(accountConnector(), { baseUrl: srv.url, credentials: { apiKey: SECRET } });
    const result = await connector.testConnection();
    expect(result).toMatchObject({ success: false, status: 'unverified', error: { code: CONNECTION_UNVERIFIED, retryable: false } });
    expect(result.error?.message).toContain('not verified');
    expect(srv.requests).toHaveLength(0);
    const health = await connector.getHealthStatus();
    expect(health.status).toBe('healthy');
    expect(health.details).toMatchObject({ connected: true, verified: false });
  });

  it('still reports missing credentials as failed', async () => {
    const result = await new BaseConnector(accountConnector(), { baseUrl: 'http://127.0.0.1:9' }).testConnection();
    expect(result).toMatchObject({ success: false, status: 'failed', error: { code: 'MISSING_CREDENTIALS' } });
  });
});
