/**
 * OpenAPI: "If the property is marked as readOnly being true and is in the required list, the
 * required will take effect on the response only." The judge validates requests, so such names are
 * taken out of `required` before the validator sees the document. Checking the errors afterwards is
 * not enough: inside a `oneOf` every variant fails on its read-only `id`, and the oneOf error says
 * nothing about which property was to blame.
 *
 * Vendors seldom write the property and the requirement side by side. A name counts as read-only for
 * a `required` list when every declaration of it that the list can see is read-only:
 * - the object's own `properties`, and those of its `allOf`/`oneOf`/`anyOf` branches, through local
 *   `$ref`s (a `required` beside a `oneOf` of variants that declare the properties);
 * - for an inline `allOf` branch, the properties of its sibling branches (`allOf: [$ref: Base,
 *   {required: [id]}]` where only Base declares `id`).
 * A declaration is read-only when it says so itself or through an `allOf` member
 * (`allOf: [{$ref: Id}, {readOnly: true}]`).
 */
import { forEachObject, resolveLocalRef } from './local-ref.ts';
import { isRecord, type VendorDocument } from './vendor-spec.ts';

/** How deep declarations are looked for through branches and references. */
const MAX_DEPTH = 12;

export function releaseReadOnlyRequirements(document: VendorDocument): void {
  forEachObject(document, (node) => {
    release({ document, schema: node, scope: [node] });
    if (Array.isArray(node.allOf)) {
      // An inline branch's requirement may name what only a sibling branch declares.
      for (const branch of node.allOf) if (isRecord(branch) && typeof branch.$ref !== 'string') release({ document, schema: branch, scope: [node] });
    }
  });
}

function release(options: { document: VendorDocument; schema: Record<string, unknown>; scope: readonly unknown[] }): void {
  const { schema } = options;
  if (!Array.isArray(schema.required) || schema.required.length === 0) return;
  const kept = schema.required.filter((name) => {
    if (typeof name !== 'string') return true;
    const declarations = options.scope.flatMap((root) => declarationsOf({ document: options.document, schema: root, name, depth: 0, seen: new Set() }));
    return declarations.length === 0 || !declarations.every((declaration) => isReadOnly({ document: options.document, schema: declaration, depth: 0 }));
  });
  if (kept.length !== schema.required.length) schema.required = kept;
}

/** The schemas that declare `name` as a property of this object, its composed branches included. */
function declarationsOf(options: { document: VendorDocument; schema: unknown; name: string; depth: number; seen: Set<unknown> }): unknown[] {
  const schema = resolveLocalRef({ document: options.document, value: options.schema });
  if (!isRecord(schema) || options.depth > MAX_DEPTH || options.seen.has(schema)) return [];
  options.seen.add(schema);
  const found: unknown[] = [];
  const properties = isRecord(schema.properties) ? schema.properties : undefined;
  if (properties && Object.hasOwn(properties, options.name)) found.push(properties[options.name]);
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) found.push(...declarationsOf({ ...options, schema: branch, depth: options.depth + 1 }));
  }
  return found;
}

function isReadOnly(options: { document: VendorDocument; schema: unknown; depth: number }): boolean {
  const schema = resolveLocalRef({ document: options.document, value: options.schema });
  if (!isRecord(schema) || options.depth > MAX_DEPTH) return false;
  if (schema.readOnly === true) return true;
  return Array.isArray(schema.allOf) && schema.allOf.some((member) => isReadOnly({ document: options.document, schema: member, depth: options.depth + 1 }));
}
