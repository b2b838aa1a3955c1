/**
 * A definition's own base URL (spec servers, an action's server) must not aim requests and
 * credentials at a link-local or cloud metadata address; only the host's `options.baseUrl` may.
 */
import { BaseConnector, type ConnectorDefinition } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { defineAction, defineConnector } from '../fixtures/define.ts';

function connectorFor(definition: ConnectorDefinition, baseUrl?: string) {
  const urls: string[] = [];
  const recording = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { connector: new BaseConnector(definition, { fetch: recording, retry: false, rateLimit: false, ...(baseUrl ? { baseUrl } : {}) }), urls };
}

describe('link-local base URLs from the definition', () => {
  it.each([
    ['endpoints.base_url', defineConnector({ endpoints: { base_url: 'http://169.254.169.254/latest', servers: [] }, supported_actions: [defineAction()] })],
    ['the first server', defineConnector({ endpoints: { base_url: '', servers: [{ url: 'http://[fe80::1]/', variables: {} }] }, supported_actions: [defineAction()] })],
    ['an action server', defineConnector({ supported_actions: [defineAction({ api: { baseUrl: 'http://metadata.google.internal/' } })] })],
  ])('are refused from %s without a request', async (_name, definition) => {
    const { connector, urls } = connectorFor(definition);
    const response = await connector.executeAction('test_action', {});
    expect(response.error?.code).toBe('CONFIGURATION_ERROR');
    expect(urls).toEqual([]);
  });

  it("are the host's to choose through options.baseUrl", async () => {
    const definition = defineConnector({ supported_actions: [defineAction()] });
    const { connector, urls } = connectorFor(definition, 'http://169.254.169.254/');
    expect((await connector.executeAction('test_action', {})).success).toBe(true);
    expect(urls).toEqual(['http://169.254.169.254/test']);
  });
});
