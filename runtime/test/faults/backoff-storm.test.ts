import { describe, expect, it } from 'vitest';
import { defineAction } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { faultConnector } from '../support/fault-connector.ts';
import { createTestClock } from '../support/test-clock.ts';

function sequence(values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
}

/** HOSTILE-INPUTS 26: a storm of 429s → bounded retries, exponential backoff with full jitter, total-time cap. */
describe('a storm of 429s', () => {
  it('stops at maxAttempts with delays random × min(max, base × 2^n)', async () => {
    const clock = createTestClock({ random: sequence([0.1, 0.9, 0.5, 0.999, 0.25]) });
    const srv = await server(() => ({ status: 429, json: { message: 'slow down' } }));
    const { connector, retries } = faultConnector({ srv, clock, connector: { retry: { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 4_000 } } });
    const response = await connector.executeAction('test_action');
    // ceilings 500, 1000, 2000, 4000 (capped), 4000
    expect(clock.sleeps).toEqual([50, 900, 1000, 3996, 1000]);
    expect(retries.map(([attempt, reason]) => [attempt, reason])).toEqual([
      [1, 'HTTP_429'],
      [2, 'HTTP_429'],
      [3, 'HTTP_429'],
      [4, 'HTTP_429'],
      [5, 'HTTP_429'],
    ]);
    expect(response.error).toMatchObject({ code: 'HTTP_429', retryable: true, attempts: 6 });
    expect(srv.requests).toHaveLength(6);
  });

  it('maxTotalMs: no wait is started that would end after the budget', async () => {
    const clock = createTestClock({ random: 0.99 });
    const srv = await server(() => ({ status: 429 }));
    const { connector } = faultConnector({ srv, clock, connector: { retry: { maxAttempts: 10, maxTotalMs: 3_000 } } });
    const response = await connector.executeAction('test_action');
    // 495 + 990 = 1485; the next (1980) would end at 3465 > 3000.
    expect(clock.sleeps).toEqual([495, 990]);
    expect(response.error?.attempts).toBe(3);
    expect(srv.requests).toHaveLength(3);
  });

  it('the request timeout is the total-time cap by default', async () => {
    const clock = createTestClock({ random: 0.99 });
    const srv = await server(() => ({ status: 502 }));
    const { connector } = faultConnector({ srv, clock, connector: { timeoutMs: 2_000, retry: { maxAttempts: 10 } } });
    const response = await connector.executeAction('test_action');
    expect(clock.sleeps).toEqual([495, 990]);
    expect(response.error).toMatchObject({ code: 'HTTP_502', attempts: 3 });
  });

  it('a status outside the set is not retried; the set is configurable', async () => {
    const clock = createTestClock();
    const srv = await server(() => ({ status: 400, json: { message: 'bad' } }));
    const first = faultConnector({ srv, clock });
    expect((await first.connector.executeAction('test_action')).error).toMatchObject({ code: 'HTTP_400', retryable: false, attempts: 1 });
    expect(srv.requests).toHaveLength(1);
    const second = faultConnector({ srv, clock, connector: { retry: { statuses: [400], maxAttempts: 2 } } });
    expect((await second.connector.executeAction('test_action')).error?.attempts).toBe(2);
    expect(srv.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([250]);
  });

  it("the definition's retry.maxAttempts (the vendor's advice) applies unless the host sets its own", async () => {
    const clock = createTestClock();
    const srv = await server(() => ({ status: 503 }));
    const vendor = faultConnector({ srv, clock, definition: { retry: { maxAttempts: 2 } } });
    expect((await vendor.connector.executeAction('test_action')).error).toMatchObject({ code: 'HTTP_503', attempts: 2 });
    expect(srv.requests).toHaveLength(2);
    const host = faultConnector({ srv, clock, definition: { retry: { maxAttempts: 2 } }, connector: { retry: { maxAttempts: 4 } } });
    expect((await host.connector.executeAction('test_action')).error?.attempts).toBe(4);
    expect(srv.requests).toHaveLength(6);
  });

  it('retry: false sends once', async () => {
    const clock = createTestClock();
    const srv = await server(() => ({ status: 503 }));
    const { connector } = faultConnector({ srv, clock, connector: { retry: false } });
    const response = await connector.executeAction('test_action');
    expect(response.error?.code).toBe('HTTP_503');
    expect(srv.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a POST is not retried on 429 without an idempotency key', async () => {
    const clock = createTestClock();
    const srv = await server(() => ({ status: 429 }));
    const { connector } = faultConnector({ srv, clock, action: defineAction({ api: { method: 'POST' } }) });
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'HTTP_429', attempts: 1 });
    expect(srv.requests).toHaveLength(1);
  });
});
