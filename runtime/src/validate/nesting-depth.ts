import type { InputField } from '../definition.ts';
import { isFileField } from '../request/file-value.ts';

const MAX_VISITED_NODES = 1_000_000;

/**
 * Checks the raw shape of a value before typed validation: nesting deeper than `maxDepth`, more
 * than a million nodes, or (when `maxStringLength` is given) an oversized string anywhere, also
 * inside opaque or free-form objects that typed validation does not enter. Iterative, so a hostile
 * 100,000-deep value cannot overflow the stack here and serialisers never see one; a cycle shows
 * up as unbounded depth.
 */
export function findShapeProblem(options: { value: unknown; maxDepth: number; maxStringLength?: number }): 'depth' | 'string' | undefined {
  const { maxDepth, maxStringLength } = options;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: options.value, depth: 0 }];
  let visited = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'string') {
      if (maxStringLength !== undefined && value.length > maxStringLength) return 'string';
      continue;
    }
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Blob) continue;
    if (depth > maxDepth || ++visited > MAX_VISITED_NODES) return 'depth';
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}

/** Whether a field or anything inside it accepts files (whose strings are not size-capped). */
export function acceptsFiles(field: InputField, depth = 0): boolean {
  if (isFileField(field)) return true;
  if (depth > 16) return false;
  const children = [
    ...Object.values(field.properties ?? {}),
    ...(field.itemSchema ? [field.itemSchema] : []),
    ...(typeof field.additionalProperties === 'object' ? [field.additionalProperties] : []),
    ...(field.variants ?? []).map((variant) => variant.field),
  ];
  return children.some((child) => acceptsFiles(child, depth + 1));
}
