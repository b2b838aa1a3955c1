import type { WebhookVerification } from '../definition.ts';
import { anySignatureMatches, hmacDigest } from './hmac.ts';
import { headerValue } from './header-value.ts';
import type { VerifyInput, VerifyOutcome } from './verify-input.ts';
import { reject } from './webhook-types.ts';

type HmacVerification = Extract<WebhookVerification, { scheme: 'hmac' }>;

/** A plain HMAC of the raw body in one header, optionally after a prefix (`sha256=`). No timestamp. */
export function verifyHmac(input: VerifyInput & { verification: HmacVerification }): VerifyOutcome {
  const { verification } = input;
  const header = headerValue({ headers: input.headers, name: verification.header });
  if (header === undefined) return reject('missing_signature', `the ${verification.header} header is missing`);
  const prefix = verification.prefix ?? '';
  if (!header.startsWith(prefix)) return reject('bad_signature', `${verification.header} does not start with the expected prefix`);
  const raw = header.slice(prefix.length);
  // Hex is case-insensitive on the wire; base64 is compared exactly.
  const given = verification.encoding === 'hex' ? raw.toLowerCase() : raw;
  const expected = input.secrets.map((key) =>
    hmacDigest({ algorithm: verification.algorithm, key, parts: [input.body], encoding: verification.encoding }),
  );
  if (!anySignatureMatches({ expected, given: [given] })) return reject('bad_signature', `${verification.header} does not match the body`);
  return { ok: true, replayKey: `sig:${given}` };
}
