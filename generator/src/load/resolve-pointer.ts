import { parsePointerFragment } from '../errors/index.ts';
import { isPlainRecord } from './plain-record.ts';

export type PointerLookup = { found: true; value: unknown } | { found: false };

/** Follows a `#/a/b` fragment through own properties only, so `#/__proto__` finds nothing. */
export function resolvePointer(options: { root: unknown; fragment: string }): PointerLookup {
  const segments = parsePointerFragment(options.fragment);
  if (segments === undefined) return { found: false };
  let current: unknown = options.root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return { found: false };
      const index = Number(segment);
      if (index >= current.length) return { found: false };
      current = current[index];
    } else if (isPlainRecord(current)) {
      if (!Object.hasOwn(current, segment)) return { found: false };
      current = current[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
