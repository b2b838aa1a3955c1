/**
 * GitHub deliveries signed as GitHub documents it: `X-Hub-Signature-256: sha256=` + hex HMAC-SHA256
 * of the raw body with the webhook secret; the event is `X-GitHub-Event` + the payload's `action`.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyGithub } from '../../src/webhooks/verify-github.ts';
import { webhookConnector, webhookTrigger } from './webhook-fixture.ts';

const SECRET = 'gh-webhook-secret-123';

function githubDelivery(options: { body: string; secret?: string; event?: string; delivery?: string }) {
  const signature = createHmac('sha256', options.secret ?? SECRET).update(options.body).digest('hex');
  return {
    headers: {
      'content-type': 'application/json',
      'x-github-event': options.event ?? 'issues',
      'x-github-delivery': options.delivery ?? '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      'x-hub-signature-256': `sha256=${signature}`,
    },
    rawBody: options.body,
  };
}

function github() {
  return webhookConnector({
    secret: SECRET,
    webhooks: { verification: { scheme: 'github' }, eventType: [{ header: 'X-GitHub-Event' }, { payload: 'action' }], eventId: { header: 'X-GitHub-Delivery' } },
    triggers: [webhookTrigger('issues_opened', 'issues.opened'), webhookTrigger('push', 'push')],
  });
}

const opened = JSON.stringify({ action: 'opened', issue: { number: 7, title: 'Broken' } });

describe('GitHub webhook verification', () => {
  it("matches GitHub's documented test vector", () => {
    // https://docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    const headers = { 'x-hub-signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' };
    const body = Buffer.from('Hello, World!');
    expect(verifyGithub({ headers, body, secrets: ["It's a Secret to Everybody"], nowSeconds: 0 }).ok).toBe(true);
    expect(verifyGithub({ headers, body, secrets: ["It's a secret to everybody"], nowSeconds: 0 }).ok).toBe(false);
  });

  it('accepts a signed delivery and returns the typed event', async () => {
    const { connector } = github();
    const result = await connector.handleWebhook('issues_opened', githubDelivery({ body: opened }));
    expect(result).toEqual({
      ok: true,
      event: { triggerId: 'issues_opened', type: 'issues.opened', id: '72d3162e-cc78-11e3-81ab-4c9367dc0958', payload: JSON.parse(opened) },
    });
  });

  it('accepts a push (no action) from raw bytes', async () => {
    const { connector } = github();
    const body = JSON.stringify({ ref: 'refs/heads/main', commits: [] });
    const delivery = githubDelivery({ body, event: 'push' });
    const result = await connector.handleWebhook('push', { ...delivery, rawBody: new TextEncoder().encode(body) });
    expect(result.ok && result.event.type).toBe('push');
  });

  it('refuses a wrong secret without echoing either secret', async () => {
    const { connector } = github();
    const result = await connector.handleWebhook('issues_opened', githubDelivery({ body: opened, secret: 'not-the-secret' }));
    expect(result).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain('not-the-secret');
  });

  it('refuses a body modified after signing (even one re-serialised to the same JSON)', async () => {
    const { connector } = github();
    const delivery = githubDelivery({ body: opened });
    const tampered = await connector.handleWebhook('issues_opened', { ...delivery, rawBody: opened.replace('Broken', 'Fixed!') });
    expect(tampered).toMatchObject({ ok: false, reason: 'bad_signature' });
    const reformatted = await connector.handleWebhook('issues_opened', { ...delivery, rawBody: JSON.stringify(JSON.parse(opened), null, 2) });
    expect(reformatted).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a replayed delivery id within the window, and accepts it after', async () => {
    const { connector, time } = github();
    const delivery = githubDelivery({ body: opened });
    expect((await connector.handleWebhook('issues_opened', delivery)).ok).toBe(true);
    expect(await connector.handleWebhook('issues_opened', delivery)).toMatchObject({ ok: false, reason: 'replayed' });
    time.advance(3601_000);
    expect((await connector.handleWebhook('issues_opened', delivery)).ok).toBe(true);
  });

  it('refuses a missing signature, a SHA-1-only signature, and an unknown event type', async () => {
    const { connector } = github();
    const delivery = githubDelivery({ body: opened });
    const { 'x-hub-signature-256': _dropped, ...unsigned } = delivery.headers;
    expect(await connector.handleWebhook('issues_opened', { ...delivery, headers: unsigned })).toMatchObject({ ok: false, reason: 'missing_signature' });
    const sha1 = createHmac('sha1', SECRET).update(opened).digest('hex');
    expect(await connector.handleWebhook('issues_opened', { ...delivery, headers: { ...unsigned, 'x-hub-signature': `sha1=${sha1}` } })).toMatchObject({
      ok: false,
      reason: 'missing_signature',
    });
    const closed = JSON.stringify({ action: 'closed', issue: { number: 7 } });
    const wrong = await connector.handleWebhook('issues_opened', githubDelivery({ body: closed, delivery: 'other' }));
    expect(wrong).toMatchObject({ ok: false, reason: 'wrong_event_type' });
    expect(wrong.ok === false && wrong.message).toContain('"issues.closed"');
  });

  it('reads a form-encoded delivery (payload=…) from the signed raw body', async () => {
    const { connector } = github();
    const body = new URLSearchParams({ payload: opened }).toString();
    const delivery = githubDelivery({ body });
    const result = await connector.handleWebhook('issues_opened', { ...delivery, headers: { ...delivery.headers, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(result.ok && result.event.payload).toEqual(JSON.parse(opened));
  });

  it('reads headers from a fetch Headers object, in any case', async () => {
    const { connector } = github();
    const delivery = githubDelivery({ body: opened });
    const headers = new Headers(Object.entries(delivery.headers).map(([name, value]): [string, string] => [name.toUpperCase(), value]));
    expect((await connector.handleWebhook('issues_opened', { headers, rawBody: opened })).ok).toBe(true);
  });
});
