/**
 * One response must not be able to block a connector for ages: a reset in epoch milliseconds,
 * epoch seconds or seconds from now is understood, a wait is capped at one hour, and a later
 * response that allows calls lifts a block, in every store.
 */
import { BaseConnector, InMemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from '@specwire/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { readRateLimitHeaders } from '../../src/rate-limit/rate-limit-headers.ts';
import { defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { describeWithRedis } from '../support/redis-suite.ts';
import { createTestClock } from '../support/test-clock.ts';

const NOW = 1_733_300_000_000;
const HOUR = 3_600_000;
const read = (headers: Record<string, string>) => readRateLimitHeaders({ headers: new Headers(headers), now: NOW });

describe('reading reset headers', () => {
  it('understands epoch milliseconds, epoch seconds and seconds from now', () => {
    expect(read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW + 30_000) }).resetAt).toBe(NOW + 30_000);
    expect(read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 30) }).resetAt).toBe(NOW + 30_000);
    expect(read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }).resetAt).toBe(NOW + 30_000);
    expect(read({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(NOW + 30_000) }).resetAt).toBe(NOW + 30_000);
  });

  it.each([
    ['epoch ms far ahead', { 'x-ratelimit-reset': String(NOW + 10 * 365 * 24 * HOUR) }],
    ['the largest integer read', { 'x-ratelimit-reset': '999999999999999' }],
    ['a huge delta', { 'ratelimit-reset': '999999999' }],
    ['a huge structured reset', { ratelimit: 'remaining=0, reset=999999999' }],
  ])('caps %s at one hour', (_name, headers) => {
    const report = read({ 'x-ratelimit-remaining': '0', ...headers });
    expect(report.resetAt).toBeGreaterThan(NOW);
    expect(report.resetAt).toBeLessThanOrEqual(NOW + HOUR);
  });
});

/** A server that answers the first request with `first` headers and later ones with `later`. */
async function poisonedConnector(options: { store: RateLimitStore; first: Record<string, string>; later: Record<string, string> }) {
  const clock = createTestClock({ start: NOW });
  let count = 0;
  const srv = await server(() => ({ json: { n: ++count }, headers: count === 1 ? options.first : options.later }));
  const connector = new BaseConnector(defineConnector({ name: 'poisoned', supported_actions: [defineAction()] }), {
    baseUrl: srv.url,
    clock: clock.clock,
    retry: false,
    timeoutMs: 2 * HOUR,
    credentials: { apiKey: 'k' },
    rateLimit: { store: options.store },
  });
  return { connector, clock, srv };
}

function poisoningCases(store: () => RateLimitStore): void {
  it('an epoch-ms reset with remaining 0 blocks for its real 30 s, not 56,900 years', async () => {
    const { connector, clock } = await poisonedConnector({
      store: store(),
      first: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW + 30_000) },
      later: {},
    });
    expect((await connector.executeAction('test_action')).success).toBe(true);
    expect((await connector.executeAction('test_action')).success).toBe(true);
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('a poisoned reset waits at most one hour', async () => {
    const { connector, clock } = await poisonedConnector({
      store: store(),
      first: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '999999999999999' },
      later: {},
    });
    await connector.executeAction('test_action');
    expect((await connector.executeAction('test_action')).success).toBe(true);
    expect(clock.sleeps.reduce((total, ms) => total + ms, 0)).toBeLessThanOrEqual(HOUR);
  });
}

function storeCases(store: () => RateLimitStore, key: () => string): void {
  it('a later report that allows calls lifts a block', async () => {
    const s = store();
    const k = key();
    await s.report({ key: k, buckets: [], now: NOW, remaining: 0, blockedUntil: NOW + HOUR });
    expect((await s.take({ key: k, buckets: [], now: NOW + 1_000 })).waitMs).toBe(HOUR - 1_000);
    await s.report({ key: k, buckets: [], now: NOW + 2_000, remaining: 10 });
    expect((await s.take({ key: k, buckets: [], now: NOW + 2_000 })).waitMs).toBe(0);
  });

  it('a later, shorter block replaces a longer one', async () => {
    const s = store();
    const k = key();
    await s.report({ key: k, buckets: [], now: NOW, remaining: 0, blockedUntil: NOW + HOUR });
    await s.report({ key: k, buckets: [], now: NOW + 1_000, remaining: 0, blockedUntil: NOW + 6_000 });
    expect((await s.take({ key: k, buckets: [], now: NOW + 1_000 })).waitMs).toBe(5_000);
  });

  it('a block reported beyond one hour is held for one hour at most', async () => {
    const s = store();
    const k = key();
    await s.report({ key: k, buckets: [], now: NOW, remaining: 0, blockedUntil: NOW + 1_000 * HOUR });
    expect((await s.take({ key: k, buckets: [], now: NOW })).waitMs).toBeLessThanOrEqual(HOUR);
  });
}

describe('InMemoryRateLimitStore', () => {
  let counter = 0;
  poisoningCases(() => new InMemoryRateLimitStore());
  storeCases(() => new InMemoryRateLimitStore(), () => `m${counter++}`);
});

describeWithRedis('RedisRateLimitStore against poisoning', (redis) => {
  let client: Redis;
  let counter = 0;
  beforeAll(() => {
    client = redis.connect();
  });
  poisoningCases(() => new RedisRateLimitStore({ client, prefix: `${redis.prefix}p${counter++}:` }));
  storeCases(() => new RedisRateLimitStore({ client, prefix: redis.prefix }), () => `r${counter++}`);
});
