import { isRecord, type VendorDocument } from './vendor-spec.ts';

/** One segment of a `#/…` JSON pointer with its escapes decoded; undefined when malformed. */
export function decodePointerSegment(part: string): string | undefined {
  try {
    return decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
}

/** The own member `key` of an object or array, else undefined. */
export function stepInto(target: unknown, key: string): unknown {
  return typeof target === 'object' && target !== null && Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

/** Follows local `#/…` references (a few hops); a reference elsewhere is returned as it is. */
export function resolveLocalRef(options: { document: VendorDocument; value: unknown }): unknown {
  let value = options.value;
  for (let hop = 0; hop < 8 && isRecord(value) && typeof value.$ref === 'string'; hop += 1) {
    const ref = value.$ref;
    if (!ref.startsWith('#/')) return value;
    let target: unknown = options.document;
    for (const part of ref.slice(2).split('/')) {
      const key = decodePointerSegment(part);
      if (key === undefined) return undefined;
      target = stepInto(target, key);
    }
    value = target;
  }
  return value;
}

/** Calls `visit` once on every object of the document (arrays are walked, not visited), without recursion. */
export function forEachObject(document: VendorDocument, visit: (node: Record<string, unknown>) => void): void {
  const stack: unknown[] = [document];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (isRecord(node)) visit(node);
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}
