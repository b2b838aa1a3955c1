import { blockAfterReport, refill, waitForToken, type BucketSpec, type RateLimitStore } from './rate-limit-store.ts';

interface KeyState {
  buckets: Map<string, { tokens: number; updatedAt: number }>;
  blockedUntil: number;
}

/** The default store: one process. Shared by every connector instance that uses it. */
export class InMemoryRateLimitStore implements RateLimitStore {
  private readonly keys = new Map<string, KeyState>();

  async take(options: { key: string; buckets: readonly BucketSpec[]; now: number }): Promise<{ waitMs: number }> {
    const { now } = options;
    const state = this.state(options.key);
    if (state.blockedUntil > now) return { waitMs: state.blockedUntil - now };
    const levels = this.levels({ state, buckets: options.buckets, now });
    const waitMs = Math.max(0, ...options.buckets.map((bucket, index) => waitForToken({ tokens: levels[index] ?? 0, bucket })));
    options.buckets.forEach((bucket, index) => {
      state.buckets.set(bucket.id, { tokens: (levels[index] ?? 0) - (waitMs === 0 ? 1 : 0), updatedAt: now });
    });
    return { waitMs };
  }

  /** What `take` answers when there are no buckets: the wait left on a block the API reported (0: none). */
  blockedFor(options: { key: string; now: number }): number {
    const state = this.state(options.key);
    return state.blockedUntil > options.now ? state.blockedUntil - options.now : 0;
  }

  async report(options: { key: string; buckets: readonly BucketSpec[]; now: number; remaining?: number; blockedUntil?: number }): Promise<void> {
    const { now, remaining } = options;
    const state = this.state(options.key);
    state.blockedUntil = blockAfterReport({ blockedUntil: state.blockedUntil, now, remaining, reported: options.blockedUntil });
    if (remaining === undefined) return;
    const levels = this.levels({ state, buckets: options.buckets, now });
    options.buckets.forEach((bucket, index) => {
      state.buckets.set(bucket.id, { tokens: Math.min(levels[index] ?? 0, remaining), updatedAt: now });
    });
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { buckets: new Map(), blockedUntil: 0 };
      this.keys.set(key, state);
    }
    return state;
  }

  private levels(options: { state: KeyState; buckets: readonly BucketSpec[]; now: number }): number[] {
    return options.buckets.map((bucket) => {
      const stored = options.state.buckets.get(bucket.id);
      return stored ? refill({ ...stored, now: options.now, bucket }) : bucket.capacity;
    });
  }
}
