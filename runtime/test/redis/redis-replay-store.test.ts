import { createHmac } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { RedisWebhookReplayStore, type WebhookRequest } from '@specwire/runtime';
import type { Redis } from 'ioredis';
import { describeWithRedis } from '../support/redis-suite.ts';
import { MULTI_PROCESS_TIMEOUT_MS, runWorkers } from './worker-processes.ts';
import { WEBHOOK_SECRET } from './workers/definitions.ts';

const WORKERS = 4;

function githubDelivery(options: { number: number; delivery: string }): WebhookRequest & { signature: string } {
  const body = JSON.stringify({ action: 'opened', issue: { number: options.number, title: `Issue ${options.number}` } });
  const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
  return {
    headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': options.delivery, 'x-hub-signature-256': `sha256=${signature}` },
    rawBody: body,
    signature,
  };
}

/** The same deliveries reach four worker processes at once (a retrying sender, a load balancer). */
describeWithRedis('RedisWebhookReplayStore across processes', (redis) => {
  let client: Redis;
  beforeAll(() => {
    client = redis.connect();
  });

  it('each delivery sent to 4 processes is accepted exactly once; the others are refused as replays', async () => {
    const deliveries = [1, 2, 3].map((number) => githubDelivery({ number, delivery: `delivery-${number}` }));
    const sent = deliveries.map(({ headers, rawBody }) => ({ headers, rawBody }));
    const results = await runWorkers<string[]>({ script: 'webhook-worker.ts', count: WORKERS, config: { redisPort: redis.port(), deliveries: sent, prefix: redis.prefix } });

    for (let delivery = 0; delivery < deliveries.length; delivery++) {
      const outcomes = results.map((perWorker) => perWorker[delivery]);
      expect(outcomes.filter((outcome) => outcome === 'accepted')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'replayed')).toHaveLength(WORKERS - 1);
    }
    // What Redis holds: opaque keys that expire with the window, no secret and no signature.
    const keys = await client.keys(`${redis.prefix}*`);
    expect(keys.length).toBeGreaterThanOrEqual(deliveries.length);
    for (const key of keys) {
      expect(key).not.toContain(WEBHOOK_SECRET);
      for (const delivery of deliveries) expect(key).not.toContain(delivery.signature);
      expect(await client.pttl(key)).toBeGreaterThan(0);
    }
  }, MULTI_PROCESS_TIMEOUT_MS);

  it('remember: true once, false while the window lasts, true again after it', async () => {
    const store = new RedisWebhookReplayStore({ client, prefix: `${redis.prefix}unit:` });
    const now = Date.now();
    expect(await store.remember({ key: 'k1', expiresAt: now + 60_000, now })).toBe(true);
    expect(await store.remember({ key: 'k1', expiresAt: now + 60_000, now })).toBe(false);
    expect(await store.remember({ key: 'k2', expiresAt: now + 50, now })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.remember({ key: 'k2', expiresAt: Date.now() + 50, now: Date.now() })).toBe(true);
  });
});
