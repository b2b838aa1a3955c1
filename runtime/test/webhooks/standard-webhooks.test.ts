/**
 * Standard Webhooks / Svix (Resend, OpenAI): `webhook-id`, `webhook-timestamp`, `webhook-signature:
 * v1,<base64>` (Svix: `svix-*`), HMAC-SHA256 of `<id>.<timestamp>.<raw body>` keyed with the base64
 * bytes after `whsec_`.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyStandardWebhooks } from '../../src/webhooks/verify-standard-webhooks.ts';
import { webhookConnector, webhookTrigger } from './webhook-fixture.ts';

const KEY = Buffer.from('resend-test-key-0123456789abcdef');
const SECRET = `whsec_${KEY.toString('base64')}`;
const NOW = Date.parse('2025-06-01T08:00:00Z');

function signed(options: { id: string; body: string; timestamp?: number; key?: Buffer; prefix?: 'webhook' | 'svix' }) {
  const timestamp = options.timestamp ?? Math.floor(NOW / 1000);
  const signature = createHmac('sha256', options.key ?? KEY).update(`${options.id}.${timestamp}.${options.body}`).digest('base64');
  const prefix = options.prefix ?? 'svix';
  return {
    headers: { [`${prefix}-id`]: options.id, [`${prefix}-timestamp`]: String(timestamp), [`${prefix}-signature`]: `v1a,ignored v1,${signature}` },
    rawBody: options.body,
  };
}

function resend(scheme: 'svix' | 'standard-webhooks' = 'svix') {
  return webhookConnector({
    secret: SECRET,
    now: NOW,
    webhooks: { verification: { scheme }, eventType: [{ payload: 'type' }] },
    triggers: [webhookTrigger('email_sent', 'email.sent')],
  });
}

const sent = JSON.stringify({ type: 'email.sent', created_at: '2025-06-01T08:00:00.000Z', data: { email_id: 'e1' } });

describe('Standard Webhooks / Svix verification', () => {
  it('matches the Standard Webhooks reference test vector', () => {
    const headers = {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    const body = Buffer.from('{"test": 2432232314}');
    const outcome = verifyStandardWebhooks({ headers, body, secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], nowSeconds: 1614265330, prefer: 'webhook' });
    expect(outcome).toMatchObject({ ok: true, deliveryId: 'msg_p5jXN8AQM9LWM0D4loKWxJek' });
  });

  it('accepts a Resend (svix-*) delivery with the message id as event id', async () => {
    const { connector } = resend();
    const result = await connector.handleWebhook('email_sent', signed({ id: 'msg_1', body: sent }));
    expect(result).toMatchObject({ ok: true, event: { type: 'email.sent', id: 'msg_1', payload: { data: { email_id: 'e1' } } } });
  });

  it('accepts webhook-* headers under the standard-webhooks preset', async () => {
    const { connector } = resend('standard-webhooks');
    expect((await connector.handleWebhook('email_sent', signed({ id: 'msg_2', body: sent, prefix: 'webhook' }))).ok).toBe(true);
  });

  it('refuses a wrong secret, a modified body, and a changed id', async () => {
    const { connector } = resend();
    expect(await connector.handleWebhook('email_sent', signed({ id: 'msg_3', body: sent, key: Buffer.from('another key') }))).toMatchObject({ ok: false, reason: 'bad_signature' });
    const delivery = signed({ id: 'msg_4', body: sent });
    expect(await connector.handleWebhook('email_sent', { ...delivery, rawBody: sent.replace('e1', 'e2') })).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(await connector.handleWebhook('email_sent', { ...delivery, headers: { ...delivery.headers, 'svix-id': 'msg_5' } })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a stale timestamp', async () => {
    const { connector } = resend();
    const old = signed({ id: 'msg_6', body: sent, timestamp: Math.floor(NOW / 1000) - 301 });
    expect(await connector.handleWebhook('email_sent', old)).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });

  it('refuses a replay of a message id', async () => {
    const { connector } = resend();
    const delivery = signed({ id: 'msg_7', body: sent });
    expect((await connector.handleWebhook('email_sent', delivery)).ok).toBe(true);
    expect(await connector.handleWebhook('email_sent', delivery)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('accepts any secret of a rotation list passed per call', async () => {
    const { connector } = resend();
    const delivery = signed({ id: 'msg_8', body: sent });
    const result = await connector.handleWebhook('email_sent', delivery, { secret: ['whsec_b2xk', SECRET] });
    expect(result.ok).toBe(true);
  });
});
