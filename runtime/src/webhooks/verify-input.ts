import type { WebhookHeaders, WebhookRejection } from './webhook-types.ts';

/** What every verification scheme gets: the raw bytes, the headers, the candidate secrets and the time. */
export interface VerifyInput {
  headers: WebhookHeaders;
  body: Uint8Array;
  /** Non-empty secrets; any one may have signed the delivery. */
  secrets: readonly string[];
  nowSeconds: number;
}

export interface Verified {
  ok: true;
  /** Identifies this delivery for replay protection: a delivery id when signed, else the signature. */
  replayKey: string;
  /** Signed timestamp in epoch seconds. */
  timestamp?: number;
  /** How long the timestamp is accepted; the replay window follows it. */
  toleranceSeconds?: number;
  /** A delivery id the scheme itself signs (`webhook-id`). */
  deliveryId?: string;
}

export type VerifyOutcome = Verified | WebhookRejection;
