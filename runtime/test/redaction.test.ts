import { describe, expect, it } from 'vitest';
import { BaseConnector, ConnectorError, type ConnectorEvents } from '@specwire/runtime';
import { apiKeyHeader, apiKeyQuery, basic, bearer, defineAction, defineConnector } from './fixtures/define.ts';
import { runAction, server } from './fixtures/run.ts';

const TOKEN = 'tok_SECRET_1234567890';

function expectClean(value: unknown, secrets: string[]): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

describe('credentials never appear in results, errors or events', () => {
  it('a 401 whose body and headers echo the bearer token', async () => {
    const events: unknown[] = [];
    const srv = await server((req) => ({
      status: 401,
      headers: { 'x-echo': req.headers.authorization ?? '' },
      json: { message: `bad token ${req.headers.authorization}`, echo: { authorization: req.headers.authorization, token: TOKEN } },
    }));
    const connector = new BaseConnector(
      defineConnector({ auth: [bearer], supported_actions: [defineAction({ api: { security: [['bearer']] } })] }),
      { baseUrl: srv.url, credentials: { accessToken: TOKEN } },
    );
    for (const event of ['error.occurred', 'action.completed', 'request.completed'] as const) {
      connector.on(event, (payload: ConnectorEvents[typeof event]) => events.push(payload));
    }
    const response = await connector.executeAction('test_action', {});
    expect(srv.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('HTTP_401');
    expect(response.error?.statusCode).toBe(401);
    expect(response.error?.message).toContain('HTTP 401');
    expect(response.error?.message).toContain('[REDACTED]');
    expect(response.error?.details).toMatchObject({ body: { echo: { authorization: '[REDACTED]', token: '[REDACTED]' } } });
    expectClean(response, [TOKEN]);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expectClean(events, [TOKEN]);
  });

  it('an api key in the query is redacted from URLs in errors and events, even on network errors', async () => {
    const srv = await server();
    const url = srv.url;
    await srv.close();
    const events: unknown[] = [];
    const connector = new BaseConnector(
      defineConnector({ auth: [apiKeyQuery], supported_actions: [defineAction({ api: { security: [['qkey']] } })] }),
      { baseUrl: url, credentials: { apiKey: TOKEN } },
    );
    connector.on('error.occurred', (payload) => events.push(payload));
    const response = await connector.executeAction('test_action', {});
    expect(response.error?.code).toBe('NETWORK_ERROR');
    expect(response.error?.retryable).toBe(true);
    expect(response.error?.message).toMatch(/^network error \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
    expectClean(response, [TOKEN]);
    expectClean(events, [TOKEN]);
  });

  it('an http error on a query-key request reports the URL with the key replaced', async () => {
    const { response } = await runAction({
      action: defineAction({ api: { security: [['qkey']] } }),
      definition: { auth: [apiKeyQuery] },
      connector: { credentials: { apiKey: TOKEN } },
      handler: (req) => ({ status: 403, body: `no access for ${req.path}`, headers: { 'content-type': 'text/plain' } }),
    });
    expect(response.error?.code).toBe('HTTP_403');
    const details = response.error?.details as { request: { url: string }; body: string };
    expect(details.request.url).toMatch(/\/test\?api_key=\[REDACTED\]$/);
    expect(details.body).toContain('[REDACTED]');
    expectClean(response, [TOKEN]);
  });

  it('basic credentials and their base64 form are redacted', async () => {
    const password = 'hunter2-very-secret';
    const encoded = Buffer.from(`ann:${password}`).toString('base64');
    const { response } = await runAction({
      action: defineAction({ api: { security: [['basic']] } }),
      definition: { auth: [basic] },
      connector: { credentials: { username: 'ann', password } },
      handler: (req) => ({ status: 500, json: { error: { message: `got ${req.headers.authorization} for ${password}` } } }),
    });
    expect(response.error?.code).toBe('HTTP_500');
    expect(response.error?.retryable).toBe(true);
    expectClean(response, [password, encoded]);
  });

  it('api-key header names from the spec are redacted by name', async () => {
    const { response } = await runAction({
      action: defineAction({ api: { security: [['key']] } }),
      definition: { auth: [apiKeyHeader] },
      connector: { credentials: { apiKey: 'k' } },
      handler: () => ({ status: 400, json: { headers: { 'X-API-Key': 'whatever-the-server-says' } } }),
    });
    expect(response.error?.details).toMatchObject({ body: { headers: { 'X-API-Key': '[REDACTED]' } } });
  });

  it('a thrown error keeps no secret in message, stack, JSON or cause', async () => {
    class LeakyConnector extends BaseConnector {
      protected override async initializeConnection(): Promise<void> {
        throw new Error(`could not connect with ${TOKEN}`, { cause: new Error(TOKEN) });
      }
    }
    const connector = new LeakyConnector(defineConnector({ auth: [bearer] }), { credentials: { accessToken: TOKEN } });
    const error = await connector.initialize().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    const connectorError = error as ConnectorError;
    expect(connectorError.message).toContain('[REDACTED]');
    expectClean(connectorError.message, [TOKEN]);
    expectClean(connectorError.stack ?? '', [TOKEN]);
    expectClean(JSON.stringify(connectorError), [TOKEN]);
    expect(connectorError.cause).toBeUndefined();
    expectClean(String(connectorError), [TOKEN]);
    const response = await connector.executeAction('x', {});
    expectClean(response, [TOKEN]);
  });
});
