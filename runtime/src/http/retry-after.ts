/**
 * Seconds the server asked to wait: `retry-after-ms`, then `Retry-After` as seconds or an HTTP
 * date. Undefined when absent or unreadable. The retry middleware (retry/retry-delay.ts) honours it.
 */
export function parseRetryAfter(options: { headers: Headers; now?: number }): number | undefined {
  const { headers } = options;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Number(milliseconds) / 1000;
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - (options.now ?? Date.now())) / 1000));
}
