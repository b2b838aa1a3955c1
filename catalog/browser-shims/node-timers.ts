// node:timers/promises' setTimeout (used by the Redis token store's lock wait).
export function setTimeout(ms: number): Promise<void> {
  return new Promise((resolve) => globalThis.setTimeout(resolve, ms));
}
