import { childPointer } from '../errors/index.ts';
import { field, resolveObject, degrade, warn, type NormaliseContext, type ResolvedObject } from './normalise-context.ts';

/** A parameter object after `$ref` resolution, with the pointer of where the operation lists it. */
export interface RawParameter {
  value: ResolvedObject['value'];
  pointer: string;
  name: string;
  in: string;
}

/**
 * Resolves path-level and operation-level parameter lists and merges them: an operation parameter
 * replaces the path-level one with the same name and location in place; others are appended.
 */
export function mergeParameterLists(options: {
  context: NormaliseContext;
  pathLevel: unknown;
  pathPointer: string;
  operationLevel: unknown;
  operationPointer: string;
}): RawParameter[] {
  const { context } = options;
  const merged = resolveList({ context, list: options.pathLevel, pointer: options.pathPointer });
  for (const parameter of resolveList({ context, list: options.operationLevel, pointer: options.operationPointer })) {
    const index = merged.findIndex((other) => other.name === parameter.name && other.in === parameter.in);
    if (index === -1) merged.push(parameter);
    else merged[index] = parameter;
  }
  return merged;
}

function resolveList(options: { context: NormaliseContext; list: unknown; pointer: string }): RawParameter[] {
  const { context, list, pointer } = options;
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    degrade(context, pointer, '"parameters" is not an array; ignored');
    return [];
  }
  const result: RawParameter[] = [];
  list.forEach((item, index) => {
    const at = childPointer(pointer, index);
    const resolved = resolveObject({ context, value: item, pointer: at });
    if (resolved === undefined) return;
    const name = field(resolved.value, 'name');
    const location = field(resolved.value, 'in');
    if (typeof name !== 'string' || typeof location !== 'string') {
      degrade(context, at, 'parameter without a string "name" and "in"; ignored');
      return;
    }
    const duplicate = result.findIndex((other) => other.name === name && other.in === location);
    if (duplicate !== -1) {
      warn(context, at, `parameter "${name}" in ${location} is declared twice; the later one wins`);
      result.splice(duplicate, 1);
    }
    result.push({ value: resolved.value, pointer: at, name, in: location });
  });
  return result;
}
