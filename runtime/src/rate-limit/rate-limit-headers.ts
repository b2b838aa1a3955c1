/** What a response said about the rate limit. */
export interface RateLimitReport {
  remaining?: number;
  /** Epoch ms when the window resets. */
  resetAt?: number;
}

/** `X-RateLimit-Reset` values above this are epoch seconds (GitHub), below it seconds from now. */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * Reads `X-RateLimit-Remaining/Reset` (and `X-Rate-Limit-*`), the IETF draft's
 * `RateLimit-Remaining/Reset` (reset in seconds) and its structured `RateLimit: …;r=0;t=30`
 * (or `remaining=0, reset=30`). Unreadable values are ignored, never trusted.
 */
export function readRateLimitHeaders(options: { headers: Headers; now: number }): RateLimitReport {
  const { now } = options;
  const report: RateLimitReport = {};
  const read = rateLimitValues(options.headers);
  if (read === undefined) return report;
  const get = (name: string): string | null => read.get(name) ?? null;
  const remaining = firstInteger([get('x-ratelimit-remaining'), get('x-rate-limit-remaining'), get('ratelimit-remaining')]);
  const xReset = firstInteger([get('x-ratelimit-reset'), get('x-rate-limit-reset')]);
  const ietfReset = firstInteger([get('ratelimit-reset')]);
  const structured = parseStructured(get('ratelimit'));
  const left = remaining ?? structured.remaining;
  if (left !== undefined) report.remaining = left;
  if (xReset !== undefined) report.resetAt = xReset > EPOCH_SECONDS_THRESHOLD ? xReset * 1000 : now + xReset * 1000;
  else if (ietfReset !== undefined) report.resetAt = now + ietfReset * 1000;
  else if (structured.reset !== undefined) report.resetAt = now + structured.reset * 1000;
  return report;
}

const RATE_LIMIT_HEADERS = new Set([
  'x-ratelimit-remaining',
  'x-rate-limit-remaining',
  'ratelimit-remaining',
  'x-ratelimit-reset',
  'x-rate-limit-reset',
  'ratelimit-reset',
  'ratelimit',
]);

/** The rate-limit headers present (undefined: none), in one pass instead of a `get` per name (every response is read). */
function rateLimitValues(headers: Headers): Map<string, string> | undefined {
  let found: Map<string, string> | undefined;
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (RATE_LIMIT_HEADERS.has(key)) (found ??= new Map()).set(key, value);
  });
  return found;
}

function firstInteger(values: Array<string | null>): number | undefined {
  for (const value of values) {
    const trimmed = value?.split(',')[0]?.trim();
    if (trimmed !== undefined && /^\d{1,15}$/.test(trimmed)) return Number(trimmed);
  }
  return undefined;
}

function parseStructured(value: string | null): { remaining?: number; reset?: number } {
  if (!value) return {};
  const remaining = /(?:^|[;,\s])(?:r|remaining)=(\d{1,15})/.exec(value)?.[1];
  const reset = /(?:^|[;,\s])(?:t|reset)=(\d{1,15})/.exec(value)?.[1];
  return { remaining: remaining === undefined ? undefined : Number(remaining), reset: reset === undefined ? undefined : Number(reset) };
}
