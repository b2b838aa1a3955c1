import { anySignatureMatches, hmacDigest } from './hmac.ts';
import { headerValue } from './header-value.ts';
import { checkTolerance, parseTimestamp } from './signed-timestamp.ts';
import type { VerifyInput, VerifyOutcome } from './verify-input.ts';
import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS, reject } from './webhook-types.ts';

/**
 * Slack: `X-Slack-Signature: v0=<hex>`, an HMAC-SHA256 of `v0:<X-Slack-Request-Timestamp>:<raw body>`
 * keyed with the app's signing secret. Slack asks to refuse timestamps more than five minutes away.
 */
export function verifySlack(input: VerifyInput & { toleranceSeconds?: number }): VerifyOutcome {
  const header = headerValue({ headers: input.headers, name: 'x-slack-signature' });
  if (header === undefined) return reject('missing_signature', 'the X-Slack-Signature header is missing');
  const timestamp = parseTimestamp({ value: headerValue({ headers: input.headers, name: 'x-slack-request-timestamp' }), header: 'X-Slack-Request-Timestamp' });
  if (typeof timestamp !== 'number') return timestamp;
  if (!header.startsWith('v0=')) return reject('bad_signature', 'X-Slack-Signature does not start with "v0="');
  const given = header.slice(3).toLowerCase();
  const expected = input.secrets.map((key) =>
    hmacDigest({ algorithm: 'sha256', key, parts: [`v0:${timestamp}:`, input.body], encoding: 'hex' }),
  );
  if (!anySignatureMatches({ expected, given: [given] })) return reject('bad_signature', 'X-Slack-Signature does not match the body');
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS;
  const stale = checkTolerance({ timestamp, nowSeconds: input.nowSeconds, toleranceSeconds });
  if (stale) return stale;
  return { ok: true, replayKey: `sig:${given}`, timestamp, toleranceSeconds };
}
