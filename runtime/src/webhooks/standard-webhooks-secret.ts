/** Standard Webhooks secrets: `whsec_` + base64 of the key bytes (the prefix is optional). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * The key bytes of a Standard Webhooks secret, or undefined when it is malformed: an empty key, or
 * text that is not base64. Node's decoder skips what it cannot read, so `whsec_` or `whsec_!!!!`
 * would otherwise become an empty key that anyone can sign with.
 */
export function standardWebhooksKey(secret: string): Uint8Array | undefined {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (encoded === '' || !BASE64.test(encoded)) return undefined;
  const key = Buffer.from(encoded, 'base64');
  return key.length === 0 ? undefined : key;
}
