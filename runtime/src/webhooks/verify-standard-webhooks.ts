import { anySignatureMatches, hmacDigest } from './hmac.ts';
import { headerValue } from './header-value.ts';
import { checkTolerance, parseTimestamp } from './signed-timestamp.ts';
import type { VerifyInput, VerifyOutcome } from './verify-input.ts';
import { standardWebhooksKey } from './standard-webhooks-secret.ts';
import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS, reject } from './webhook-types.ts';

/** Never quotes the secret: only says what is wrong with it. */
export const MALFORMED_SECRET = 'the webhook signing secret must be "whsec_" followed by a non-empty base64 key';

/**
 * Standard Webhooks (and Svix, which uses `svix-*` header names): `webhook-signature` holds
 * space-separated `v1,<base64>` entries, each an HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`
 * keyed with the base64 bytes of the secret after its `whsec_` prefix. Other versions (`v1a`) are ignored.
 */
export function verifyStandardWebhooks(input: VerifyInput & { toleranceSeconds?: number; prefer: 'webhook' | 'svix' }): VerifyOutcome {
  const order = input.prefer === 'svix' ? ['svix', 'webhook'] : ['webhook', 'svix'];
  const read = (suffix: string): string | undefined => {
    for (const prefix of order) {
      const value = headerValue({ headers: input.headers, name: `${prefix}-${suffix}` });
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const name = (suffix: string): string => `${order[0]}-${suffix}`;
  const keys = input.secrets.map(standardWebhooksKey);
  if (keys.some((key) => key === undefined)) return reject('not_configured', MALFORMED_SECRET);
  const signature = read('signature');
  if (signature === undefined) return reject('missing_signature', `the ${name('signature')} header is missing`);
  const id = read('id');
  if (id === undefined) return reject('missing_signature', `the ${name('id')} header is missing`);
  const timestamp = parseTimestamp({ value: read('timestamp'), header: name('timestamp') });
  if (typeof timestamp !== 'number') return timestamp;
  const given = signature
    .split(' ')
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => entry.slice(3));
  if (given.length === 0) return reject('missing_signature', `${name('signature')} has no v1 signature`);
  const expected = (keys as Uint8Array[]).map((key) =>
    hmacDigest({ algorithm: 'sha256', key, parts: [`${id}.${timestamp}.`, input.body], encoding: 'base64' }),
  );
  if (!anySignatureMatches({ expected, given })) return reject('bad_signature', `no v1 signature of ${name('signature')} matches the body`);
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS;
  const stale = checkTolerance({ timestamp, nowSeconds: input.nowSeconds, toleranceSeconds });
  if (stale) return stale;
  return { ok: true, replayKey: `id:${id}`, timestamp, toleranceSeconds, deliveryId: id };
}
