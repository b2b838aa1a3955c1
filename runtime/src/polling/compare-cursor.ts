import type { PollingCursor } from '../definition.ts';

type Rank = number | bigint | string;

/**
 * A cursor value made comparable: timestamps as epoch numbers (ISO dates parsed, numbers as they
 * are), increasing ids as big integers when they are digits, else as strings (ULIDs, KSUIDs sort
 * as text). Undefined when the value cannot be compared.
 */
export function cursorRank(options: { kind: PollingCursor['kind']; value: unknown }): Rank | undefined {
  const { kind, value } = options;
  if (kind === 'opaque') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  if (kind === 'timestamp') {
    if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return /^\d+$/.test(value) ? BigInt(value) : value;
}

/** Negative, zero or positive like a sort comparator; numbers and big integers compare with each other. */
export function compareRanks(a: Rank, b: Rank): number {
  if (typeof a === 'string' || typeof b === 'string') {
    const left = String(a);
    const right = String(b);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
