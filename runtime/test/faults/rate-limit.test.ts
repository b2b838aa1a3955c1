import { describe, expect, it } from 'vitest';
import { BaseConnector, InMemoryRateLimitStore, readRateLimitHeaders, type RateLimits } from '@specwire/runtime';
import type { RecordingHandler, RecordingServer } from '@specwire/runtime/testing';
import { defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { createTestClock, type TestClock } from '../support/test-clock.ts';

function limited(options: { srv: RecordingServer; clock: TestClock; limits?: RateLimits; store?: InMemoryRateLimitStore; credentials?: Record<string, string>; timeoutMs?: number }) {
  const connector = new BaseConnector(defineConnector({ name: 'limited', rate_limits: options.limits, supported_actions: [defineAction()] }), {
    baseUrl: options.srv.url,
    clock: options.clock.clock,
    retry: false,
    timeoutMs: options.timeoutMs,
    credentials: options.credentials ?? { apiKey: 'k1' },
    rateLimit: { store: options.store ?? new InMemoryRateLimitStore() },
  });
  const waits: number[] = [];
  connector.on('rate_limit.waiting', ({ waitMs }) => waits.push(waitMs));
  return { connector, waits };
}

async function sequential(connector: BaseConnector, count: number): Promise<void> {
  for (let index = 0; index < count; index++) expect((await connector.executeAction('test_action')).success).toBe(true);
}

describe('client-side token bucket from rate_limits', () => {
  it('2 per second, burst 2: the third and later requests wait 500 ms each instead of failing', async () => {
    const clock = createTestClock();
    const srv = await server();
    const { connector, waits } = limited({ srv, clock, limits: { requests_per_second: 2 } });
    await sequential(connector, 5);
    expect(clock.sleeps).toEqual([500, 500, 500]);
    expect(waits).toEqual([500, 500, 500]);
    expect(srv.requests).toHaveLength(5);
  });

  it('the tightest window wins; burst caps every bucket', async () => {
    const clock = createTestClock();
    const srv = await server();
    const { connector } = limited({ srv, clock, limits: { requests_per_second: 10, requests_per_minute: 6, burst: 1 } });
    await sequential(connector, 3);
    // 6/minute → one token every 10 s; burst 1.
    expect(clock.sleeps).toEqual([10_000, 10_000]);
  });

  it('per connector and credential: same credentials share a bucket, other credentials do not', async () => {
    const clock = createTestClock();
    const srv = await server();
    const store = new InMemoryRateLimitStore();
    const a = limited({ srv, clock, store, limits: { requests_per_second: 1 } });
    const b = limited({ srv, clock, store, limits: { requests_per_second: 1 } });
    const other = limited({ srv, clock, store, limits: { requests_per_second: 1 }, credentials: { apiKey: 'k2' } });
    await a.connector.executeAction('test_action');
    await other.connector.executeAction('test_action');
    expect(clock.sleeps).toEqual([]);
    await b.connector.executeAction('test_action');
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('a wait beyond the request budget fails at once with RATE_LIMITED (retryable, retryAfter)', async () => {
    const clock = createTestClock();
    const srv = await server();
    const { connector } = limited({ srv, clock, limits: { requests_per_hour: 1 }, timeoutMs: 5_000 });
    await connector.executeAction('test_action');
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfter: 3600 });
    expect(srv.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('adjusted by response headers', () => {
  async function afterHeaders(options: { headers: (clock: TestClock) => Record<string, string>; limits?: RateLimits }) {
    const clock = createTestClock();
    let first = true;
    const handler: RecordingHandler = () => {
      const answer = first ? { json: { ok: 1 }, headers: options.headers(clock) } : { json: { ok: 2 } };
      first = false;
      return answer;
    };
    const srv = await server(handler);
    const { connector } = limited({ srv, clock, limits: options.limits });
    await sequential(connector, 2);
    return { clock, srv };
  }

  it('X-RateLimit-Remaining: 0 with an epoch-seconds reset (GitHub) → waits until the reset', async () => {
    const { clock } = await afterHeaders({ headers: (c) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(c.now() / 1000) + 10) }) });
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('RateLimit-Remaining: 0 with RateLimit-Reset in seconds (IETF draft)', async () => {
    const { clock } = await afterHeaders({ headers: () => ({ 'ratelimit-remaining': '0', 'ratelimit-reset': '3' }) });
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('remaining > 0 lowers the bucket: remaining 1 of a 10/s bucket leaves one more request, then a wait', async () => {
    const clock = createTestClock();
    const srv = await server(() => ({ json: {}, headers: { 'x-ratelimit-remaining': '1' } }));
    const { connector } = limited({ srv, clock, limits: { requests_per_second: 10 } });
    await sequential(connector, 3);
    expect(clock.sleeps).toEqual([100]);
  });

  it('reads the header forms', () => {
    const now = 1_700_000_000_000;
    expect(readRateLimitHeaders({ headers: new Headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '1700000060' }), now })).toEqual({ remaining: 5, resetAt: 1_700_000_060_000 });
    expect(readRateLimitHeaders({ headers: new Headers({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '30' }), now })).toEqual({ remaining: 0, resetAt: now + 30_000 });
    expect(readRateLimitHeaders({ headers: new Headers({ ratelimit: '"default";r=0;t=12' }), now })).toEqual({ remaining: 0, resetAt: now + 12_000 });
    expect(readRateLimitHeaders({ headers: new Headers({ ratelimit: 'limit=100, remaining=7, reset=5' }), now })).toEqual({ remaining: 7, resetAt: now + 5_000 });
    expect(readRateLimitHeaders({ headers: new Headers({ 'x-ratelimit-remaining': 'lots', 'x-ratelimit-reset': '-1' }), now })).toEqual({});
  });
});
