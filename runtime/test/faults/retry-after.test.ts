import { describe, expect, it } from 'vitest';
import { server } from '../fixtures/run.ts';
import { faultConnector } from '../support/fault-connector.ts';
import { createTestClock } from '../support/test-clock.ts';

/** HOSTILE-INPUTS 25: 503 with Retry-After seconds / HTTP date / retry-after-ms: 0 / 99999. */
describe('Retry-After is honoured up to a cap, otherwise backoff', () => {
  function failingThen(options: { failures: number; headers: (now: number) => Record<string, string>; now: () => number }) {
    let seen = 0;
    return () => (++seen <= options.failures ? { status: 503, headers: options.headers(options.now()), json: { message: 'busy' } } : { json: { ok: seen } });
  }

  it('Retry-After: 2 → one retry after exactly 2000 ms', async () => {
    const clock = createTestClock();
    const srv = await server(failingThen({ failures: 1, headers: () => ({ 'retry-after': '2' }), now: clock.now }));
    const { connector, retries } = faultConnector({ srv, clock });
    const response = await connector.executeAction('test_action');
    expect(response).toMatchObject({ success: true, data: { ok: 2 }, metadata: { attempts: 2 } });
    expect(clock.sleeps).toEqual([2000]);
    expect(retries).toEqual([[1, 'HTTP_503', 2000, 'retry-after']]);
    expect(srv.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /test', 'GET /test']);
  });

  it('Retry-After as an HTTP date → waits until that date on the connector clock', async () => {
    const clock = createTestClock();
    const srv = await server(failingThen({ failures: 1, headers: (now) => ({ 'retry-after': new Date(now + 5_000).toUTCString() }), now: clock.now }));
    const { connector } = faultConnector({ srv, clock });
    const response = await connector.executeAction('test_action');
    expect(response.success).toBe(true);
    expect(clock.sleeps).toEqual([5000]);
    expect(srv.requests).toHaveLength(2);
  });

  it('retry-after-ms: 0 → retried at once; retry-after-ms wins over Retry-After', async () => {
    const clock = createTestClock();
    const srv = await server(failingThen({ failures: 2, headers: () => ({ 'retry-after-ms': '0', 'retry-after': '9' }), now: clock.now }));
    const { connector, retries } = faultConnector({ srv, clock });
    const response = await connector.executeAction('test_action');
    expect(response.metadata?.attempts).toBe(3);
    expect(clock.sleeps).toEqual([0, 0]);
    expect(retries.map(([, , delay, source]) => [delay, source])).toEqual([
      [0, 'retry-after'],
      [0, 'retry-after'],
    ]);
  });

  it('Retry-After: 99999 is over the cap → jittered backoff instead; the final error keeps retryAfter', async () => {
    const clock = createTestClock({ random: 0.5 });
    const srv = await server(() => ({ status: 503, headers: { 'retry-after': '99999' }, json: { message: 'maintenance' } }));
    const { connector, retries } = faultConnector({ srv, clock });
    const response = await connector.executeAction('test_action');
    // 0.5 × 500 and 0.5 × 1000: backoff, not 27 hours.
    expect(clock.sleeps).toEqual([250, 500]);
    expect(retries.map(([, , , source]) => source)).toEqual(['backoff', 'backoff']);
    expect(response.error).toMatchObject({ code: 'HTTP_503', retryable: true, retryAfter: 99999, attempts: 3, message: 'HTTP 503 Service Unavailable: maintenance' });
    expect(srv.requests).toHaveLength(3);
  });

  it('the cap is configurable; a wait that would pass the request deadline is not started', async () => {
    const clock = createTestClock();
    const srv = await server(() => ({ status: 503, headers: { 'retry-after': '20' } }));
    const { connector } = faultConnector({ srv, clock, connector: { retry: { maxRetryAfterMs: 30_000 }, timeoutMs: 10_000 } });
    const response = await connector.executeAction('test_action');
    expect(clock.sleeps).toEqual([]);
    expect(response.error).toMatchObject({ code: 'HTTP_503', attempts: 1, retryAfter: 20 });
    expect(srv.requests).toHaveLength(1);
  });
});
