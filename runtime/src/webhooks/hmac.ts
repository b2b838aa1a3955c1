import { createHmac, timingSafeEqual } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** HMAC of the parts in order (strings as UTF-8, bytes as they are). */
export function hmacDigest(options: {
  algorithm: HmacAlgorithm;
  key: string | Uint8Array;
  parts: ReadonlyArray<string | Uint8Array>;
  encoding: 'hex' | 'base64';
}): string {
  const hmac = createHmac(options.algorithm, options.key);
  for (const part of options.parts) hmac.update(part);
  return hmac.digest(options.encoding);
}

/**
 * Constant-time comparison of two encoded signatures. Lengths are compared first (a signature's
 * length is public); `timingSafeEqual` then sees equal-length buffers only.
 */
export function signaturesEqual(options: { expected: string; given: string }): boolean {
  const expected = Buffer.from(options.expected, 'utf8');
  const given = Buffer.from(options.given, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** True when any given signature matches any expected one (several secrets or signatures during rotations). */
export function anySignatureMatches(options: { expected: readonly string[]; given: readonly string[] }): boolean {
  return matchingSignature(options) !== undefined;
}

/**
 * The expected signature that some given one matched, or undefined. A replay key is built from it,
 * never from the given list: a sender may add entries that match nothing (a junk `v1=`).
 */
export function matchingSignature(options: { expected: readonly string[]; given: readonly string[] }): string | undefined {
  let matched: string | undefined;
  // No early exit: every pair is compared, so timing says nothing about which one matched.
  for (const expected of options.expected) {
    for (const given of options.given) {
      if (signaturesEqual({ expected, given })) matched ??= expected;
    }
  }
  return matched;
}
