import { describe, expect, it } from 'vitest';
import { defineAction, field } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { faultConnector } from '../support/fault-connector.ts';
import { createTestClock } from '../support/test-clock.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function postAction(options: { idempotencyHeader?: string; method?: 'POST' | 'PATCH' } = {}) {
  return defineAction({
    inputSchema: { name: field('string'), key: field('string') },
    api: {
      method: options.method ?? 'POST',
      endpoint: '/charges',
      idempotencyHeader: options.idempotencyHeader,
      paramMapping: { name: { in: 'body', name: 'name' }, key: { in: 'header', name: 'Idempotency-Key', style: 'simple', explode: false } },
      body: { encoding: 'json', contentType: 'application/json', required: true },
    },
  });
}

/** Resets the connection after reading the request `resets` times, then answers 201. */
function resetting(resets: number) {
  let seen = 0;
  return () => (++seen <= resets ? { destroySocket: true } : { status: 201, json: { id: 'ch_1' } });
}

/** HOSTILE-INPUTS 27: a POST reset after being sent is retried only with an idempotency key, the same key every attempt. */
describe('POST reset after being sent', () => {
  it('without an idempotency key: not retried (the charge may have happened)', async () => {
    const clock = createTestClock();
    const srv = await server(resetting(5));
    const { connector, retries } = faultConnector({ srv, clock, action: postAction() });
    const response = await connector.executeAction('test_action', { name: 'n' });
    expect(response.error).toMatchObject({ code: 'NETWORK_ERROR', retryable: true, attempts: 1 });
    expect(srv.requests.map((r) => [r.method, r.body.toString()])).toEqual([['POST', '{"name":"n"}']]);
    expect(retries).toEqual([]);
  });

  it('with api.idempotencyHeader: retried with one generated key on every attempt', async () => {
    const clock = createTestClock({ random: 0.5 });
    const srv = await server(resetting(2));
    const { connector, retries } = faultConnector({ srv, clock, action: postAction({ idempotencyHeader: 'Idempotency-Key' }) });
    const response = await connector.executeAction('test_action', { name: 'n' });
    expect(response).toMatchObject({ success: true, data: { id: 'ch_1' }, metadata: { status: 201, attempts: 3 } });
    const keys = srv.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID);
    expect(new Set(keys).size).toBe(1);
    expect(srv.requests.every((r) => r.body.toString() === '{"name":"n"}')).toBe(true);
    expect(retries).toEqual([
      [1, 'NETWORK_ERROR', 250, 'backoff'],
      [2, 'NETWORK_ERROR', 500, 'backoff'],
    ]);
    // A new call is a new operation: a new key.
    await connector.executeAction('test_action', { name: 'n' });
    expect(srv.requests[3]?.headers['idempotency-key']).toMatch(UUID);
    expect(srv.requests[3]?.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it("the caller's key (an input mapped to that header) is kept on every attempt", async () => {
    const clock = createTestClock();
    const srv = await server(resetting(1));
    const { connector } = faultConnector({ srv, clock, action: postAction({ idempotencyHeader: 'Idempotency-Key' }) });
    const response = await connector.executeAction('test_action', { name: 'n', key: 'order-42' });
    expect(response.metadata?.attempts).toBe(2);
    expect(srv.requests.map((r) => r.headers['idempotency-key'])).toEqual(['order-42', 'order-42']);
  });

  it('a connector-wide idempotency header (retry.idempotencyHeader) covers PATCH too', async () => {
    const clock = createTestClock();
    const srv = await server(resetting(1));
    const { connector } = faultConnector({
      srv,
      clock,
      action: postAction({ method: 'PATCH' }),
      connector: { retry: { idempotencyHeader: 'X-Request-Key' } },
    });
    const response = await connector.executeAction('test_action', { name: 'n' });
    expect(response.metadata?.attempts).toBe(2);
    const keys = srv.requests.map((r) => r.headers['x-request-key']);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
  });

  it('GET needs no key and gets none', async () => {
    const clock = createTestClock();
    const srv = await server(resetting(1));
    const { connector } = faultConnector({ srv, clock, connector: { retry: { idempotencyHeader: 'Idempotency-Key' } } });
    expect((await connector.executeAction('test_action')).metadata?.attempts).toBe(2);
    expect(srv.requests.map((r) => r.headers['idempotency-key'])).toEqual([undefined, undefined]);
  });
});
