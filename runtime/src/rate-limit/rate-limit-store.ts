/** One token bucket: `capacity` tokens, refilled at `limit` per `windowMs`. */
export interface BucketSpec {
  /** Stable name within a key (`minute`, `hour`). */
  id: string;
  capacity: number;
  limit: number;
  windowMs: number;
}

/**
 * Rate-limit state shared by everything that calls one API with one credential. Both operations
 * must be atomic per key: several workers (or concurrent requests) take tokens from the same
 * buckets. `now` comes from the connector clock so that tests (and hosts) control time.
 */
export interface RateLimitStore {
  /** Takes one token from every bucket when all have one; otherwise takes none and returns how long to wait. */
  take(options: { key: string; buckets: readonly BucketSpec[]; now: number }): Promise<{ waitMs: number }>;
  /**
   * What the API reported: at most `remaining` requests are left now, and none before
   * `blockedUntil` (epoch ms). Either may be absent. The latest report wins: `blockedUntil`
   * replaces an earlier block (held at most `MAX_REPORTED_BLOCK_MS` from `now`), and `remaining > 0`
   * lifts it, so a block learnt from one bad response comes down with the next good one.
   */
  report(options: { key: string; buckets: readonly BucketSpec[]; now: number; remaining?: number; blockedUntil?: number }): Promise<void>;
}

/** The longest block a response can impose (one hour); see `readRateLimitHeaders`. */
export const MAX_REPORTED_BLOCK_MS = 3_600_000;

/** The block after a report (see `RateLimitStore.report`), as epoch ms; 0 for none. */
export function blockAfterReport(options: { blockedUntil: number; now: number; remaining?: number; reported?: number }): number {
  const { now, remaining, reported } = options;
  if (reported !== undefined) return Math.min(reported, now + MAX_REPORTED_BLOCK_MS);
  if (remaining !== undefined && remaining > 0) return 0;
  return options.blockedUntil;
}

/** Bucket level after refilling since `updatedAt`, capped at capacity. */
export function refill(options: { tokens: number; updatedAt: number; now: number; bucket: BucketSpec }): number {
  const { bucket } = options;
  const elapsed = Math.max(0, options.now - options.updatedAt);
  return Math.min(bucket.capacity, options.tokens + (elapsed * bucket.limit) / bucket.windowMs);
}

/** Milliseconds until a bucket at `tokens` holds one whole token. */
export function waitForToken(options: { tokens: number; bucket: BucketSpec }): number {
  if (options.tokens >= 1) return 0;
  return Math.ceil(((1 - options.tokens) * options.bucket.windowMs) / options.bucket.limit);
}
