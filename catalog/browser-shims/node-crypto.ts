// The runtime imports node:crypto for request ids (randomUUID); browsers have the Web Crypto equivalent.
// Hashing and HMAC serve webhooks, polling and PKCE, which the catalog does not run.
export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}

function unavailable(name: string): never {
  throw new Error(`${name} is not available in the browser catalog`);
}

export const createHash = (): never => unavailable('createHash');
export const createHmac = (): never => unavailable('createHmac');
export const randomBytes = (): never => unavailable('randomBytes');
export const timingSafeEqual = (): never => unavailable('timingSafeEqual');
