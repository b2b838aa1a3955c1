import type { RuntimeClock } from '@specwire/runtime';

export interface TestClock {
  clock: RuntimeClock;
  /** Every sleep asked for, in order (ms). */
  sleeps: number[];
  /** Virtual time (ms since the epoch). */
  now(): number;
  advance(ms: number): void;
}

/**
 * A virtual clock: sleeps return at once and move virtual time, so a test asserts the exact
 * delays chosen without waiting for them. `random` is fixed (default 0.5) to pin the jitter.
 */
export function createTestClock(options: { start?: number; random?: number | (() => number) } = {}): TestClock {
  let time = options.start ?? Date.parse('2025-01-01T00:00:00Z');
  const sleeps: number[] = [];
  const random = typeof options.random === 'function' ? options.random : () => (options.random as number | undefined) ?? 0.5;
  return {
    sleeps,
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
    clock: {
      now: () => time,
      random,
      sleep: async ({ ms, signal }) => {
        if (signal?.aborted) throw signal.reason;
        sleeps.push(ms);
        time += ms;
      },
    },
  };
}
