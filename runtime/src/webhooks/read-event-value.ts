import type { WebhookValueSource } from '../definition.ts';
import { readPath } from '../paginate/read-path.ts';
import { headerValue } from './header-value.ts';
import type { WebhookHeaders } from './webhook-types.ts';

/** A header value, or a string/number at a dotted path of the payload (own properties only). */
export function readEventValue(options: { source: WebhookValueSource; headers: WebhookHeaders; payload: unknown }): string | undefined {
  const { source } = options;
  if ('header' in source) return headerValue({ headers: options.headers, name: source.header });
  const value = readPath({ value: options.payload, path: source.payload });
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The event type: the parts that are present, joined with `.` (GitHub: `issues` + `opened`). */
export function readEventType(options: { parts: readonly WebhookValueSource[]; headers: WebhookHeaders; payload: unknown }): string {
  return options.parts
    .map((source) => readEventValue({ source, headers: options.headers, payload: options.payload }))
    .filter((part): part is string => part !== undefined)
    .join('.');
}

/** Event types come from the sender: quote them in messages cut short and without control characters. */
export function quoteForMessage(value: string): string {
  return JSON.stringify(value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 100));
}
