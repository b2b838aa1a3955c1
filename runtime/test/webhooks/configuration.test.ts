/** The generic HMAC scheme and what happens when a delivery cannot be handled at all. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InMemoryWebhookReplayStore } from '@specwire/runtime';
import { webhookConnector, webhookTrigger } from './webhook-fixture.ts';

const body = JSON.stringify({ event: 'order.paid', id: 'o1' });

describe('generic HMAC and configuration failures', () => {
  it('verifies a base64 HMAC-SHA512 with a prefix', async () => {
    const { connector } = webhookConnector({
      secret: 'k3y',
      webhooks: { verification: { scheme: 'hmac', algorithm: 'sha512', header: 'X-Shop-Hmac', encoding: 'base64', prefix: 'hmac=' }, eventType: [{ payload: 'event' }], eventId: { payload: 'id' } },
      triggers: [webhookTrigger('order_paid', 'order.paid')],
    });
    const signature = createHmac('sha512', 'k3y').update(body).digest('base64');
    expect(await connector.handleWebhook('order_paid', { headers: { 'x-shop-hmac': `hmac=${signature}` }, rawBody: body })).toMatchObject({ ok: true, event: { id: 'o1' } });
    expect(await connector.handleWebhook('order_paid', { headers: { 'x-shop-hmac': signature }, rawBody: body })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses when no secret or no scheme is configured, naming the credential but no value', async () => {
    const noSecret = webhookConnector({ webhooks: { verification: { scheme: 'github' }, eventType: [] }, triggers: [webhookTrigger('t', '')] }).connector;
    const refused = await noSecret.handleWebhook('t', { headers: {}, rawBody: body });
    expect(refused).toMatchObject({ ok: false, reason: 'not_configured' });
    expect(refused.ok === false && refused.message).toContain('webhookSecret');
    const noScheme = webhookConnector({ secret: 's', webhooks: { eventType: [] }, triggers: [webhookTrigger('t', '')] }).connector;
    expect(await noScheme.handleWebhook('t', { headers: {}, rawBody: body })).toMatchObject({ ok: false, reason: 'not_configured' });
  });

  it('refuses unknown triggers and bodies that are not bytes, without throwing', async () => {
    const { connector } = webhookConnector({ secret: 's', webhooks: { verification: { scheme: 'github' }, eventType: [] }, triggers: [webhookTrigger('t', '')] });
    expect(await connector.handleWebhook('nope', { headers: {}, rawBody: body })).toMatchObject({ ok: false, reason: 'unknown_trigger' });
    const parsed = { headers: {}, rawBody: JSON.parse(body) as unknown as string };
    expect(await connector.handleWebhook('t', parsed)).toMatchObject({ ok: false, reason: 'invalid_payload' });
  });

  it('accepts unsigned deliveries only under an explicit none, still refusing replays of an id', async () => {
    const { connector } = webhookConnector({ webhooks: { verification: { scheme: 'none' }, eventType: [{ payload: 'event' }], eventId: { payload: 'id' } }, triggers: [webhookTrigger('order_paid', 'order.paid')] });
    expect((await connector.handleWebhook('order_paid', { headers: {}, rawBody: body })).ok).toBe(true);
    expect(await connector.handleWebhook('order_paid', { headers: {}, rawBody: body })).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('bounds the in-memory replay store', () => {
    const store = new InMemoryWebhookReplayStore({ maxEntries: 3 });
    for (let index = 0; index < 10; index += 1) store.remember({ key: `k${index}`, expiresAt: 10_000, now: 0 });
    expect(store.size).toBe(3);
    expect(store.remember({ key: 'k9', expiresAt: 10_000, now: 1 })).toBe(false);
    expect(store.remember({ key: 'k0', expiresAt: 10_000, now: 1 })).toBe(true);
  });
});
