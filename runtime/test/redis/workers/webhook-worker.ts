import { createConnector, RedisWebhookReplayStore, type WebhookRequest } from '@specwire/runtime';
import { WEBHOOK_SECRET, webhookDefinition } from './definitions.ts';
import { connectRedis, readyThenGo, report, workerConfig } from './worker-protocol.ts';

/** One worker behind a load balancer: it handles every delivery it is given, all at once. */
const config = workerConfig<{ deliveries: WebhookRequest[]; prefix: string }>();
const redis = connectRedis(config.redisPort);
const connector = createConnector(webhookDefinition(), {
  credentials: { webhookSecret: WEBHOOK_SECRET },
  webhooks: { replayStore: new RedisWebhookReplayStore({ client: redis, prefix: config.prefix }) },
});
await readyThenGo();
const results = await Promise.all(config.deliveries.map((delivery) => connector.handleWebhook('issues_opened', delivery)));
report(results.map((result) => (result.ok ? 'accepted' : result.reason)));
redis.disconnect();
