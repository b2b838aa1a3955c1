/**
 * One process of the load test: `calls` executeAction calls, `concurrency` at a time, through a
 * connector whose rate limit lives in Redis (shared with the other processes). Reports every
 * call's latency and outcome, how many times each call resolved, and memory at the end.
 */
import { createRequire } from 'node:module';
import { BaseConnector, RedisRateLimitStore, type ConnectorDefinition, type RedisScriptClient } from '../../runtime/src/index.ts';

export interface WorkerConfig {
  index: number;
  redisPort: number;
  baseUrl: string;
  calls: number;
  concurrency: number;
  requestsPerSecond: number;
  burst: number;
}

export interface WorkerReport {
  index: number;
  latenciesMs: number[];
  outcomes: Record<string, number>;
  retries: number;
  /** Calls that never resolved, and calls that resolved more than once (both must be 0). */
  lost: number;
  resolvedTwice: number;
  threw: number;
  rssBytes: number;
  heapUsedBytes: number;
}

const config = JSON.parse(process.env.SPECWIRE_LOAD_WORKER ?? '{}') as WorkerConfig;
// ioredis is the runtime's (optional) dependency, resolved from the runtime package.
const require = createRequire(new URL('../../runtime/package.json', import.meta.url));
const { Redis } = require('ioredis') as { Redis: new (options: object) => RedisScriptClient & { disconnect(): void } };
const redis = new Redis({ host: '127.0.0.1', port: config.redisPort, maxRetriesPerRequest: 1 });

const definition: ConnectorDefinition = {
  name: 'load_test',
  display_name: 'Load test',
  category: 'development',
  description: 'A rate-limited local API',
  auth_type: 'api_key',
  auth_fields: [],
  auth: [{ id: 'key', type: 'apiKey', in: 'header', name: 'X-API-Key', credential: 'apiKey' }],
  endpoints: { base_url: config.baseUrl, servers: [] },
  webhook_support: false,
  rate_limits: { requests_per_second: config.requestsPerSecond, burst: config.burst },
  supported_actions: [
    {
      id: 'get_issue',
      name: 'Get issue',
      description: '',
      category: 'issues',
      inputSchema: {},
      api: { endpoint: '/issue', method: 'GET', headers: {}, paramMapping: {}, response: { type: 'json' }, security: [['key']] },
    },
  ],
  supported_triggers: [],
};

const connector = new BaseConnector(definition, {
  credentials: { apiKey: 'load-test-key' },
  rateLimit: { store: new RedisRateLimitStore({ client: redis, prefix: 'specwire-load:' }) },
});

const resolved = new Uint8Array(config.calls);
const latenciesMs: number[] = [];
const outcomes: Record<string, number> = {};
let retries = 0;
let threw = 0;
let next = 0;

async function callOne(id: number): Promise<void> {
  const started = performance.now();
  try {
    const response = await connector.executeAction('get_issue', {});
    const attempts = response.success ? response.metadata?.attempts : response.error.attempts;
    retries += Math.max(0, (attempts ?? 1) - 1);
    const outcome = response.success ? 'success' : response.error.code;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  } catch {
    threw += 1;
  }
  latenciesMs.push(performance.now() - started);
  resolved[id] = (resolved[id] ?? 0) + 1;
}

process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
// Stdin stays open (the parent keeps the pipe): let go of it, or the process never exits.
process.stdin.destroy();
await Promise.all(
  Array.from({ length: config.concurrency }, async () => {
    while (next < config.calls) await callOne(next++);
  }),
);
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
const report: WorkerReport = {
  index: config.index,
  latenciesMs,
  outcomes,
  retries,
  lost: resolved.filter((count) => count === 0).length,
  resolvedTwice: resolved.filter((count) => count > 1).length,
  threw,
  rssBytes: memory.rss,
  heapUsedBytes: memory.heapUsed,
};
process.stdout.write(`result:${JSON.stringify(report)}\n`);
redis.disconnect();
await connector.destroy();
