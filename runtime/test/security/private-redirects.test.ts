/**
 * A redirect must not walk a connector into cloud metadata or the host's own network. Every test
 * sends through a fetch that records each URL and refuses to connect anywhere but 127.0.0.1, so a
 * refusal is proved to happen before connecting.
 */
import { BaseConnector, type ConnectorOptions } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';

/** Records every URL fetched; connects only to 127.0.0.1, mapping `https://api.example.com` to `local`. */
function guardedFetch(local?: string): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const guarded = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    urls.push(url);
    const mapped = local && url.startsWith('https://api.example.com/') ? `${local}/${url.slice('https://api.example.com/'.length)}` : url;
    if (new URL(mapped).hostname !== '127.0.0.1') throw new Error(`test fetch refused to connect to ${new URL(mapped).host}`);
    return fetch(mapped, init);
  }) as typeof fetch;
  return { fetch: guarded, urls };
}

function connector(options: ConnectorOptions) {
  return new BaseConnector(defineConnector({ supported_actions: [defineAction({ api: { endpoint: '/start' } })] }), {
    retry: false,
    rateLimit: false,
    ...options,
  });
}

const METADATA_TARGETS = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://2852039166/latest/meta-data/',
  'http://0xa9.0xfe.0xa9.0xfe/',
  'http://[::ffff:169.254.169.254]/',
  'http://[fe80::1]/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
];

describe('redirects to link-local and metadata addresses', () => {
  it.each(METADATA_TARGETS)('refuses %s before connecting', async (target) => {
    const srv = await server(() => ({ status: 302, headers: { location: target } }));
    const guarded = guardedFetch();
    const response = await connector({ baseUrl: srv.url, fetch: guarded.fetch }).executeAction('test_action', {});
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('REDIRECT_REFUSED');
    expect(response.error?.message).toMatch(/link-local|metadata/);
    expect(guarded.urls).toEqual([`${srv.url}/start`]);
  });
});

describe('redirects from a public API into internal addresses', () => {
  it.each(['http://127.0.0.1:9/admin', 'http://10.0.0.5/', 'http://192.168.1.1/', 'http://localhost:9/', 'http://[::1]:9/'])(
    'refuses %s before connecting',
    async (target) => {
      const srv = await server(() => ({ status: 302, headers: { location: target } }));
      const guarded = guardedFetch(srv.url);
      const response = await connector({ baseUrl: 'https://api.example.com', fetch: guarded.fetch }).executeAction('test_action', {});
      expect(response.error?.code).toBe('REDIRECT_REFUSED');
      expect(guarded.urls).toEqual(['https://api.example.com/start']);
    },
  );

  it('follows one with privateNetworkRedirects: allow (the host opts in)', async () => {
    const target = await server(() => ({ json: { internal: true } }));
    const srv = await server(() => ({ status: 302, headers: { location: `${target.url}/inside` } }));
    const guarded = guardedFetch(srv.url);
    const response = await connector({ baseUrl: 'https://api.example.com', fetch: guarded.fetch, privateNetworkRedirects: 'allow' }).executeAction('test_action', {});
    expect(response.data).toEqual({ internal: true });
    expect(target.requests).toHaveLength(1);
  });

  it('still follows an internal redirect when the base URL is itself internal (local and on-premises APIs)', async () => {
    const target = await server(() => ({ json: { moved: true } }));
    const srv = await server(() => ({ status: 307, headers: { location: `${target.url}/next` } }));
    const response = await connector({ baseUrl: srv.url, fetch: guardedFetch().fetch }).executeAction('test_action', {});
    expect(response.data).toEqual({ moved: true });
  });
});
