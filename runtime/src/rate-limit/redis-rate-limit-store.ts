import { MAX_REPORTED_BLOCK_MS, type BucketSpec, type RateLimitStore } from './rate-limit-store.ts';

/**
 * The one Redis call the store needs. An ioredis client (`new Redis(url)`) fits as it is; so does
 * any client with the same `eval` signature (positional because that is Redis's EVAL command).
 */
export interface RedisScriptClient {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

/*
 * Both scripts keep one hash per key: `<bucket>:t` (tokens), `<bucket>:u` (updated at) and
 * `blocked` (epoch ms). The refill arithmetic is the in-memory store's, so both stores behave alike.
 * ARGV: now, ttlMs, bucket count, then id, capacity, limit, windowMs per bucket.
 */
const LEVELS = `
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[3])
local levels = {}
for i = 0, n - 1 do
  local id = ARGV[4 + i * 4]
  local cap = tonumber(ARGV[5 + i * 4])
  local rate = tonumber(ARGV[6 + i * 4]) / tonumber(ARGV[7 + i * 4])
  local t = tonumber(redis.call('HGET', KEYS[1], id .. ':t') or cap)
  local u = tonumber(redis.call('HGET', KEYS[1], id .. ':u') or now)
  levels[i + 1] = math.min(cap, t + math.max(0, now - u) * rate)
end
`;

const TAKE = `${LEVELS}
local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked') or '0')
if blocked > now then return math.min(blocked - now, ${MAX_REPORTED_BLOCK_MS}) end
local wait = 0
for i = 0, n - 1 do
  local rate = tonumber(ARGV[6 + i * 4]) / tonumber(ARGV[7 + i * 4])
  if levels[i + 1] < 1 then wait = math.max(wait, math.ceil((1 - levels[i + 1]) / rate)) end
end
for i = 0, n - 1 do
  local id = ARGV[4 + i * 4]
  local t = levels[i + 1]
  if wait == 0 then t = t - 1 end
  redis.call('HSET', KEYS[1], id .. ':t', tostring(t), id .. ':u', tostring(now))
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return wait
`;

/* Extra ARGV after the buckets: remaining (-1 = unknown), blockedUntil (0 = none). */
const REPORT = `${LEVELS}
local extra = 4 + n * 4
local remaining = tonumber(ARGV[extra])
local until_ms = tonumber(ARGV[extra + 1])
-- The latest report wins (as in the in-memory store): a block replaces the earlier one, capped;
-- remaining > 0 lifts it.
if until_ms > 0 then
  redis.call('HSET', KEYS[1], 'blocked', tostring(math.min(until_ms, now + ${MAX_REPORTED_BLOCK_MS})))
elseif remaining > 0 then
  redis.call('HDEL', KEYS[1], 'blocked')
end
if remaining >= 0 then
  for i = 0, n - 1 do
    local id = ARGV[4 + i * 4]
    redis.call('HSET', KEYS[1], id .. ':t', tostring(math.min(levels[i + 1], remaining)), id .. ':u', tostring(now))
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0
`;

/**
 * Rate-limit state in Redis, for hosts that run many workers: each operation is one Lua script,
 * atomic on the server. Keys are `<prefix><key>` (the key is already a hash, never a credential)
 * and expire after the longest window (or the block) has passed.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: RedisScriptClient;
  private readonly prefix: string;

  constructor(options: { client: RedisScriptClient; prefix?: string }) {
    this.client = options.client;
    this.prefix = options.prefix ?? 'specwire:ratelimit:';
  }

  async take(options: { key: string; buckets: readonly BucketSpec[]; now: number }): Promise<{ waitMs: number }> {
    const reply = await this.client.eval(TAKE, 1, this.prefix + options.key, ...this.args(options));
    return { waitMs: Math.max(0, Number(reply) || 0) };
  }

  async report(options: { key: string; buckets: readonly BucketSpec[]; now: number; remaining?: number; blockedUntil?: number }): Promise<void> {
    const extra = [options.remaining ?? -1, options.blockedUntil ?? 0];
    const ttlFloor = options.blockedUntil !== undefined ? Math.min(options.blockedUntil - options.now, MAX_REPORTED_BLOCK_MS) : 0;
    await this.client.eval(REPORT, 1, this.prefix + options.key, ...this.args({ ...options, ttlFloor }), ...extra);
  }

  private args(options: { buckets: readonly BucketSpec[]; now: number; ttlFloor?: number }): Array<string | number> {
    const longest = Math.max(60_000, options.ttlFloor ?? 0, ...options.buckets.map((bucket) => bucket.windowMs));
    const args: Array<string | number> = [Math.floor(options.now), Math.ceil(longest * 2), options.buckets.length];
    for (const bucket of options.buckets) args.push(bucket.id, bucket.capacity, bucket.limit, bucket.windowMs);
    return args;
  }
}
