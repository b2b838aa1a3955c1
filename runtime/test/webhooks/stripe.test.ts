/**
 * Stripe deliveries signed as Stripe documents it: `Stripe-Signature: t=<unix>,v1=<hex>` where v1
 * is HMAC-SHA256 of `<t>.<raw body>` with the endpoint secret (`whsec_…`, used as it is).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookConnector, webhookTrigger } from './webhook-fixture.ts';

const SECRET = 'whsec_test_5f1d8c2a9b7e4f3c';
const NOW = Date.parse('2025-03-01T12:00:00Z');

function sign(options: { body: string; t: number; secret?: string }): string {
  return createHmac('sha256', options.secret ?? SECRET).update(`${options.t}.${options.body}`).digest('hex');
}

function stripeDelivery(options: { body: string; t?: number; secret?: string; extra?: string }) {
  const t = options.t ?? Math.floor(NOW / 1000);
  return { headers: { 'stripe-signature': `t=${t},v1=${sign({ body: options.body, t, secret: options.secret })}${options.extra ?? ''}` }, rawBody: options.body };
}

function stripe() {
  return webhookConnector({
    secret: SECRET,
    now: NOW,
    webhooks: { verification: { scheme: 'stripe' }, eventType: [{ payload: 'type' }], eventId: { payload: 'id' } },
    triggers: [webhookTrigger('customer_created', 'customer.created')],
  });
}

const event = (id: string) => JSON.stringify({ id, object: 'event', type: 'customer.created', data: { object: { id: 'cus_1', email: 'a@example.com' } } });

describe('Stripe webhook verification', () => {
  it('accepts a signed event; a v0 entry and an extra (rotated) v1 do not disturb it', async () => {
    const { connector } = stripe();
    const result = await connector.handleWebhook('customer_created', stripeDelivery({ body: event('evt_1'), extra: ',v1=00ff,v0=abcd' }));
    expect(result).toMatchObject({ ok: true, event: { type: 'customer.created', id: 'evt_1', timestamp: Math.floor(NOW / 1000) } });
  });

  it('refuses a wrong secret', async () => {
    const { connector } = stripe();
    expect(await connector.handleWebhook('customer_created', stripeDelivery({ body: event('evt_2'), secret: 'whsec_other' }))).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a modified body and a modified timestamp', async () => {
    const { connector } = stripe();
    const delivery = stripeDelivery({ body: event('evt_3') });
    expect(await connector.handleWebhook('customer_created', { ...delivery, rawBody: event('evt_3').replace('a@example.com', 'b@example.com') })).toMatchObject({ ok: false, reason: 'bad_signature' });
    const shifted = delivery.headers['stripe-signature'].replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`);
    expect(await connector.handleWebhook('customer_created', { ...delivery, headers: { 'stripe-signature': shifted } })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a correctly signed but stale timestamp (default tolerance 300 s), in the past or the future', async () => {
    const { connector } = stripe();
    const t = Math.floor(NOW / 1000);
    expect((await connector.handleWebhook('customer_created', stripeDelivery({ body: event('evt_4'), t: t - 300 }))).ok).toBe(true);
    expect(await connector.handleWebhook('customer_created', stripeDelivery({ body: event('evt_5'), t: t - 301 }))).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(await connector.handleWebhook('customer_created', stripeDelivery({ body: event('evt_6'), t: t + 3600 }))).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });

  it('refuses a replay of the same event', async () => {
    const { connector } = stripe();
    const delivery = stripeDelivery({ body: event('evt_7') });
    expect((await connector.handleWebhook('customer_created', delivery)).ok).toBe(true);
    expect(await connector.handleWebhook('customer_created', delivery)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('refuses headers without t or v1, and a non-JSON body that is correctly signed', async () => {
    const { connector } = stripe();
    expect(await connector.handleWebhook('customer_created', { headers: { 'stripe-signature': 'v1=abc' }, rawBody: event('evt_8') })).toMatchObject({ ok: false, reason: 'missing_signature' });
    expect(await connector.handleWebhook('customer_created', { headers: { 'stripe-signature': `t=${Math.floor(NOW / 1000)}` }, rawBody: event('evt_8') })).toMatchObject({ ok: false, reason: 'missing_signature' });
    expect(await connector.handleWebhook('customer_created', stripeDelivery({ body: 'not json' }))).toMatchObject({ ok: false, reason: 'invalid_payload' });
  });
});
