import { reject, type WebhookRejection } from './webhook-types.ts';

/** Epoch seconds as a plain integer; anything else is refused before any HMAC is computed. */
export function parseTimestamp(options: { value: string | undefined; header: string }): number | WebhookRejection {
  const { value, header } = options;
  if (value === undefined) return reject('missing_signature', `the ${header} header is missing`);
  if (!/^\d{1,12}$/.test(value)) return reject('missing_signature', `the ${header} header is not a timestamp in seconds`);
  return Number(value);
}

/** A signed timestamp too far from now (either way) is stale: the delivery may be a replay. */
export function checkTolerance(options: { timestamp: number; nowSeconds: number; toleranceSeconds: number }): WebhookRejection | undefined {
  const drift = Math.abs(options.nowSeconds - options.timestamp);
  if (drift <= options.toleranceSeconds) return undefined;
  return reject('stale_timestamp', `the signed timestamp is ${Math.round(drift)} s from now, beyond the tolerance of ${options.toleranceSeconds} s`);
}
