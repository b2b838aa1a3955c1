import { BaseConnector, RedisTokenStore } from '@specwire/runtime';
import { oauthDefinition } from './definitions.ts';
import { connectRedis, readyThenGo, report, workerConfig } from './worker-protocol.ts';

/** One worker of a host: `calls` concurrent actions on a connection whose tokens live in Redis. */
const config = workerConfig<{ apiUrl: string; tokenUrl: string; storeKey: string; prefix: string; calls: number }>();
const redis = connectRedis(config.redisPort);
const connector = new BaseConnector(oauthDefinition({ tokenUrl: config.tokenUrl }), {
  baseUrl: config.apiUrl,
  retry: false,
  rateLimit: false,
  credentials: { clientId: 'client-1', clientSecret: 'client-secret-1' },
  oauth2: { tokenStore: new RedisTokenStore({ client: redis, key: config.storeKey, prefix: config.prefix }) },
});
await readyThenGo();
const responses = await Promise.all(Array.from({ length: config.calls }, () => connector.executeAction('test_action')));
report(responses.map((response) => ({ success: response.success, code: response.error?.code ?? null })));
redis.disconnect();
