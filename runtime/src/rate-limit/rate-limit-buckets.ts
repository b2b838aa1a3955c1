import type { RateLimits } from '../definition.ts';
import type { BucketSpec } from './rate-limit-store.ts';

const WINDOWS: Array<{ field: keyof RateLimits; id: string; windowMs: number }> = [
  { field: 'requests_per_second', id: 'second', windowMs: 1_000 },
  { field: 'requests_per_minute', id: 'minute', windowMs: 60_000 },
  { field: 'requests_per_hour', id: 'hour', windowMs: 3_600_000 },
  { field: 'requests_per_day', id: 'day', windowMs: 86_400_000 },
];

/** One bucket per declared window; none when the definition declares no limit. */
export function bucketsFromRateLimits(limits: RateLimits | undefined): BucketSpec[] {
  if (!limits) return [];
  return WINDOWS.flatMap(({ field, id, windowMs }) => {
    const limit = limits[field];
    if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) return [];
    const burst = typeof limits.burst === 'number' && limits.burst >= 1 ? limits.burst : limit;
    return [{ id, capacity: Math.min(burst, limit), limit, windowMs }];
  });
}
