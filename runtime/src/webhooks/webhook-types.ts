import type { WebhookVerification } from '../definition.ts';
import type { WebhookReplayStore } from './replay-store.ts';

/** Headers as a host framework hands them over: a fetch `Headers`, or Node's `IncomingHttpHeaders`-like record. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One delivery exactly as received. `rawBody` must be the bytes on the wire, never re-serialised JSON. */
export interface WebhookRequest {
  headers: WebhookHeaders;
  rawBody: string | Uint8Array | ArrayBuffer;
}

export type WebhookRejectionReason =
  | 'bad_signature'
  | 'stale_timestamp'
  | 'replayed'
  | 'wrong_event_type'
  | 'missing_signature'
  | 'invalid_payload'
  /** No verification scheme or no signing secret: the delivery cannot be authenticated. */
  | 'not_configured'
  /** The trigger id names no webhook trigger of the definition. */
  | 'unknown_trigger';

export interface WebhookEvent<T = unknown> {
  triggerId: string;
  /** The delivery's event type, read as the definition's `webhooks.eventType` says (`issues.opened`). */
  type: string;
  /** Delivery or event id, when the delivery carries one. */
  id?: string;
  /** Parsed JSON payload (the verified raw body). */
  payload: T;
  /** Signed timestamp (epoch seconds), for schemes that sign one. */
  timestamp?: number;
}

export type WebhookRejection = { ok: false; reason: WebhookRejectionReason; message: string };

/** Never thrown: a delivery is accepted with its event or refused with a reason. Messages never hold the secret. */
export type WebhookResult<T = unknown> = { ok: true; event: WebhookEvent<T> } | WebhookRejection;

/** Per-call options of `handleWebhook`. */
export interface HandleWebhookOptions {
  /** Signing secret(s); several during a rotation. Default: `ConnectorOptions.webhooks.secret`, then the credential. */
  secret?: string | readonly string[];
  /** Replaces the definition's verification (a host that knows better, or a spec without one). */
  verification?: WebhookVerification;
}

/** `ConnectorOptions.webhooks`. */
export interface WebhookConnectorOptions {
  secret?: string | readonly string[];
  verification?: WebhookVerification;
  /** Remembers delivery ids / signatures within the replay window. Default: in memory, per connector. */
  replayStore?: WebhookReplayStore;
  /** Larger bodies are refused (`invalid_payload`). Default 25 MB (GitHub's cap). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 25 * 1024 * 1024;
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;
export const DEFAULT_REPLAY_WINDOW_SECONDS = 3600;

export function reject(reason: WebhookRejectionReason, message: string): WebhookRejection {
  return { ok: false, reason, message };
}
