import { isPlainObject, ownValue, type PlainObject } from './own-record.ts';
import { componentNameOfRef } from './resolve-schema.ts';

/** Keywords whose subschemas become part of the schema's own type expression (not an object member). */
const EAGER_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/**
 * Removes the `$ref`s that would make a generated type refer to itself eagerly. openapi-typescript
 * writes `S: components["schemas"]["S"] & {…}` for `S: { allOf: [{ $ref: S }, …] }`, and likewise
 * for a schema that is a ref to itself, an array of itself or a union with itself, directly or through
 * other schemas: tsc rejects all of these (TS2502), while recursion through object properties is fine.
 * Each such back edge becomes `{}` (unknown), so a hostile or careless spec still typechecks.
 * Mutates the given (already copied) component schemas; returns how many refs were cut.
 */
export function cutEagerRefCycles(schemas: Record<string, unknown>): number {
  const state = new Map<string, 'active' | 'done'>();
  let cut = 0;

  const visitComponent = (name: string): void => {
    if (state.has(name)) return;
    state.set(name, 'active');
    visitSchema(ownValue({ record: schemas, key: name }));
    state.set(name, 'done');
  };

  const visitSchema = (schema: unknown): void => {
    if (!isPlainObject(schema)) return;
    if (typeof schema.$ref === 'string') {
      const target = componentNameOfRef(schema.$ref);
      if (target !== undefined && Object.hasOwn(schemas, target)) {
        if (state.get(target) === 'active') {
          delete (schema as PlainObject).$ref;
          cut++;
        } else {
          visitComponent(target);
        }
      }
    }
    for (const keyword of EAGER_LIST_KEYWORDS) {
      const list = ownValue({ record: schema, key: keyword });
      if (Array.isArray(list)) for (const item of list) visitSchema(item);
    }
    const items = ownValue({ record: schema, key: 'items' });
    if (Array.isArray(items)) for (const item of items) visitSchema(item);
    else visitSchema(items);
  };

  for (const name of Object.keys(schemas)) visitComponent(name);
  return cut;
}
