import type { WebhookHeaders } from './webhook-types.ts';

/** A header by case-insensitive name; repeated values joined with `,`. Undefined when absent or empty. */
export function headerValue(options: { headers: WebhookHeaders; name: string }): string | undefined {
  const { headers } = options;
  const wanted = options.name.toLowerCase();
  let value: string | readonly string[] | undefined | null;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    value = headers.get(wanted);
  } else {
    const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() === wanted) {
        value = record[key];
        break;
      }
    }
  }
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(',') : undefined;
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
