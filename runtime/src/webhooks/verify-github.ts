import { anySignatureMatches, hmacDigest } from './hmac.ts';
import { headerValue } from './header-value.ts';
import type { VerifyInput, VerifyOutcome } from './verify-input.ts';
import { reject } from './webhook-types.ts';

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex>`, an HMAC-SHA256 of the raw body with the webhook
 * secret. The SHA-1 `X-Hub-Signature` is not accepted. GitHub signs no timestamp, so replays are
 * caught by the delivery id (`X-GitHub-Delivery`) within the replay window.
 */
export function verifyGithub(input: VerifyInput): VerifyOutcome {
  const header = headerValue({ headers: input.headers, name: 'x-hub-signature-256' });
  if (header === undefined) return reject('missing_signature', 'the X-Hub-Signature-256 header is missing');
  if (!header.startsWith('sha256=')) return reject('bad_signature', 'X-Hub-Signature-256 does not start with "sha256="');
  const given = header.slice('sha256='.length).toLowerCase();
  const expected = input.secrets.map((key) => hmacDigest({ algorithm: 'sha256', key, parts: [input.body], encoding: 'hex' }));
  if (!anySignatureMatches({ expected, given: [given] })) return reject('bad_signature', 'X-Hub-Signature-256 does not match the body');
  return { ok: true, replayKey: `sig:${given}` };
}
