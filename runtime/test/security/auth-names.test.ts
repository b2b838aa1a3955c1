/**
 * API-key header and cookie names come from a spec. They are checked as RFC 9110 tokens when the
 * connector is created: a CR/LF or `;` in a name is a configuration error then, not a retryable
 * network error per request or an injected cookie; `__proto__` is an ordinary header name.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BaseConnector, ConnectorError, type AuthScheme } from '@specwire/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { defineAction, defineConnector } from '../fixtures/define.ts';

interface Seen {
  rawHeaders: string[];
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A server on 127.0.0.1 that keeps each request's raw header list (names exactly as sent). */
async function rawServer(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push({ rawHeaders: [...req.rawHeaders] });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function connectorWith(options: { scheme: AuthScheme; baseUrl: string }): BaseConnector {
  return new BaseConnector(
    defineConnector({ auth: [options.scheme], supported_actions: [defineAction({ api: { security: [[options.scheme.id]] } })] }),
    { baseUrl: options.baseUrl, credentials: { apiKey: 'key-secret' }, retry: false, rateLimit: false },
  );
}

function creationError(create: () => unknown): ConnectorError | undefined {
  try {
    create();
  } catch (error) {
    return error as ConnectorError;
  }
  return undefined;
}

describe('API-key names from the spec', () => {
  it.each([
    ['a header name with CR/LF', { id: 'k', type: 'apiKey', in: 'header', name: 'X-Key\r\nX-Injected: 1', credential: 'apiKey' }],
    ['a header name with a space', { id: 'k', type: 'apiKey', in: 'header', name: 'X Key', credential: 'apiKey' }],
    ['an empty header name', { id: 'k', type: 'apiKey', in: 'header', name: '', credential: 'apiKey' }],
    ['a cookie name that adds a cookie', { id: 'k', type: 'apiKey', in: 'cookie', name: 'session; admin=1', credential: 'apiKey' }],
    ['a cookie name with "="', { id: 'k', type: 'apiKey', in: 'cookie', name: 'a=b', credential: 'apiKey' }],
  ] as Array<[string, AuthScheme]>)('refuse %s when the connector is created', async (_name, scheme) => {
    const srv = await rawServer();
    const error = creationError(() => connectorWith({ scheme, baseUrl: srv.url }));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error?.code).toBe('CONFIGURATION_ERROR');
    expect(error?.retryable).toBe(false);
    expect(error?.message).not.toContain('key-secret');
    expect(srv.seen).toHaveLength(0);
  });

  it('refuses a header parameter name with CR/LF when the connector is created', () => {
    const definition = defineConnector({
      supported_actions: [
        defineAction({ inputSchema: { h: { type: 'string', label: 'h' } }, api: { paramMapping: { h: { in: 'header', name: 'X-A\r\nX-B', style: 'simple', explode: false } } } }),
      ],
    });
    expect(creationError(() => new BaseConnector(definition, {}))?.code).toBe('CONFIGURATION_ERROR');
  });

  it('sends the credential in a header named __proto__', async () => {
    const srv = await rawServer();
    const connector = connectorWith({ scheme: { id: 'k', type: 'apiKey', in: 'header', name: '__proto__', credential: 'apiKey' }, baseUrl: srv.url });
    const response = await connector.executeAction('test_action', {});
    expect(response.success).toBe(true);
    const raw = srv.seen[0]?.rawHeaders ?? [];
    const at = raw.findIndex((name, index) => index % 2 === 0 && name.toLowerCase() === '__proto__');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(raw[at + 1]).toBe('key-secret');
  });

  it('sends a cookie credential under a plain name as one cookie', async () => {
    const srv = await rawServer();
    const connector = connectorWith({ scheme: { id: 'k', type: 'apiKey', in: 'cookie', name: 'session', credential: 'apiKey' }, baseUrl: srv.url });
    expect((await connector.executeAction('test_action', {})).success).toBe(true);
    const raw = srv.seen[0]?.rawHeaders ?? [];
    expect(raw[raw.findIndex((name) => name.toLowerCase() === 'cookie') + 1]).toBe('session=key-secret');
  });
});
