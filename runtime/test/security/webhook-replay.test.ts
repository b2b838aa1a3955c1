/**
 * Replay protection keys on what the sender signed: an unsigned delivery-id header, or a junk
 * extra `v1=` entry, must not make one captured delivery count as new. Standard Webhooks secrets
 * with an empty or non-base64 key are refused when configured, so nobody can sign with an empty key.
 */
import { createHmac } from 'node:crypto';
import { ConnectorError, createConnector, type WebhookSettings } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { defineConnector } from '../fixtures/define.ts';
import { webhookConnector, webhookTrigger } from '../webhooks/webhook-fixture.ts';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const SECRET = 'replay-test-secret-1';
const hex = (options: { key: string | Buffer; text: string }) => createHmac('sha256', options.key).update(options.text).digest('hex');

describe('replay keys cover what is signed', () => {
  it('GitHub: one captured delivery with forged X-GitHub-Delivery ids is accepted once', async () => {
    const { connector } = webhookConnector({
      secret: SECRET,
      now: NOW,
      webhooks: { verification: { scheme: 'github' }, eventType: [{ header: 'X-GitHub-Event' }], eventId: { header: 'X-GitHub-Delivery' } },
      triggers: [webhookTrigger('push', 'push')],
    });
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const signature = `sha256=${hex({ key: SECRET, text: body })}`;
    const results = [];
    for (const id of ['original', 'forged-0', 'forged-1', 'forged-2']) {
      results.push(await connector.handleWebhook('push', { headers: { 'x-github-event': 'push', 'x-github-delivery': id, 'x-hub-signature-256': signature }, rawBody: body }));
    }
    expect(results.map((result) => (result.ok ? 'ok' : result.reason))).toEqual(['ok', 'replayed', 'replayed', 'replayed']);
    // A different delivery (different signed body) is still new.
    const other = JSON.stringify({ ref: 'refs/heads/dev' });
    const fresh = await connector.handleWebhook('push', {
      headers: { 'x-github-event': 'push', 'x-github-delivery': 'next', 'x-hub-signature-256': `sha256=${hex({ key: SECRET, text: other })}` },
      rawBody: other,
    });
    expect(fresh.ok).toBe(true);
  });

  it('Stripe: adding junk v1 entries does not make a captured delivery new', async () => {
    const { connector } = webhookConnector({
      secret: SECRET,
      now: NOW,
      webhooks: { verification: { scheme: 'stripe' }, eventType: [{ payload: 'type' }] },
      triggers: [webhookTrigger('created', 'customer.created')],
    });
    const body = JSON.stringify({ type: 'customer.created' });
    const t = Math.floor(NOW / 1000);
    const header = `t=${t},v1=${hex({ key: SECRET, text: `${t}.${body}` })}`;
    const outcomes = [];
    for (const extra of ['', ',v1=00', ',v1=01', ',v1=deadbeef,v0=1', ',v1=00,v1=11']) {
      const result = await connector.handleWebhook('created', { headers: { 'stripe-signature': header + extra }, rawBody: body });
      outcomes.push(result.ok ? 'ok' : result.reason);
    }
    expect(outcomes).toEqual(['ok', 'replayed', 'replayed', 'replayed', 'replayed']);
  });

  it('Stripe: the same event id in the signed payload is a replay even with a new timestamp', async () => {
    const { connector } = webhookConnector({
      secret: SECRET,
      now: NOW,
      webhooks: { verification: { scheme: 'stripe' }, eventType: [{ payload: 'type' }], eventId: { payload: 'id' } },
      triggers: [webhookTrigger('created', 'customer.created')],
    });
    const body = JSON.stringify({ id: 'evt_1', type: 'customer.created' });
    const send = (t: number) =>
      connector.handleWebhook('created', { headers: { 'stripe-signature': `t=${t},v1=${hex({ key: SECRET, text: `${t}.${body}` })}` }, rawBody: body });
    expect((await send(Math.floor(NOW / 1000))).ok).toBe(true);
    expect(await send(Math.floor(NOW / 1000) - 5)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('generic hmac with a header event id: forged ids do not make a captured delivery new', async () => {
    const webhooks: WebhookSettings = {
      verification: { scheme: 'hmac', algorithm: 'sha256', header: 'X-Signature', encoding: 'hex' },
      eventType: [],
      eventId: { header: 'X-Event-Id' },
    };
    const { connector } = webhookConnector({ secret: SECRET, now: NOW, webhooks, triggers: [webhookTrigger('any', 'any')] });
    const body = '{"n":1}';
    const signature = hex({ key: SECRET, text: body });
    const outcomes = [];
    for (const id of ['a', 'b', 'c']) {
      const result = await connector.handleWebhook('any', { headers: { 'x-signature': signature, 'x-event-id': id }, rawBody: body });
      outcomes.push(result.ok ? 'ok' : result.reason);
    }
    expect(outcomes).toEqual(['ok', 'replayed', 'replayed']);
  });
});

describe('Standard Webhooks secrets', () => {
  const trigger = webhookTrigger('sent', 'email.sent');
  const definition = (scheme: 'standard-webhooks' | 'svix') =>
    defineConnector({ name: 'hooks', webhook_support: true, webhooks: { verification: { scheme }, eventType: [{ payload: 'type' }] }, supported_triggers: [trigger] });

  it.each(['whsec_', 'whsec_!!!!', 'whsec_abc$def', 'whsec_===='])('refuse the secret %j when the connector is created', (secret) => {
    for (const scheme of ['standard-webhooks', 'svix'] as const) {
      for (const options of [{ credentials: { webhookSecret: secret } }, { webhooks: { secret } }]) {
        let error: unknown;
        try {
          createConnector(definition(scheme), options);
        } catch (caught) {
          error = caught;
        }
        expect(error, `${scheme} ${JSON.stringify(options)}`).toBeInstanceOf(ConnectorError);
        expect((error as ConnectorError).code).toBe('CONFIGURATION_ERROR');
        if (secret.length > 6) expect((error as ConnectorError).message).not.toContain(secret.slice(6));
      }
    }
  });

  it('refuses a delivery signed with an empty key when the secret is given per call', async () => {
    const connector = createConnector(definition('standard-webhooks'), {});
    const body = JSON.stringify({ type: 'email.sent' });
    const timestamp = Math.floor(Date.now() / 1000);
    const forged = createHmac('sha256', Buffer.alloc(0)).update(`msg_1.${timestamp}.${body}`).digest('base64');
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${forged}` };
    for (const secret of ['whsec_', 'whsec_!!!!']) {
      const result = await connector.handleWebhook('sent', { headers, rawBody: body }, { secret });
      expect(result).toMatchObject({ ok: false, reason: 'not_configured' });
    }
  });
});
