/** What a response said about the rate limit. */
export interface RateLimitReport {
  remaining?: number;
  /** Epoch ms when the window resets. */
  resetAt?: number;
}

import { MAX_REPORTED_BLOCK_MS } from './rate-limit-store.ts';

/** Reset values from here up are epoch seconds (GitHub: 10 digits until 2286), below it seconds from now. */
const EPOCH_SECONDS_FROM = 1_000_000_000;
/** From here up, epoch milliseconds (13 digits; no seconds count reaches it before the year 33658). */
const EPOCH_MILLISECONDS_FROM = 1_000_000_000_000;

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
  const reset = xReset ?? ietfReset ?? structured.reset;
  if (reset !== undefined) report.resetAt = resetTime({ value: reset, now });
  return report;
}

/**
 * A reset value as epoch ms, whichever form the API used (the IETF draft says seconds from now, but
 * APIs send epoch seconds or milliseconds under every name). Capped at `MAX_REPORTED_BLOCK_MS` from
 * now: one response, perhaps from a proxy or a misconfigured gateway, must not stop a connector for
 * longer, and a limit window longer than that is rare enough to learn again from the next 429.
 */
function resetTime(options: { value: number; now: number }): number {
  const { value, now } = options;
  const at = value >= EPOCH_MILLISECONDS_FROM ? value : value >= EPOCH_SECONDS_FROM ? value * 1000 : now + value * 1000;
  return Math.min(at, now + MAX_REPORTED_BLOCK_MS);
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
