import type { Warning } from '../ir/types.ts';
import { jsonPointer } from '../errors/index.ts';
import { isPlainRecord, type PlainRecord } from './plain-record.ts';

/**
 * Keys whose whole value is example or default data: a non-finite number anywhere inside one drops
 * that one key, since a half-cleaned example would be a different example.
 */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'const', 'value']);
/** Keys whose children are names chosen by the spec's author (a property may be called `default`). */
const NAME_MAP_KEYS = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'schemas', 'parameters', 'responses', 'headers',
  'requestBodies', 'securitySchemes', 'paths', 'content', 'variables', 'encoding', 'mapping', 'scopes', 'webhooks',
]);

/** A place in the document that held a non-finite number and what is removed to get rid of it. */
interface Removal {
  container: PlainRecord | unknown[];
  key: string | number;
  pointer: string;
  /** What is left out, for the warning. */
  what: string;
  number: number;
  /** For an array item: the object and key holding the array (to remove an emptied enum). */
  holder?: { container: PlainRecord; key: string };
}

/**
 * YAML's `.inf`/`.nan` and JSON's `1e400` parse to numbers that JSON cannot write and no request
 * can carry. Each one is removed with the smallest part that holds it, with a warning marked as a
 * degradation (listed in `coverage.md`) naming its pointer in the spec:
 * - an `enum` item: that item (an enum left empty is removed, so the schema accepts any value);
 * - inside `example`, `default`, `const`, `value` or an `x-*` extension: that whole keyword;
 * - anywhere else (`maximum: .inf`, …): the keyword or array item itself.
 * Iterative and visiting each shared object once (YAML aliases share), so deep or aliased
 * documents cost one pass.
 */
export function degradeNonFiniteNumbers(options: { document: PlainRecord }): Warning[] {
  const removals = findRemovals(options.document);
  applyRemovals(removals);
  return removals.map((removal) => ({
    pointer: removal.pointer,
    message: `${removal.what} holds ${String(removal.number)}, which JSON cannot carry; it is left out`,
    effect: 'degraded' as const,
  }));
}

interface Frame {
  value: unknown;
  /** The key or index this value sits under (empty for the document). */
  key: string;
  /** The frame of the container, so a pointer is built only when something is removed. */
  parent?: Frame;
  /** The outermost data keyword or extension this value sits in, if any. */
  dataOwner?: { container: PlainRecord; key: string; parent: Frame };
  /** The object and key this value sits under, when it sits in an object. */
  holder?: { container: PlainRecord; key: string };
}

function pointerOf(options: { frame: Frame; key: string }): string {
  const segments = [options.key];
  for (let frame: Frame | undefined = options.frame; frame?.parent !== undefined; frame = frame.parent) segments.push(frame.key);
  return jsonPointer(...segments.reverse());
}

function findRemovals(document: PlainRecord): Removal[] {
  const removals = new Map<string, Removal>();
  const seen = new Set<object>();
  const stack: Frame[] = [{ value: document, key: '' }];
  const add = (removal: Removal): void => {
    if (!removals.has(removal.pointer)) removals.set(removal.pointer, removal);
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const inEnum = frame.key === 'enum' && Array.isArray(value);
    const keysAreNames = NAME_MAP_KEYS.has(frame.key);
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, index): [number, unknown] => [index, item])
      : isPlainRecord(value) ? Object.keys(value).map((key): [string, unknown] => [key, value[key]]) : [];
    for (const [key, child] of entries) {
      if (typeof child === 'number' && !Number.isFinite(child)) {
        const owner = frame.dataOwner;
        if (owner !== undefined) {
          add({ container: owner.container, key: owner.key, pointer: pointerOf({ frame: owner.parent, key: owner.key }), what: `"${owner.key}"`, number: child });
        } else {
          const pointer = pointerOf({ frame, key: String(key) });
          add({ container: value as PlainRecord | unknown[], key, pointer, what: inEnum ? 'an enum value' : `"${String(key)}"`, number: child, holder: frame.holder });
        }
        continue;
      }
      if (typeof child !== 'object' || child === null) continue;
      const ownsData = frame.dataOwner === undefined && typeof key === 'string' && !keysAreNames && (DATA_KEYS.has(key) || key.startsWith('x-'));
      const dataOwner = ownsData ? { container: value as PlainRecord, key, parent: frame } : frame.dataOwner;
      const holder = typeof key === 'string' ? { container: value as PlainRecord, key } : undefined;
      stack.push({ value: child, key: String(key), parent: frame, dataOwner, holder });
    }
  }
  return [...removals.values()];
}

/** Array items are removed from the highest index down so earlier indexes stay valid. */
function applyRemovals(removals: Removal[]): void {
  const keyed = removals.filter((removal) => typeof removal.key === 'string');
  const indexed = removals.filter((removal) => typeof removal.key === 'number').sort((a, b) => Number(b.key) - Number(a.key));
  for (const removal of keyed) delete (removal.container as PlainRecord)[String(removal.key)];
  for (const removal of indexed) {
    const array = removal.container as unknown[];
    array.splice(Number(removal.key), 1);
    // An enum with nothing left would accept nothing; without it the schema accepts what its type says.
    const holder = removal.holder;
    if (array.length === 0 && holder?.key === 'enum' && holder.container[holder.key] === array) delete holder.container.enum;
  }
}
