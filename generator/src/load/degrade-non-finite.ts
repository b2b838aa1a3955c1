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
  path: string[];
  /** The outermost data keyword or extension this value sits in, if any. */
  dataOwner?: { container: PlainRecord; key: string; path: string[] };
  /** The object and key this value sits under, when it sits in an object. */
  holder?: { container: PlainRecord; key: string };
}

function findRemovals(document: PlainRecord): Removal[] {
  const removals = new Map<string, Removal>();
  const seen = new Set<object>();
  const stack: Frame[] = [{ value: document, path: [] }];
  const add = (removal: Removal): void => {
    if (!removals.has(removal.pointer)) removals.set(removal.pointer, removal);
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, path } = frame;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const inEnum = path[path.length - 1] === 'enum' && Array.isArray(value);
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, index): [number, unknown] => [index, item])
      : isPlainRecord(value) ? Object.keys(value).map((key): [string, unknown] => [key, value[key]]) : [];
    for (const [key, child] of entries) {
      const childPath = [...path, String(key)];
      if (typeof child === 'number' && !Number.isFinite(child)) {
        if (frame.dataOwner !== undefined) {
          const owner = frame.dataOwner;
          add({ container: owner.container, key: owner.key, pointer: jsonPointer(...owner.path), what: `"${owner.key}"`, number: child });
        } else {
          add({ container: value as PlainRecord | unknown[], key, pointer: jsonPointer(...childPath), what: inEnum ? 'an enum value' : `"${String(key)}"`, number: child, holder: frame.holder });
        }
        continue;
      }
      if (typeof child !== 'object' || child === null) continue;
      const keyIsName = NAME_MAP_KEYS.has(path[path.length - 1] ?? '');
      const ownsData = frame.dataOwner === undefined && typeof key === 'string' && !keyIsName && (DATA_KEYS.has(key) || key.startsWith('x-'));
      const dataOwner = ownsData ? { container: value as PlainRecord, key, path: childPath } : frame.dataOwner;
      const holder = typeof key === 'string' ? { container: value as PlainRecord, key } : undefined;
      stack.push({ value: child, path: childPath, dataOwner, holder });
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
