import { describe, expect, it } from 'vitest';
import { server } from '../fixtures/run.ts';
import { faultConnector } from '../support/fault-connector.ts';
import { createTestClock } from '../support/test-clock.ts';

/**
 * HOSTILE-INPUTS 28: headers that never arrive, a body that trickles → the timeout aborts; retries
 * count against the budget. Real timers here (the server really stalls); backoff waits are virtual.
 */
describe('timeouts', () => {
  it('headers that never arrive: each attempt times out, 3 attempts, then TIMEOUT', async () => {
    const clock = createTestClock({ random: 0.5 });
    const srv = await server(() => ({ delayMs: 5_000 }));
    // Windows are generous so a loaded CI machine still delivers each request before its timer fires.
    const { connector, retries } = faultConnector({ srv, clock, connector: { attemptTimeoutMs: 400 } });
    const started = performance.now();
    const response = await connector.executeAction('test_action');
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(response.error).toMatchObject({ code: 'TIMEOUT', retryable: true, attempts: 3, message: 'attempt timed out after 400 ms' });
    expect(retries).toEqual([
      [1, 'TIMEOUT', 250, 'backoff'],
      [2, 'TIMEOUT', 500, 'backoff'],
    ]);
    expect(srv.requests).toHaveLength(3);
  });

  it('a body that trickles is bounded by the attempt timer, not only the headers', async () => {
    const clock = createTestClock();
    const srv = await server(() => ({ trickle: { chunk: ' ', intervalMs: 20, count: 10_000 } }));
    const { connector } = faultConnector({ srv, clock, connector: { attemptTimeoutMs: 400, retry: { maxAttempts: 2 } } });
    const started = performance.now();
    const response = await connector.executeAction('test_action');
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(response.error).toMatchObject({ code: 'TIMEOUT', attempts: 2, message: 'attempt timed out after 400 ms' });
    expect(srv.requests).toHaveLength(2);
  });

  it('the overall timeout bounds all attempts together (retries count against it)', async () => {
    const srv = await server(() => ({ trickle: { chunk: ' ', intervalMs: 20, count: 10_000 } }));
    // Real clock, zero jitter: attempts start at ~0, ~600 and ~1200 ms; the overall timer fires at 1500.
    const { connector } = faultConnector({
      srv,
      clock: createTestClock(),
      connector: { clock: { random: () => 0 }, attemptTimeoutMs: 600, timeoutMs: 1_500, retry: { maxAttempts: 10 } },
    });
    const started = performance.now();
    const response = await connector.executeAction('test_action');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_490);
    expect(elapsed).toBeLessThan(5_000);
    expect(response.error).toMatchObject({ code: 'TIMEOUT', message: 'request timed out after 1500 ms', attempts: 3 });
    expect(srv.requests).toHaveLength(3);
  });

  it('a per-call timeout overrides the connector timeout', async () => {
    const srv = await server(() => ({ delayMs: 5_000 }));
    const { connector } = faultConnector({ srv, clock: createTestClock(), connector: { retry: false } });
    const response = await connector.executeAction('test_action', {}, { timeoutMs: 80 });
    expect(response.error).toMatchObject({ code: 'TIMEOUT', message: 'request timed out after 80 ms' });
  });
});

describe("the caller's AbortSignal always wins", () => {
  it('an already aborted signal: nothing is sent', async () => {
    const srv = await server();
    const { connector } = faultConnector({ srv, clock: createTestClock() });
    const response = await connector.executeAction('test_action', {}, { signal: AbortSignal.abort() });
    expect(response.error).toMatchObject({ code: 'ABORTED', retryable: false });
    expect(srv.requests).toHaveLength(0);
  });

  it('aborted during a retry wait: no further attempt', async () => {
    const controller = new AbortController();
    const clock = createTestClock();
    const srv = await server(() => ({ status: 503, headers: { 'retry-after': '30' } }));
    const { connector } = faultConnector({
      srv,
      clock,
      connector: {
        clock: {
          ...clock.clock,
          sleep: async ({ ms, signal }) => {
            clock.sleeps.push(ms);
            controller.abort();
            if (signal?.aborted) throw signal.reason;
          },
        },
      },
    });
    const response = await connector.executeAction('test_action', {}, { signal: controller.signal });
    expect(clock.sleeps).toEqual([30_000]);
    expect(response.error).toMatchObject({ code: 'ABORTED', attempts: 1 });
    expect(srv.requests).toHaveLength(1);
  });

  it('aborted while the server stalls: ends at once, not retried', async () => {
    const controller = new AbortController();
    // The caller aborts once the server holds the request, however slowly it got there.
    const srv = await server(() => {
      controller.abort();
      return { delayMs: 5_000 };
    });
    const { connector } = faultConnector({ srv, clock: createTestClock() });
    const started = performance.now();
    const response = await connector.executeAction('test_action', {}, { signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(response.error).toMatchObject({ code: 'ABORTED', attempts: 1 });
    expect(srv.requests).toHaveLength(1);
  });
});
