import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { server } from '../fixtures/run.ts';
import { faultConnector } from '../support/fault-connector.ts';
import { createTestClock } from '../support/test-clock.ts';

/**
 * How the caller's signal, the overall timeout and the attempt timeout reach the transport: each
 * still aborts the request in flight, whichever of them fires, and no listener outlives the call.
 */
describe('abort paths', () => {
  it.each([{ attemptTimeoutMs: undefined }, { attemptTimeoutMs: 10_000 }])(
    'a caller abort during the body download ends the call with ABORTED (attempt timeout $attemptTimeoutMs)',
    async ({ attemptTimeoutMs }) => {
      const controller = new AbortController();
      const srv = await server(() => ({ trickle: { chunk: ' ', intervalMs: 20, count: 10_000 } }));
      const { connector } = faultConnector({
        srv,
        clock: createTestClock(),
        connector: {
          attemptTimeoutMs,
          // The caller aborts once the response headers are in, while the body still trickles.
          fetch: async (input, init) => {
            const response = await globalThis.fetch(input, init);
            controller.abort();
            return response;
          },
        },
      });
      const response = await connector.executeAction('test_action', {}, { signal: controller.signal });
      expect(response.error).toMatchObject({ code: 'ABORTED', attempts: 1, retryable: false });
      expect(srv.requests).toHaveLength(1);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    },
  );

  it('a caller abort while the server holds the request, under an attempt timeout: ABORTED, not retried', async () => {
    const controller = new AbortController();
    const srv = await server(() => {
      controller.abort();
      return { delayMs: 5_000 };
    });
    const { connector } = faultConnector({ srv, clock: createTestClock(), connector: { attemptTimeoutMs: 10_000 } });
    const response = await connector.executeAction('test_action', {}, { signal: controller.signal });
    expect(response.error).toMatchObject({ code: 'ABORTED', attempts: 1 });
    expect(srv.requests).toHaveLength(1);
  });

  it('the overall timeout still ends an attempt whose own timer is longer', async () => {
    const srv = await server(() => ({ delayMs: 5_000 }));
    const { connector } = faultConnector({ srv, clock: createTestClock(), connector: { attemptTimeoutMs: 10_000, retry: false } });
    const response = await connector.executeAction('test_action', {}, { timeoutMs: 100 });
    expect(response.error).toMatchObject({ code: 'TIMEOUT', message: 'request timed out after 100 ms' });
    expect(srv.requests).toHaveLength(1);
  });

  it.each([{ attemptTimeoutMs: undefined }, { attemptTimeoutMs: 10_000 }])(
    'no listener is left on the caller signal after a call that succeeds or fails (attempt timeout $attemptTimeoutMs)',
    async ({ attemptTimeoutMs }) => {
      let status = 200;
      const srv = await server(() => ({ status }));
      const { connector } = faultConnector({ srv, clock: createTestClock(), connector: { attemptTimeoutMs } });
      const signal = new AbortController().signal;
      expect((await connector.executeAction('test_action', {}, { signal })).success).toBe(true);
      status = 404;
      expect((await connector.executeAction('test_action', {}, { signal })).error?.code).toBe('HTTP_404');
      status = 503;
      expect((await connector.executeAction('test_action', {}, { signal })).error).toMatchObject({ code: 'HTTP_503', attempts: 3 });
      expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    },
  );
});
