import { headerValue } from './header-value.ts';
import { reject, type WebhookHeaders, type WebhookRejection } from './webhook-types.ts';

/**
 * The verified raw body as JSON. A form-encoded delivery (GitHub's `application/x-www-form-urlencoded`
 * option) carries the JSON in its `payload` field. Invalid UTF-8 or JSON is refused, never guessed.
 */
export function parsePayload(options: { body: Uint8Array; headers: WebhookHeaders }): { payload: unknown } | WebhookRejection {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(options.body);
  } catch {
    return reject('invalid_payload', 'the body is not valid UTF-8');
  }
  const contentType = headerValue({ headers: options.headers, name: 'content-type' })?.toLowerCase() ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const field = new URLSearchParams(text).get('payload');
    if (field === null) return reject('invalid_payload', 'the form-encoded body has no "payload" field');
    text = field;
  }
  try {
    return { payload: JSON.parse(text) as unknown };
  } catch {
    return reject('invalid_payload', `the body is not JSON (${options.body.length} bytes)`);
  }
}
