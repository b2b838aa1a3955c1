import { hmacDigest, matchingSignature } from './hmac.ts';
import { headerValue } from './header-value.ts';
import { checkTolerance, parseTimestamp } from './signed-timestamp.ts';
import type { VerifyInput, VerifyOutcome } from './verify-input.ts';
import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS, reject } from './webhook-types.ts';

/**
 * Stripe: `Stripe-Signature: t=<seconds>,v1=<hex>[,v1=<hex>…]`; each `v1` is an HMAC-SHA256 of
 * `<t>.<raw body>` keyed with the endpoint secret (`whsec_…`, used as it is). `v0` (test) entries
 * are ignored. Default tolerance 300 s.
 */
export function verifyStripe(input: VerifyInput & { toleranceSeconds?: number }): VerifyOutcome {
  const header = headerValue({ headers: input.headers, name: 'stripe-signature' });
  if (header === undefined) return reject('missing_signature', 'the Stripe-Signature header is missing');
  const pairs = header.split(',').map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? ['', ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  });
  const timestamp = parseTimestamp({ value: pairs.find(([key]) => key === 't')?.[1], header: 'Stripe-Signature t=' });
  if (typeof timestamp !== 'number') return timestamp;
  const given = pairs.filter(([key]) => key === 'v1').map(([, value]) => value!.toLowerCase());
  if (given.length === 0) return reject('missing_signature', 'Stripe-Signature has no v1 signature');
  const expected = input.secrets.map((key) =>
    hmacDigest({ algorithm: 'sha256', key, parts: [`${timestamp}.`, input.body], encoding: 'hex' }),
  );
  const matched = matchingSignature({ expected, given });
  if (matched === undefined) return reject('bad_signature', 'no v1 signature of Stripe-Signature matches the body');
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS;
  const stale = checkTolerance({ timestamp, nowSeconds: input.nowSeconds, toleranceSeconds });
  if (stale) return stale;
  // The signed content (timestamp and body) fixes this key; the other `v1` entries are the sender's to vary.
  return { ok: true, replayKey: `sig:${timestamp}:${matched}`, timestamp, toleranceSeconds };
}
