/**
 * The shape of a vendor schema as far as the wire cares: is it an object, an array, a primitive?
 * Read through local `$ref`s and `allOf`, as vendors write `allOf: [{ $ref }, { description }]`.
 */
import { isRecord } from './vendor-spec.ts';

/**
 * The schema with its local `$ref` followed and its `allOf` members merged in (the first `type`,
 * `items`, `properties` and `additionalProperties` found win): enough to tell its shape.
 */
export function flattenSchema(options: { schema: unknown; document: unknown; depth?: number }): Record<string, unknown> | undefined {
  const { schema, document } = options;
  const depth = options.depth ?? 0;
  if (!isRecord(schema) || depth > 32) return undefined;
  if (typeof schema.$ref === 'string') return flattenSchema({ schema: resolveLocal({ ref: schema.$ref, document }), document, depth: depth + 1 });
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: Record<string, unknown> = { ...schema };
  delete merged.allOf;
  for (const member of schema.allOf) {
    const part = flattenSchema({ schema: member, document, depth: depth + 1 });
    if (!part) continue;
    for (const key of ['type', 'items', 'properties', 'additionalProperties'] as const) {
      if (merged[key] === undefined && part[key] !== undefined) merged[key] = part[key];
    }
  }
  return merged;
}

function resolveLocal(options: { ref: string; document: unknown }): unknown {
  if (!options.ref.startsWith('#/')) return undefined;
  let node: unknown = options.document;
  for (const token of options.ref.slice(2).split('/')) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * `'an array'`, `'a string'`, … when the schema certainly is not an object; `undefined` when it is
 * one, or may be (no type, a union, a type list with `object`).
 */
export function nonObjectShape(options: { schema: unknown; document: unknown }): string | undefined {
  const schema = flattenSchema(options);
  if (!schema) return undefined;
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((type) => type !== 'null') : [];
  if (types.length === 0) return schema.items !== undefined && !isRecord(schema.properties) ? 'an array' : undefined;
  if (types.includes('object')) return undefined;
  return types.map((type) => `${type === 'array' || type === 'integer' ? 'an' : 'a'} ${String(type)}`).join(' or ');
}
