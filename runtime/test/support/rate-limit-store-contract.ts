import { expect, it } from 'vitest';
import type { BucketSpec, RateLimitStore } from '@specwire/runtime';

const PER_SECOND: BucketSpec[] = [{ id: 'second', capacity: 2, limit: 2, windowMs: 1_000 }];
const T0 = 1_700_000_000_000;

/** What every RateLimitStore must do; run against the in-memory and the Redis store. */
export function rateLimitStoreContract(options: { store: () => RateLimitStore; key: () => string }): void {
  it('takes up to capacity, then says how long to wait, taking nothing', async () => {
    const store = options.store();
    const key = options.key();
    expect(await store.take({ key, buckets: PER_SECOND, now: T0 })).toEqual({ waitMs: 0 });
    expect(await store.take({ key, buckets: PER_SECOND, now: T0 })).toEqual({ waitMs: 0 });
    expect(await store.take({ key, buckets: PER_SECOND, now: T0 })).toEqual({ waitMs: 500 });
    expect(await store.take({ key, buckets: PER_SECOND, now: T0 + 250 })).toEqual({ waitMs: 250 });
    expect(await store.take({ key, buckets: PER_SECOND, now: T0 + 500 })).toEqual({ waitMs: 0 });
    expect(await store.take({ key, buckets: PER_SECOND, now: T0 + 500 })).toEqual({ waitMs: 500 });
  });

  it('refills to capacity, not beyond', async () => {
    const store = options.store();
    const key = options.key();
    await store.take({ key, buckets: PER_SECOND, now: T0 });
    const later = T0 + 60_000;
    expect(await store.take({ key, buckets: PER_SECOND, now: later })).toEqual({ waitMs: 0 });
    expect(await store.take({ key, buckets: PER_SECOND, now: later })).toEqual({ waitMs: 0 });
    expect((await store.take({ key, buckets: PER_SECOND, now: later })).waitMs).toBe(500);
  });

  it('report: remaining lowers every bucket; blockedUntil blocks even without buckets', async () => {
    const store = options.store();
    const key = options.key();
    await store.report({ key, buckets: PER_SECOND, now: T0, remaining: 0 });
    expect(await store.take({ key, buckets: PER_SECOND, now: T0 })).toEqual({ waitMs: 500 });
    const bare = options.key();
    await store.report({ key: bare, buckets: [], now: T0, remaining: 0, blockedUntil: T0 + 7_000 });
    expect(await store.take({ key: bare, buckets: [], now: T0 + 1_000 })).toEqual({ waitMs: 6_000 });
    expect(await store.take({ key: bare, buckets: [], now: T0 + 7_000 })).toEqual({ waitMs: 0 });
  });

  it('concurrent takes never hand out more than capacity', async () => {
    const store = options.store();
    const key = options.key();
    const results = await Promise.all(Array.from({ length: 10 }, () => store.take({ key, buckets: PER_SECOND, now: T0 })));
    expect(results.filter((result) => result.waitMs === 0)).toHaveLength(2);
  });
}
