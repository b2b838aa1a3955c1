/**
 * Time and randomness the runtime depends on, injectable so that tests choose the delays and can
 * assert them exactly (`ConnectorOptions.clock`). `now` is wall-clock milliseconds because
 * `Retry-After` dates and `X-RateLimit-Reset` are wall-clock values.
 */
export interface RuntimeClock {
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
  sleep(options: { ms: number; signal?: AbortSignal }): Promise<void>;
  /** Uniform in [0, 1): the jitter source. */
  random(): number;
}

export const systemClock: RuntimeClock = {
  now: () => Date.now(),
  sleep: sleepWithTimer,
  random: () => Math.random(),
};

export function resolveClock(partial: Partial<RuntimeClock> | undefined): RuntimeClock {
  if (!partial) return systemClock;
  return { now: partial.now ?? systemClock.now, sleep: partial.sleep ?? systemClock.sleep, random: partial.random ?? systemClock.random };
}

function sleepWithTimer(options: { ms: number; signal?: AbortSignal }): Promise<void> {
  const { ms, signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
