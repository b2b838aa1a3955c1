import { randomUUID } from 'node:crypto';
import { afterAll, describe, inject } from 'vitest';
import { Redis } from 'ioredis';
import { REDIS_NOT_FOUND } from './redis-server.ts';

export interface RedisTestContext {
  /** Port of the test redis-server on 127.0.0.1 (valid inside tests and hooks). */
  port(): number;
  /** A new ioredis client, disconnected after the suite. */
  connect(): Redis;
  /** A key prefix no other suite (or run) uses. */
  prefix: string;
}

/**
 * `describe` for tests that need the redis-server started by redis-server.ts: skipped when there is
 * none (that module prints the one line saying why), failing when it did not start. Every Redis
 * test file goes through here, so the find/start/skip rule lives in one place.
 */
export function describeWithRedis(name: string, body: (redis: RedisTestContext) => void): void {
  const port = inject('redisPort');
  const problem = inject('redisProblem');
  const missing = port === null && problem === REDIS_NOT_FOUND;
  describe.skipIf(missing)(`${name} (real redis-server)`, () => {
    const clients: Redis[] = [];
    afterAll(() => {
      for (const client of clients) client.disconnect();
    });
    body({
      port: () => {
        if (port === null) throw new Error(problem ?? 'no redis-server');
        return port;
      },
      connect: () => {
        if (port === null) throw new Error(problem ?? 'no redis-server');
        const client = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
        clients.push(client);
        return client;
      },
      prefix: `specwire-test:${randomUUID()}:`,
    });
  });
}
