import { BaseConnector, RedisRateLimitStore } from '@specwire/runtime';
import { beforeAll, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { rateLimitStoreContract } from '../support/rate-limit-store-contract.ts';
import { describeWithRedis } from '../support/redis-suite.ts';
import { createTestClock } from '../support/test-clock.ts';

/**
 * The Redis store against a real redis-server (started by test/support/redis-server.ts on
 * 127.0.0.1), through ioredis, the client hosts use. Skipped, with one line saying why, when
 * redis-server is not installed; required when SPECWIRE_REQUIRE_REDIS=1.
 */
describeWithRedis('RedisRateLimitStore', (redis) => {
  let client: Redis;
  const { prefix } = redis;

  beforeAll(async () => {
    client = redis.connect();
    expect(await client.ping()).toBe('PONG');
  });

  let counter = 0;
  rateLimitStoreContract({ store: () => new RedisRateLimitStore({ client, prefix }), key: () => `k${counter++}` });

  it('two workers (connector instances, separate clients) share one limit; keys hold no credential and expire', async () => {
    const clock = createTestClock();
    const srv = await server();
    const second = redis.connect();
    const definition = defineConnector({ name: 'shared', rate_limits: { requests_per_minute: 2 }, supported_actions: [defineAction()] });
    const worker = (connection: Redis) =>
      new BaseConnector(definition, {
        baseUrl: srv.url,
        clock: clock.clock,
        retry: false,
        credentials: { apiKey: 'secret-key-HHHH' },
        rateLimit: { store: new RedisRateLimitStore({ client: connection, prefix }) },
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
  });
});

