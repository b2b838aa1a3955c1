import { createHash } from 'node:crypto';
import type { ConnectorDefinition, TriggerDefinition, WebhookValueSource, WebhookVerification } from '../definition.ts';
import { parsePayload } from './parse-payload.ts';
import { quoteForMessage, readEventType, readEventValue } from './read-event-value.ts';
import type { WebhookReplayStore } from './replay-store.ts';
import { verifyDelivery } from './verify-delivery.ts';
import type { Verified } from './verify-input.ts';
import {
  DEFAULT_REPLAY_WINDOW_SECONDS,
  reject,
  type WebhookRequest,
  type WebhookResult,
} from './webhook-types.ts';

export interface HandleDeliveryOptions {
  definition: ConnectorDefinition;
  triggerId: string;
  request: WebhookRequest;
  verification: WebhookVerification | undefined;
  /** Candidate secrets (empty strings removed by the caller). */
  secrets: readonly string[];
  replayStore: WebhookReplayStore;
  /** Epoch milliseconds (the connector's clock). */
  now: number;
  maxBodyBytes: number;
}

/**
 * One webhook delivery for one trigger: authenticate the raw bytes, check the timestamp, parse,
 * check the event type, refuse replays. Resolves a rejection for every kind of bad input; the
 * secret never appears in a message.
 */
export async function handleWebhookDelivery(options: HandleDeliveryOptions): Promise<WebhookResult> {
  const { definition, triggerId, request } = options;
  const trigger = findWebhookTrigger({ definition, triggerId });
  if (typeof trigger === 'string') return reject('unknown_trigger', trigger);
  const body = toBytes(request?.rawBody);
  if (!body) return reject('invalid_payload', 'rawBody must be the received bytes (string, Uint8Array or ArrayBuffer)');
  if (body.length > options.maxBodyBytes) return reject('invalid_payload', `the body is larger than ${options.maxBodyBytes} bytes`);
  const headers = request.headers ?? {};
  const { verification } = options;
  if (!verification) return reject('not_configured', `connector "${definition.name}" declares no webhook verification; pass one to handleWebhook`);
  if (verification.scheme !== 'none' && options.secrets.length === 0) {
    const credential = definition.webhooks?.secretCredential ?? 'webhookSecret';
    return reject('not_configured', `no webhook signing secret: set credential "${credential}"`);
  }
  const verified = verifyDelivery({ verification, headers, body, secrets: options.secrets, nowSeconds: Math.floor(options.now / 1000) });
  if (!verified.ok) return verified;

  const parsed = parsePayload({ body, headers });
  if ('ok' in parsed) return parsed;
  const settings = definition.webhooks;
  const parts = settings?.eventType ?? [{ payload: 'type' }];
  // No parts: deliveries do not name their event; each trigger has its own URL and the type is the trigger's.
  const type = parts.length === 0 ? trigger.eventType : readEventType({ parts, headers, payload: parsed.payload });
  if (type !== trigger.eventType) {
    const got = type === '' ? 'no event type' : `event type ${quoteForMessage(type)}`;
    return reject('wrong_event_type', `trigger "${trigger.id}" expects ${quoteForMessage(trigger.eventType)}, the delivery has ${got}`);
  }
  const id = (settings?.eventId ? readEventValue({ source: settings.eventId, headers, payload: parsed.payload }) : undefined) ?? verified.deliveryId;

  const windowSeconds = settings?.replayWindowSeconds ?? verified.toleranceSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  for (const replayKey of replayKeys({ verified, id, idIsSigned: idIsSigned({ source: settings?.eventId, id, verified }) })) {
    const key = createHash('sha256').update(`${definition.name}\u0000${trigger.id}\u0000${replayKey}`).digest('hex');
    const fresh = await options.replayStore.remember({ key, expiresAt: options.now + windowSeconds * 1000, now: options.now });
    if (!fresh) return reject('replayed', `delivery ${id !== undefined ? quoteForMessage(id) : 'with this signature'} was already handled within the last ${windowSeconds} s`);
  }
  return {
    ok: true,
    event: {
      triggerId: trigger.id,
      type,
      ...(id !== undefined ? { id } : {}),
      payload: parsed.payload,
      ...(verified.timestamp !== undefined ? { timestamp: verified.timestamp } : {}),
    },
  };
}

/**
 * What identifies a delivery for replay protection: always what was signed (the scheme's key: the
 * matching signature with its signed timestamp, or a signed delivery id), plus the event id when the
 * sender signed it too (a payload field, or the scheme's signed id), so a redelivery of one event
 * under a new signature is caught. An id from a header that no signature covers is never enough on
 * its own: anyone replaying a captured delivery can change it. Only unsigned schemes (`none`) fall
 * back to it, as they have nothing better.
 */
function replayKeys(options: { verified: Verified; id: string | undefined; idIsSigned: boolean }): string[] {
  const { verified, id } = options;
  const keys: string[] = [];
  if (verified.replayKey !== '') keys.push(verified.replayKey);
  if (id !== undefined && (options.idIsSigned || keys.length === 0)) keys.push(`id:${id}`);
  return [...new Set(keys)];
}

/** A payload field is covered by the body's signature; a header only when the scheme signed that value. */
function idIsSigned(options: { source: WebhookValueSource | undefined; id: string | undefined; verified: Verified }): boolean {
  const { source, id, verified } = options;
  if (id === undefined || verified.replayKey === '') return false;
  if (source === undefined || !('header' in source)) return true;
  return verified.deliveryId !== undefined && id === verified.deliveryId;
}

function findWebhookTrigger(options: { definition: ConnectorDefinition; triggerId: string }): TriggerDefinition | string {
  const { definition, triggerId } = options;
  const trigger = (definition.supported_triggers ?? []).find((candidate) => candidate.id === triggerId);
  const quoted = quoteForMessage(String(triggerId));
  if (!trigger) return `connector "${definition.name}" has no trigger ${quoted}`;
  if (!trigger.webhookRequired) return `trigger ${quoted} is not a webhook trigger (poll it instead)`;
  return trigger;
}

function toBytes(raw: unknown): Uint8Array | undefined {
  if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
  if (raw instanceof Uint8Array) return raw;
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  return undefined;
}
