import { isRecord, readPath } from './read-path.ts';

/**
 * The items of a page: at `itemsPath` when declared; else the body when it is an array, or its
 * only array-valued property. Undefined when that is not unambiguous.
 */
export function findItems(options: { data: unknown; itemsPath?: string }): unknown[] | undefined {
  const { data, itemsPath } = options;
  if (itemsPath !== undefined) {
    const found = readPath({ value: data, path: itemsPath });
    if (Array.isArray(found)) return found;
    return found === undefined || found === null ? [] : undefined;
  }
  if (Array.isArray(data)) return data;
  if (!isRecord(data)) return data === undefined ? [] : undefined;
  const arrays = Object.values(data).filter((value): value is unknown[] => Array.isArray(value));
  return arrays.length === 1 ? arrays[0] : undefined;
}
