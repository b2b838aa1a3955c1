import { describe, expect, it } from 'vitest';
import { BaseConnector, InMemoryRateLimitStore, type BucketSpec } from '@specwire/runtime';
import { defineAction, defineConnector } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

/** The per-request shortcuts (cached constants, template splits, the idle rate-limit store) must not change answers. */
describe('hot-path shortcuts keep behaviour', () => {
  it('an invalid constant header fails on every call, not only the first', async () => {
    const srv = await server();
    const action = defineAction({ api: { headers: { 'bad header': 'x' } } });
    const connector = new BaseConnector(defineConnector({ supported_actions: [action] }), { baseUrl: srv.url, retry: false });
    for (let call = 0; call < 2; call++) {
      const response = await connector.executeAction('test_action');
      expect(response.error?.code).toBe('CONFIGURATION_ERROR');
    }
    expect(srv.requests).toHaveLength(0);
  });

  it('constant query, headers and path template are the same on repeated calls', async () => {
    const srv = await server();
    const action = defineAction({
      inputSchema: { id: { type: 'string', label: 'Id', required: true } },
      api: { endpoint: '/items/{id}/detail?view=full', headers: { 'X-Mode': 'fast' }, paramMapping: { id: { in: 'path', name: 'id', style: 'simple', explode: false } } },
    });
    const connector = new BaseConnector(defineConnector({ supported_actions: [action] }), { baseUrl: srv.url, retry: false });
    expect((await connector.executeAction('test_action', { id: 'a/b' })).success).toBe(true);
    expect((await connector.executeAction('test_action', { id: 'c' })).success).toBe(true);
    expect(srv.requests.map((request) => request.path)).toEqual(['/items/a%2Fb/detail?view=full', '/items/c/detail?view=full']);
    expect(srv.requests.map((request) => request.headers['x-mode'])).toEqual(['fast', 'fast']);
    const invalid = await connector.executeAction('test_action', { id: '..' });
    expect(invalid.error?.code).toBe('VALIDATION_ERROR');
  });

  it('a store subclass that overrides take is still asked when no buckets are declared', async () => {
    const srv = await server();
    const asked: Array<readonly BucketSpec[]> = [];
    class CountingStore extends InMemoryRateLimitStore {
      override async take(options: { key: string; buckets: readonly BucketSpec[]; now: number }): Promise<{ waitMs: number }> {
        asked.push(options.buckets);
        return super.take(options);
      }
    }
    const connector = new BaseConnector(defineConnector({ supported_actions: [defineAction()] }), {
      baseUrl: srv.url,
      retry: false,
      rateLimit: { store: new CountingStore() },
    });
    expect((await connector.executeAction('test_action')).success).toBe(true);
    expect(asked).toEqual([[]]);
  });

  it('the built-in store answers a reported block without buckets, as take does', async () => {
    const store = new InMemoryRateLimitStore();
    await store.report({ key: 'k', buckets: [], now: 1_000, remaining: 0, blockedUntil: 4_000 });
    expect(store.blockedFor({ key: 'k', now: 1_500 })).toBe((await store.take({ key: 'k', buckets: [], now: 1_500 })).waitMs);
    expect(store.blockedFor({ key: 'k', now: 1_500 })).toBe(2_500);
    expect(store.blockedFor({ key: 'k', now: 5_000 })).toBe(0);
    expect(store.blockedFor({ key: 'other', now: 5_000 })).toBe(0);
  });
});
