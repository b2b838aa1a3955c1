import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BaseConnector, RedisRateLimitStore } from '@specwire/runtime';
import { defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { rateLimitStoreContract } from '../support/rate-limit-store-contract.ts';
import { Redis } from 'ioredis';
import { createTestClock } from '../support/test-clock.ts';

/**
 * The Redis store against a real redis-server (started by test/support/redis-global-setup.ts on
 * 127.0.0.1), through ioredis, the client hosts use. Without redis-server this file FAILS, unless
 * SPECWIRE_SKIP_REDIS=1 says to skip.
 */
const port = inject('redisPort');
const skip = process.env.SPECWIRE_SKIP_REDIS === '1';

describe.skipIf(skip)('RedisRateLimitStore (real redis-server)', () => {
  let client: Redis;
  const prefix = `specwire-test:${randomUUID()}:`;

  beforeAll(async () => {
    if (port === null) throw new Error(`${inject('redisProblem') ?? 'no redis-server'}; set SPECWIRE_SKIP_REDIS=1 to skip these tests`);
    client = connectRedis(port);
    expect(await client.ping()).toBe('PONG');
  });
  afterAll(() => client?.disconnect());

  let counter = 0;
  rateLimitStoreContract({ store: () => new RedisRateLimitStore({ client, prefix }), key: () => `k${counter++}` });

  it('two workers (connector instances, separate clients) share one limit; keys hold no credential and expire', async () => {
    const clock = createTestClock();
    const srv = await server();
    const second = connectRedis(port!);
    const definition = defineConnector({ name: 'shared', rate_limits: { requests_per_minute: 2 }, supported_actions: [defineAction()] });
    const worker = (redis: Redis) =>
      new BaseConnector(definition, {
        baseUrl: srv.url,
        clock: clock.clock,
        retry: false,
        credentials: { apiKey: 'secret-key-HHHH' },
        rateLimit: { store: new RedisRateLimitStore({ client: redis, prefix }) },
      });
    const [a, b] = [worker(client), worker(second)];
    await a.executeAction('test_action');
    await b.executeAction('test_action');
    expect(clock.sleeps).toEqual([]);
    await a.executeAction('test_action');
    expect(clock.sleeps).toEqual([30_000]);
    expect(srv.requests).toHaveLength(3);
    const keys = await client.keys(`${prefix}shared:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('secret-key-HHHH');
    const ttl = await client.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120_000);
    second.disconnect();
  });
});

function connectRedis(port: number): Redis {
  return new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, lazyConnect: false });
}
