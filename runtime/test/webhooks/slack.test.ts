/**
 * Slack requests signed as Slack documents it: `X-Slack-Signature: v0=` + hex HMAC-SHA256 of
 * `v0:<X-Slack-Request-Timestamp>:<raw body>` with the signing secret; five minutes of tolerance.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySlack } from '../../src/webhooks/verify-slack.ts';
import { webhookConnector, webhookTrigger } from './webhook-fixture.ts';

const SECRET = 'slack-signing-secret-abc';
const NOW = Date.parse('2025-02-02T10:00:00Z');

function slackRequest(options: { body: string; timestamp?: number; secret?: string }) {
  const timestamp = options.timestamp ?? Math.floor(NOW / 1000);
  const signature = createHmac('sha256', options.secret ?? SECRET).update(`v0:${timestamp}:${options.body}`).digest('hex');
  return { headers: { 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': `v0=${signature}` }, rawBody: options.body };
}

function slack() {
  return webhookConnector({
    secret: SECRET,
    now: NOW,
    webhooks: { verification: { scheme: 'slack' }, eventType: [{ payload: 'event.type' }], eventId: { payload: 'event_id' } },
    triggers: [webhookTrigger('app_mention', 'app_mention')],
  });
}

const mention = (id: string) => JSON.stringify({ type: 'event_callback', event_id: id, event: { type: 'app_mention', text: '<@U1> hi' } });

describe('Slack request signing', () => {
  it("matches Slack's documented example", () => {
    // https://api.slack.com/authentication/verifying-requests-from-slack
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = { 'x-slack-request-timestamp': '1531420618', 'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503' };
    expect(verifySlack({ headers, body: Buffer.from(body), secrets: ['8f742231b10e8888abcd99yyyzzz85a5'], nowSeconds: 1531420618 }).ok).toBe(true);
  });

  it('accepts a signed event callback', async () => {
    const { connector } = slack();
    expect(await connector.handleWebhook('app_mention', slackRequest({ body: mention('Ev1') }))).toMatchObject({ ok: true, event: { type: 'app_mention', id: 'Ev1' } });
  });

  it('refuses a wrong secret and a modified body', async () => {
    const { connector } = slack();
    expect(await connector.handleWebhook('app_mention', slackRequest({ body: mention('Ev2'), secret: 'nope' }))).toMatchObject({ ok: false, reason: 'bad_signature' });
    const request = slackRequest({ body: mention('Ev3') });
    expect(await connector.handleWebhook('app_mention', { ...request, rawBody: mention('Ev3').replace('hi', 'bye') })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a timestamp older than five minutes', async () => {
    const { connector } = slack();
    const old = slackRequest({ body: mention('Ev4'), timestamp: Math.floor(NOW / 1000) - 301 });
    expect(await connector.handleWebhook('app_mention', old)).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });

  it('refuses a replayed event id', async () => {
    const { connector } = slack();
    const request = slackRequest({ body: mention('Ev5') });
    expect((await connector.handleWebhook('app_mention', request)).ok).toBe(true);
    expect(await connector.handleWebhook('app_mention', request)).toMatchObject({ ok: false, reason: 'replayed' });
  });
});
