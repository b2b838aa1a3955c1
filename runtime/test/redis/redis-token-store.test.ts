import { beforeAll, expect, it } from 'vitest';
import { RedisTokenStore, type OAuthTokens } from '@specwire/runtime';
import type { RecordedRequest } from '@specwire/runtime/testing';
import type { Redis } from 'ioredis';
import { server } from '../fixtures/run.ts';
import { form } from '../support/oauth-fixture.ts';
import { describeWithRedis } from '../support/redis-suite.ts';
import { MULTI_PROCESS_TIMEOUT_MS, runWorkers } from './worker-processes.ts';

const WORKERS = 4;
const CALLS_PER_WORKER = 2;
const OLD: OAuthTokens = { accessToken: 'access-1', refreshToken: 'refresh-1' };

/**
 * Four worker processes share one OAuth2 connection through RedisTokenStore. The provider rotates
 * refresh tokens and revokes the old ones (a second use of `refresh-1` is invalid_grant), so only a
 * single refresh across all processes lets every call succeed.
 */
describeWithRedis('RedisTokenStore across processes', (redis) => {
  let client: Redis;
  beforeAll(() => {
    client = redis.connect();
  });

  it('8 concurrent 401s in 4 processes make exactly one token request; every call then succeeds with the new token', async () => {
    const total = WORKERS * CALLS_PER_WORKER;
    // Hold the 401s until all 8 calls have arrived, so that every process sees its 401 at the same time.
    let arrived = 0;
    let releaseAll: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => (releaseAll = resolve));
    const api = await server(async (req: RecordedRequest) => {
      if (req.headers.authorization === 'Bearer access-2') return { json: { ok: true } };
      if (++arrived === total) releaseAll();
      await Promise.race([allArrived, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      return { status: 401, json: { message: 'token expired' } };
    });
    let refreshTokenUsed: string | undefined;
    const tokens = await server((req) => {
      const grant = form(req.body);
      if (grant.refresh_token !== 'refresh-1' || refreshTokenUsed !== undefined) return { status: 400, json: { error: 'invalid_grant' } };
      refreshTokenUsed = grant.refresh_token;
      return { delayMs: 200, json: { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 3600 } };
    });
    const storeKey = 'connection-42';
    await new RedisTokenStore({ client, key: storeKey, prefix: redis.prefix }).set(OLD);

    const results = await runWorkers<Array<{ success: boolean; code: string | null }>>({
      script: 'oauth-worker.ts',
      count: WORKERS,
      config: { redisPort: redis.port(), apiUrl: api.url, tokenUrl: `${tokens.url}/token`, storeKey, prefix: redis.prefix, calls: CALLS_PER_WORKER },
    });

    expect(results.flat()).toEqual(Array.from({ length: total }, () => ({ success: true, code: null })));
    expect(tokens.requests).toHaveLength(1);
    expect(form(tokens.requests[0]!.body)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
    const sent = api.requests.map((r) => r.headers.authorization);
    expect(sent.filter((h) => h === 'Bearer access-1')).toHaveLength(total);
    expect(sent.filter((h) => h === 'Bearer access-2')).toHaveLength(total);
    expect(await new RedisTokenStore({ client, key: storeKey, prefix: redis.prefix }).get()).toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      expiresAt: expect.any(Number),
    });
    // The refresh lock is gone once the refresh is done.
    expect(await client.exists(`${redis.prefix}${storeKey}:refresh`)).toBe(0);
  }, MULTI_PROCESS_TIMEOUT_MS);

  it('a crashed holder\'s lock expires, then the next worker refreshes; later callers reuse its tokens', async () => {
    const store = new RedisTokenStore({ client, key: 'connection-lock', prefix: redis.prefix, lockTtlMs: 300 });
    await store.set(OLD);
    // A crashed worker's lock: no one releases it, so the next refresh waits for its expiry.
    await client.set(`${redis.prefix}connection-lock:refresh`, 'crashed-worker', 'PX', 800);
    const started = Date.now();
    let calls = 0;
    const fresh = await store.refreshOnce({
      stale: 'access-1',
      refresh: async () => {
        calls += 1;
        const next = { accessToken: 'access-9', refreshToken: 'refresh-9' };
        await store.set(next);
        return next;
      },
    });
    expect(fresh).toEqual({ accessToken: 'access-9', refreshToken: 'refresh-9' });
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    // Already refreshed: a later caller with the same stale token gets the stored tokens, no refresh.
    expect(await store.refreshOnce({ stale: 'access-1', refresh: () => Promise.reject(new Error('must not refresh')) })).toMatchObject({ accessToken: 'access-9' });
  });

  it('when the holder\'s refresh fails, a waiting worker takes the lock and refreshes itself', async () => {
    const holder = new RedisTokenStore({ client, key: 'connection-fail', prefix: redis.prefix });
    const waiter = new RedisTokenStore({ client: redis.connect(), key: 'connection-fail', prefix: redis.prefix });
    await holder.set(OLD);
    let holderStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (holderStarted = resolve));
    const failed = holder.refreshOnce({
      stale: 'access-1',
      refresh: async () => {
        holderStarted();
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error('the token endpoint answered 503');
      },
    });
    await started;
    const next = { accessToken: 'access-3', refreshToken: 'refresh-3' };
    const fresh = waiter.refreshOnce({ stale: 'access-1', refresh: async () => (await waiter.set(next), next) });
    await expect(failed).rejects.toThrow('503');
    expect(await fresh).toEqual(next);
    expect(await holder.get()).toEqual(next);
  });
});
