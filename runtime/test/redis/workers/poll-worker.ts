import { setTimeout as delay } from 'node:timers/promises';
import { ConnectorError, createConnector, RedisPollStateStore } from '@specwire/runtime';
import { pollingDefinition } from './definitions.ts';
import { connectRedis, readyThenGo, report, workerConfig } from './worker-protocol.ts';

/** One poller of a trigger whose state lives in Redis: `polls` polls, a few ms apart. */
const config = workerConfig<{ baseUrl: string; prefix: string; polls: number }>();
const redis = connectRedis(config.redisPort);
const connector = createConnector(pollingDefinition({ baseUrl: config.baseUrl }), {
  retry: false,
  rateLimit: false,
  polling: { stateStore: new RedisPollStateStore({ client: redis, prefix: config.prefix }) },
});
await readyThenGo();
const emitted: number[] = [];
let conflicts = 0;
for (let poll = 0; poll < config.polls; poll++) {
  try {
    const result = await connector.poll<{ id: number }>('new_issue');
    emitted.push(...result.items.map((item) => item.id));
  } catch (error) {
    // Losing the state to the other pollers several times in a row is an answer, not a failure.
    if (!(error instanceof ConnectorError && error.code === 'POLL_CONFLICT')) throw error;
    conflicts += 1;
  }
  await delay(Math.floor(Math.random() * 15));
}
report({ emitted, conflicts });
redis.disconnect();
