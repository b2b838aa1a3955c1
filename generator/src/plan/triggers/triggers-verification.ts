/** The override file's `webhooks:` settings → the definition's `webhooks` block (verification, event typing). */
import type { WebhookSettings, WebhookValueSource, WebhookVerification } from '@specwire/runtime';
import type { VerificationEntry, WebhookValueEntry, WebhooksEntry } from '../../override/file-types.ts';

/** Where each preset's deliveries say what they are, as each vendor documents it. */
const PRESET_EVENT_TYPE: Record<string, WebhookValueSource[]> = {
  github: [{ header: 'X-GitHub-Event' }, { payload: 'action' }],
  slack: [{ payload: 'event.type' }],
};
const PRESET_EVENT_ID: Record<string, WebhookValueSource> = {
  github: { header: 'X-GitHub-Delivery' },
  stripe: { payload: 'id' },
  slack: { payload: 'event_id' },
};

export function planWebhookSettings(entry: WebhooksEntry | undefined): WebhookSettings {
  const preset = entry?.verification?.preset ?? '';
  const verification = planVerification(entry?.verification);
  const eventId = entry?.event_id ? toSource(entry.event_id) : PRESET_EVENT_ID[preset];
  return {
    ...(verification ? { verification } : {}),
    ...(entry?.secret_credential !== undefined ? { secretCredential: entry.secret_credential } : {}),
    eventType: entry?.event_type?.map(toSource) ?? PRESET_EVENT_TYPE[preset] ?? [{ payload: 'type' }],
    ...(eventId ? { eventId } : {}),
    ...(entry?.replay_window_seconds !== undefined ? { replayWindowSeconds: entry.replay_window_seconds } : {}),
  };
}

function planVerification(entry: VerificationEntry | undefined): WebhookVerification | undefined {
  if (!entry) return undefined;
  if (entry.preset === 'hmac') {
    return { scheme: 'hmac', algorithm: entry.algorithm, header: entry.header, encoding: entry.encoding, ...(entry.prefix !== undefined ? { prefix: entry.prefix } : {}) };
  }
  if (entry.preset === 'github' || entry.preset === 'none') return { scheme: entry.preset };
  return { scheme: entry.preset, ...(entry.tolerance_seconds !== undefined ? { toleranceSeconds: entry.tolerance_seconds } : {}) };
}

function toSource(entry: WebhookValueEntry): WebhookValueSource {
  return 'header' in entry ? { header: entry.header } : { payload: entry.payload };
}
