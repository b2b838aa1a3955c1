import { escapePointerSegment } from '../errors/index.ts';

/**
 * Which request bodies need `InputOf`. openapi-typescript prints a readOnly property `readonly` and
 * keeps it required; `InputOf`, a recursive mapped type, makes such keys optional at every depth of a
 * body. tsc pays for that mapping on every body it is applied to (on the full GitHub spec, which has
 * no readOnly at all, it was two thirds of the type-check time of `types.gen.ts`), so it is applied
 * only to a body whose schema reaches a truthy `readOnly`, directly or through any chain of `$ref`s.
 *
 * Conservative by construction: a `$ref` to anything other than a whole component counts as
 * reaching readOnly, as does a truthy `readOnly` written anywhere under a schema (inside an `example`
 * too). A false "yes" costs type-check time only; a false "no" would leave a server-set property
 * required in an input type.
 */
export function createReadOnlyReach(document: Record<string, unknown>): (schema: unknown) => boolean {
  const components = collectComponents(document);
  const reaching = componentsReachingReadOnly(components);
  return (schema) => {
    const scan = scanSubtree(schema);
    return scan.readOnly || [...scan.refs].some((ref) => reaching.has(ref) || !components.has(ref));
  };
}

interface Scan {
  /** A truthy `readOnly` somewhere in the subtree, refs not followed. */
  readOnly: boolean;
  /** The `$ref` strings of the subtree. */
  refs: Set<string>;
}

/** Every `#/components/<section>/<name>` of the document with what its subtree says. */
function collectComponents(document: Record<string, unknown>): Map<string, Scan> {
  const result = new Map<string, Scan>();
  const components = document.components;
  if (!isRecord(components)) return result;
  for (const [section, entries] of Object.entries(components)) {
    if (!isRecord(entries)) continue;
    for (const [name, value] of Object.entries(entries)) {
      result.set(`#/components/${escapePointerSegment(section)}/${escapePointerSegment(name)}`, scanSubtree(value));
    }
  }
  return result;
}

/** The components that reach readOnly: those that say it, then whatever refers to them, transitively. */
function componentsReachingReadOnly(components: Map<string, Scan>): Set<string> {
  const referrers = new Map<string, string[]>();
  const reaching = new Set<string>();
  for (const [pointer, scan] of components) {
    if (scan.readOnly) reaching.add(pointer);
    for (const ref of scan.refs) {
      if (!components.has(ref)) reaching.add(pointer);
      else {
        const list = referrers.get(ref);
        if (list === undefined) referrers.set(ref, [pointer]);
        else list.push(pointer);
      }
    }
  }
  const queue = [...reaching];
  while (queue.length > 0) {
    for (const referrer of referrers.get(queue.pop()!) ?? []) {
      if (reaching.has(referrer)) continue;
      reaching.add(referrer);
      queue.push(referrer);
    }
  }
  return reaching;
}

function scanSubtree(root: unknown): Scan {
  const scan: Scan = { readOnly: false, refs: new Set() };
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (!Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      // Truthy, as openapi-typescript tests it before printing `readonly` (a spec may write "true").
      if (record.readOnly) scan.readOnly = true;
      if (typeof record.$ref === 'string') scan.refs.add(record.$ref);
    }
    for (const child of Object.values(value)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return scan;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
